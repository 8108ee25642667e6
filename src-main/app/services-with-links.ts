import { loadSiteOrThrow } from './site-loading';
import { createServices, type Services, type ServicesOptions } from './services';
import { startEmbeddedSimulator, type EmbeddedSimulator } from './embedded-simulator';
import { createSiteLinks } from './site-links';
import { MemoryCredentialStore, type CredentialStore } from '../hosts/credentials';
import type { Store } from '../store';

export interface LinkOptions {
  dataDir: string;
  /** Reach the hosts at their profile addresses; otherwise the console serves its own simulated site. */
  live: boolean;
  started?: (simulator: EmbeddedSimulator) => void;
  /** Where the live hosts' passwords are kept: Electron seals them with safeStorage; by default, memory only. */
  credentials?: (store: Store) => CredentialStore;
  /** The simulated site's time scale: real seconds per simulated hour (3600 by default). */
  secondsPerSimulatedHour?: number;
}

/**
 * The services with links to the hosts. By default (DESIGN rule 7) the console starts the
 * simulated site over real SSH on 127.0.0.1 and connects to it, with no setup.
 */
export async function createServicesWithLinks(options: ServicesOptions, linkOptions: LinkOptions): Promise<Services> {
  if (linkOptions.live) {
    // no secret is kept on disk by the browser shell: the operator gives passwords per start
    return createServices({
      ...options,
      links: (site, store) =>
        createSiteLinks({ profile: site.profile, store, credentials: linkOptions.credentials?.(store) ?? new MemoryCredentialStore(), simulated: false }),
    });
  }
  // the simulated site follows the same profile the console starts with
  const probe = loadSiteOrThrow(options.siteFile ?? options.defaultSiteFile);
  const simulator = await startEmbeddedSimulator(probe.profile, linkOptions.dataDir, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(linkOptions.secondsPerSimulatedHour === undefined ? {} : { secondsPerSimulatedHour: linkOptions.secondsPerSimulatedHour }),
  });
  linkOptions.started?.(simulator);
  try {
    return createServices({
      ...options,
      faults: simulator.site.faults,
      simulatedDrive: () => simulator.site.drive(probe.profile.drive.host),
      links: (site, store) =>
        createSiteLinks({ profile: site.profile, store, credentials: simulator.credentials, endpoints: simulator.endpoints, simulated: true }),
    });
  } catch (error) {
    await simulator.close();
    throw error;
  }
}
