import type { Clock } from '../../shared/clock';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ConsoleMain } from '../app/start-console';
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

export interface RunningConsole extends ConsoleServer {
  /**
   * Settles when the console behind the page has started (store, profile, site session), or
   * rejects with why it could not: the server listens, and serves the page, before that.
   */
  started: Promise<void>;
}

function startMain(options: RunConsoleOptions, version: string): Promise<ConsoleMain> {
  // imported here, not above: its modules (SQLite, SSH, the machines, zod) load while the page is already served
  return import('../app/start-console').then(({ startConsole }) =>
    startConsole({
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
    }),
  );
}

/** `tapeops console`: the browser shell, serving the same console as the Electron window. */
export async function runConsole(options: RunConsoleOptions = {}): Promise<RunningConsole> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build !== false) await ensureRendererBuilt(log);
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const main = startMain(options, version);
  const closeMain = () => main.then((tapeops) => tapeops.close()).catch(() => undefined);
  let server: ConsoleServer;
  try {
    server = await startConsoleServer({ services: main, staticDir: rendererDir, port: options.port });
  } catch (error) {
    await closeMain();
    throw error;
  }
  return {
    ...server,
    started: main.then(() => undefined),
    close: async () => {
      await server.close();
      await closeMain();
    },
  };
}
