/** The shipped profile and a simulated site on a fake clock, for the simulator's tests. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Clock } from '../../../shared/clock';
import type { SiteProfile } from '../../../shared/site/schema';
import { validateSiteProfile } from '../../../shared/site/validate';
import { createSimulatedSite, type CreateSimulatedSiteOptions, type SimulatedSite } from '../../../src-main/simulator';
import type { BatchEntry } from '../../../src-main/simulator/batch/queue-manager';
import { SimulatedSiteCore } from '../../../src-main/simulator/site/simulated-site';

const PROFILE_FILE = new URL('../../../assets/sites/microfinancial.yaml', import.meta.url);
let cached: SiteProfile | undefined;

export function shippedProfile(): SiteProfile {
  if (cached === undefined) {
    const result = validateSiteProfile(parse(readFileSync(PROFILE_FILE, 'utf8')));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    cached = result.profile;
  }
  return cached;
}

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  private at: number;
  constructor(start: Date) {
    this.at = start.getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  advanceHours(hours: number): void {
    this.at += hours * 3600_000;
  }
  advanceMinutes(minutes: number): void {
    this.at += minutes * 60_000;
  }
}

/** A site at a local time (real time scale, so clock hours are simulated hours). */
export function siteAt(local: string, options: CreateSimulatedSiteOptions = {}): { site: SimulatedSite; clock: FakeClock } {
  const start = new Date(local);
  const clock = new FakeClock(start);
  const site = createSimulatedSite(shippedProfile(), { clock, startAt: start, secondsPerSimulatedHour: 3600, identifyTimeoutMs: 20, ...options });
  return { site, clock };
}

/** The site's own services at a local time, for tests that drive one DCL process by hand. */
export function coreAt(local: string): SimulatedSiteCore {
  const start = new Date(local);
  return new SimulatedSiteCore(shippedProfile(), { clock: new FakeClock(start), startAt: start, secondsPerSimulatedHour: 3600, identifyTimeoutMs: 20 });
}

/** Output lines of one command, without the CR LF ends. */
export async function run(site: SimulatedSite, command: string, host = 'BLT4'): Promise<{ lines: string[]; status: number; output: string }> {
  const result = await site.exec(host, command);
  return { lines: result.output.split('\r\n').slice(0, -1), status: result.status, output: result.output };
}

/**
 * The site's system manager keeps finished jobs in a queue, as SET QUEUE/RETAIN=ALL (or ERROR)
 * would: the plan's queues keep none, so a test that reads how the site's own job chain ended
 * from SHOW QUEUE sets it first.
 */
export function retainFinishedJobs(site: SimulatedSite, queues: readonly string[], retain: 'ALL' | 'ERROR', host = 'BLT4'): void {
  const manager = site.inspect(host).queues;
  for (const name of queues) {
    const queue = manager?.queue(name);
    if (queue === undefined) throw new Error(`${host} has no queue ${name}`);
    queue.retain = retain;
  }
}

/** Resolves with the next entry a host's queue manager takes (a SUBMIT arriving), as it takes it. */
export function nextSubmission(site: SimulatedSite, host = 'BLT4'): Promise<BatchEntry> {
  const manager = site.inspect(host).queues;
  if (manager === undefined) throw new Error(`${host} has no queue manager`);
  const take = manager.submit.bind(manager);
  return new Promise((resolve) => {
    manager.submit = (request) => {
      manager.submit = take;
      const entry = take(request);
      resolve(entry);
      return entry;
    };
  });
}
