import type { Clock } from '../../shared/clock';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startConsole } from '../app/start-console';
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

/** `tapeops console`: the browser shell, serving the same console as the Electron window. */
export async function runConsole(options: RunConsoleOptions = {}): Promise<ConsoleServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build !== false) await ensureRendererBuilt(log);
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const tapeops = await startConsole({
    shell: 'browser',
    version,
    dataDir: options.dataDir ?? userDataDir(),
    ...(options.siteFile === undefined ? {} : { siteFile: options.siteFile }),
    defaultSiteFile,
    // no secret is kept on disk by the browser shell: the operator gives live passwords per start
    hosts: options.live === true ? 'live' : 'simulated',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.secondsPerSimulatedHour === undefined ? {} : { secondsPerSimulatedHour: options.secondsPerSimulatedHour }),
    log: (line) => console.error(line),
  });
  const server = await startConsoleServer({ services: tapeops, staticDir: rendererDir, port: options.port });
  return {
    ...server,
    close: async () => {
      await server.close();
      await tapeops.close();
    },
  };
}
