import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultSiteFile } from '../../src-main/app/paths';
import { loadSiteProfile } from '../../src-main/site/load-site-profile';
import { createSimulatedSite, type SimulatedSite } from '../../src-main/simulator';
import { loadOrCreateHostKey } from '../../src-main/simulator/ssh/host-keys';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';

export interface LiveHost {
  site: SimulatedSite;
  port: number;
  /** A copy of the shipped profile whose BLT4 is this server. */
  siteFile: string;
  close(): Promise<void>;
}

/**
 * A "live" BLT4: an SSH server the console did not start (the simulated host, user SYSTEM with
 * the given password), and a profile that reaches it at its address, as a real site's would.
 */
export async function startLiveHost(dir: string, password: string): Promise<LiveHost> {
  const loaded = loadSiteProfile(defaultSiteFile);
  if (!loaded.ok) throw new Error(`the shipped profile is invalid: ${loaded.problems.join('; ')}`);
  const site = createSimulatedSite(loaded.profile, { secondsPerSimulatedHour: 3600 });
  const server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: { BLT4: await loadOrCreateHostKey(join(dir, 'keys'), 'BLT4') },
    users: [{ username: 'SYSTEM', password }],
  });
  const port = server.ports.BLT4 as number;
  const profile = parse(readFileSync(defaultSiteFile, 'utf8')) as { hosts: { name: string; port: number }[] };
  const blt4 = profile.hosts.find((h) => h.name === 'BLT4');
  if (!blt4) throw new Error('the shipped profile has no BLT4');
  blt4.port = port;
  const siteFile = join(dir, 'live-site.yaml');
  writeFileSync(siteFile, stringify(profile));
  return {
    site,
    port,
    siteFile,
    close: async () => {
      await server.close();
      site.close();
    },
  };
}
