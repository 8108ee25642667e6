import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { SiteProfile } from '../../shared/site/schema';
import { MemoryCredentialStore } from '../hosts/credentials';
import { createSimulatedSite, loadOrCreateHostKeys, startSimulatorSshServer, type SimulatedSite } from '../simulator';

export interface EmbeddedSimulator {
  site: SimulatedSite;
  /** Where each simulated host listens, on 127.0.0.1. */
  endpoints: Record<string, { address: string; port: number }>;
  /** The password of this start, held in memory only. */
  credentials: MemoryCredentialStore;
  user: string;
  close(): Promise<void>;
}

/**
 * The simulated site `npm start` connects to with no setup: a real SSH server on 127.0.0.1 (any
 * free ports), host keys kept in the data folder so that pinned keys stay valid across starts.
 */
export async function startSimulatedSite(
  profile: SiteProfile,
  dataDir: string,
  options: { clock?: Clock; secondsPerSimulatedHour?: number } = {},
): Promise<EmbeddedSimulator> {
  const site = createSimulatedSite(profile, {
    ...(options.clock ? { clock: options.clock } : {}),
    secondsPerSimulatedHour: options.secondsPerSimulatedHour ?? 3600,
  });
  const keyDir = join(dataDir, 'simulator', 'host-keys');
  const user = 'SYSTEM';
  const password = randomBytes(12).toString('base64url');
  const server = await startSimulatorSshServer(site, {
    listen: profile.hosts.map((host) => ({ hostName: host.name, port: 0, sshServer: host.sshServer, exec: host.exec })),
    hostKeys: await loadOrCreateHostKeys(
      keyDir,
      profile.hosts.map((host) => host.name),
    ),
    users: [{ username: user, password }],
  });
  const credentials = new MemoryCredentialStore();
  for (const host of profile.hosts) await credentials.set(host.name, { kind: 'password', password });
  return {
    site,
    endpoints: Object.fromEntries(Object.entries(server.ports).map(([host, port]) => [host, { address: '127.0.0.1', port }])),
    credentials,
    user,
    close: async () => {
      await server.close();
      site.close();
    },
  };
}
