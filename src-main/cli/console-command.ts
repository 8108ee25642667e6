import { runConsole, type RunConsoleOptions } from '../console-server/run-console';

/**
 * Prints the address as soon as the page is served, then waits for the console behind it; runs
 * until SIGINT or SIGTERM, then closes the store cleanly. A console that cannot start (a broken
 * profile, a store it cannot open) stops the server and fails the command with the reason.
 */
export async function runConsoleCommand(options: RunConsoleOptions, out: NodeJS.WritableStream): Promise<void> {
  const server = await runConsole({ ...options, log: (line) => out.write(`${line}\n`) });
  out.write(`TapeOps Console is serving on 127.0.0.1 only. Open this address in a browser:\n${server.url}\n`);
  // a signal while the console is still starting closes it too, once it has started
  const stopped = new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  try {
    await server.started;
  } catch (error) {
    await server.close();
    throw error;
  }
  await stopped;
}
