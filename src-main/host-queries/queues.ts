/**
 * The batch queues as the plan names them: a queue shown (`SHOW QUEUE/FULL/ALL_JOBS`), an entry
 * found in it, every queue of the site read for the screens, and a SUBMIT sent only after the
 * queue has been asked whether it already holds the submission.
 */
import { ApiFailure } from '../../shared/errors';
import type { QueueSnapshot } from '../../shared/api';
import type { SiteProfile } from '../../shared/site/schema';
import { retentionAsked, showQueue, type DclCommand } from '../../shared/vms/dcl';
import { parseShowQueue, type QueueEntry, type QueueInfo } from '../../shared/vms/parsers';
import { checkSubmission, submitOnce, type HostLink, type SiteLinks } from '../hosts';
import { ask, linkTo, runReadOnly } from './ask';
import { wrongUsers } from './batch-users';

/** One queue with every job in it, or null when the host does not list it. */
export async function readQueue(link: HostLink, queue: string): Promise<QueueInfo | null> {
  const listing = await ask(link, showQueue({ queue, full: true, all: true }), parseShowQueue);
  return listing.queues.find((q) => q.name === queue) ?? null;
}

/** The first entry of a queue that `matches` picks, if any. */
export async function findEntry(link: HostLink, queue: string, matches: (entry: QueueEntry) => boolean): Promise<QueueEntry | undefined> {
  return (await readQueue(link, queue))?.entries.find(matches);
}

/** The entry whose job name is the submission's own /NAME. */
export function findSubmission(link: HostLink, queue: string, name: string): Promise<QueueEntry | undefined> {
  return findEntry(link, queue, (entry) => entry.jobName === name);
}

/** Every queue of the profile as its host answers now; a host that cannot answer says why. */
export async function readSiteQueues(profile: SiteProfile, links: SiteLinks | undefined, now: () => Date): Promise<QueueSnapshot[]> {
  return Promise.all(
    profile.queues.map(async (queue): Promise<QueueSnapshot> => {
      const link = linkTo(links, queue.host);
      const base = { host: queue.host, queue: queue.name };
      if (link.state.kind !== 'connected') {
        return { ...base, at: now().toISOString(), info: null, problem: `${queue.host} is not connected: connect it on the Hosts screen.` };
      }
      try {
        const info = await readQueue(link, queue.name);
        if (info === null) return { ...base, at: now().toISOString(), info, problem: `${queue.host} did not list ${queue.name}.` };
        return { ...base, at: now().toISOString(), info, problem: null, wrongUsers: wrongUsers(profile, info) };
      } catch (error) {
        if (error instanceof ApiFailure) return { ...base, at: now().toISOString(), info: null, problem: error.message };
        throw error;
      }
    }),
  );
}

export interface CheckedSubmission {
  command: DclCommand;
  queue: string;
  /** The unique /NAME the SUBMIT carries. */
  name: string;
}

/**
 * Sends a SUBMIT unless its queue already holds it: an invocation restarted after a crash asks
 * first, so it never submits twice; a link dropped while it is sent is handled by submitOnce.
 * Absence proves "never sent" only where a finished job would still be listed (the SUBMIT's own
 * /RETAIN, or the queue's): otherwise nothing is sent and the operator is told why. Answers what
 * happened in words for the record; throws when it was not sent, or the host refused it.
 */
export async function submitChecked(link: HostLink, submission: CheckedSubmission, options: { reconnectWaitMs?: number } = {}): Promise<string> {
  const { queue, name } = submission;
  const listing = await runReadOnly(link, showQueue({ queue, full: true, all: true }));
  const check = checkSubmission(listing, name, queue, retentionAsked(submission.command.command));
  switch (check.kind) {
    case 'found':
      return `${name} was already entry ${check.entry} in ${check.queue}; not sent again.`;
    case 'may-have-finished':
      throw new Error(`${name} is not in ${queue}, but it may have run and left it (${check.reason}): look for its log file before sending it again.`);
    case 'unsure':
      throw new Error(`${link.host.name} could not say whether ${name} is in ${queue} (${check.reason}); nothing was sent.`);
    case 'absent':
      break;
  }
  const outcome = await submitOnce(link, submission.command, name, {
    queue,
    ...(options.reconnectWaitMs === undefined ? {} : { reconnectWaitMs: options.reconnectWaitMs }),
  });
  switch (outcome.kind) {
    case 'submitted':
      return outcome.confirmation
        ? `Job ${outcome.confirmation.jobName} (queue ${outcome.confirmation.queue}, entry ${outcome.confirmation.entry}) started.`
        : `Sent; the confirmation could not be read (${outcome.unreadable ?? 'no answer'}).`;
    case 'already-in-queue':
      return `${name} is entry ${outcome.entry} in ${outcome.queue}; not sent again.`;
    case 'refused':
      throw new Error(`${link.host.name} refused the command: ${outcome.result.output.trim() || outcome.result.statusHex}`);
  }
}
