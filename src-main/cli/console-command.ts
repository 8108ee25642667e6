import { runConsole, type RunConsoleOptions } from '../console-server/run-console';

/** Runs until SIGINT or SIGTERM, then closes the store cleanly. */
export async function runConsoleCommand(options: RunConsoleOptions, out: NodeJS.WritableStream): Promise<void> {
  const server = await runConsole({ ...options, log: (line) => out.write(`${line}\n`) });
  out.write(`TapeOps Console is serving on 127.0.0.1 only. Open this address in a browser:\n${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
