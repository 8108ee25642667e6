/**
 * Everything the console holds for one site profile: the links to its hosts, the procedure runs,
 * the queues main watches, and (with the built-in simulated site) the simulated site serving the
 * same profile. Choosing another profile closes the session and opens a new one on it, so the
 * Hosts screen, the runs and the simulated site all follow the profile the operator chose.
 */
import type { Clock } from '../../shared/clock';
import { createSiteLinks, type CredentialStore, type SiteLinks } from '../hosts';
import { watchQueues, type QueueWatch } from '../host-queries';
import { createJobChains, type JobChains } from '../machines/job-chains/chain-runs';
import { createProcedureRuns, type ProcedureRuns } from '../machines/procedures/procedure-runs';
import type { Store } from '../store';
import type { EventBus } from './event-bus';
import { startSimulatedSite, type EmbeddedSimulator } from './simulated-site';
import type { LoadedSite } from './site-loading';

/** Where the console's hosts are: its own simulated site (DESIGN rule 7), the real ones, or none (tools, tests). */
export type HostsMode = 'simulated' | 'live' | 'none';

export interface SiteSessionOptions {
  site: LoadedSite;
  hosts: HostsMode;
  store: Store;
  clock: Clock;
  events: EventBus;
  log(message: string): void;
  /** The data folder: the simulated site keeps its host keys there, so pinned keys stay valid. */
  dataDir: string;
  /** Where live hosts' passwords are kept: one store for the console's whole life. */
  credentials: CredentialStore;
  /** The simulated site's time scale: real seconds per simulated hour (3600 by default). */
  secondsPerSimulatedHour?: number;
}

export interface SiteSession {
  readonly site: LoadedSite;
  readonly links: SiteLinks | undefined;
  readonly procedures: ProcedureRuns;
  readonly queues: QueueWatch;
  /** Each day's chain of jobs, followed on the hosts. */
  readonly jobs: JobChains;
  /** The console's own simulated site, when it runs one. */
  readonly simulator: EmbeddedSimulator | undefined;
  close(): Promise<void>;
}

async function openLinks(options: SiteSessionOptions): Promise<{ links: SiteLinks | undefined; simulator: EmbeddedSimulator | undefined }> {
  const { site, store, clock } = options;
  switch (options.hosts) {
    case 'none':
      return { links: undefined, simulator: undefined };
    case 'live':
      return { links: createSiteLinks({ profile: site.profile, store, credentials: options.credentials, simulated: false, clock }), simulator: undefined };
    case 'simulated': {
      const simulator = await startSimulatedSite(site.profile, options.dataDir, {
        clock,
        ...(options.secondsPerSimulatedHour === undefined ? {} : { secondsPerSimulatedHour: options.secondsPerSimulatedHour }),
      });
      const links = createSiteLinks({ profile: site.profile, store, credentials: simulator.credentials, endpoints: simulator.endpoints, simulated: true, clock });
      return { links, simulator };
    }
  }
}

export async function openSiteSession(options: SiteSessionOptions): Promise<SiteSession> {
  const { site, store, clock, events, log } = options;
  const { links, simulator } = await openLinks(options);
  const stopHosts = links?.onChange((view) => events.emit('hosts.changed', view));
  const procedures = createProcedureRuns({ store, clock, profile: site.profile, links, onChange: (view) => events.emit('procedures.changed', view), log });
  let jobs: JobChains | undefined;
  const queues = watchQueues({
    profile: site.profile,
    links,
    clock,
    onChange: (snapshots) => {
      events.emit('queues.changed', snapshots);
      // the chains take each new reading at once rather than at their next round
      void jobs?.tick();
    },
    log,
  });
  jobs = createJobChains({ store, clock, profile: site.profile, links, queues: () => queues.latest(), onChange: (view) => events.emit('jobs.changed', view), log });
  const chains = jobs;
  let closing: Promise<void> | null = null;
  return {
    site,
    links,
    procedures,
    queues,
    jobs: chains,
    simulator,
    close() {
      closing ??= (async () => {
        queues.close();
        chains.close();
        procedures.close();
        stopHosts?.();
        links?.close();
        await simulator?.close();
      })();
      return closing;
    },
  };
}
