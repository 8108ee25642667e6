import type { Clock } from '../../shared/clock';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createServicesWithLinks } from '../app/services-with-links';
import type { EmbeddedSimulator } from '../app/embedded-simulator';
import { defaultSiteFile, projectRoot, rendererDir, userDataDir } from '../app/paths';
import { ensureRendererBuilt } from './renderer-build';
import { startConsoleServer, type ConsoleServer } from './server';

export interface RunConsoleOptions {
  port?: number;
  /** Connect to the hosts at their profile addresses instead of the console's own simulated site. */
  live?: boolean;
  siteFile?: string;
  dataDir?: string;
  build?: boolean;
  log?: (line: string) => void;
  /** Real seconds one simulated hour takes on the console's own simulated site (3600: real time). */
  secondsPerSimulatedHour?: number;
  /** The console's clock (`--now`); the system clock by default. */
  clock?: Clock;
}

/** `tapeops console`: the browser shell, serving the same services as the Electron window. */
export async function runConsole(options: RunConsoleOptions = {}): Promise<ConsoleServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build !== false) await ensureRendererBuilt(log);
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const dataDir = options.dataDir ?? userDataDir();
  let simulator: EmbeddedSimulator | undefined;
  const services = await createServicesWithLinks(
    {
      shell: 'browser',
      version,
      storeFile: join(dataDir, 'tapeops.db'),
      siteFile: options.siteFile,
      defaultSiteFile,
      ...(options.clock ? { clock: options.clock } : {}),
      log: (line) => console.error(line),
    },
    {
      dataDir,
      live: options.live === true,
      started: (sim) => (simulator = sim),
      ...(options.secondsPerSimulatedHour === undefined ? {} : { secondsPerSimulatedHour: options.secondsPerSimulatedHour }),
    },
  );
  const server = await startConsoleServer({ services, staticDir: rendererDir, port: options.port });
  return {
    ...server,
    close: async () => {
      await server.close();
      services.close();
      await simulator?.close();
    },
  };
}
