/**
 * The same DCL session on standard input and output, for OpenSSH's ForceCommand: OpenSSH does the
 * SSH, this does OpenVMS. With `options.command` (SSH_ORIGINAL_COMMAND: an exec request) it runs
 * that one command and returns the exit code (0 for a VMS success status, 1 otherwise).
 */
import type { SimulatedSite } from './index';
import { exitCodeOf } from './ssh/server';

export async function serveStdio(
  site: SimulatedSite,
  hostName: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: { command?: string } = {},
): Promise<number> {
  if (options.command !== undefined && options.command.trim() !== '') {
    const result = await site.exec(hostName, options.command);
    await new Promise<void>((resolve) => output.write(result.output, () => resolve()));
    return exitCodeOf(result.status);
  }
  const session = site.openSession(hostName);
  return new Promise<number>((resolve) => {
    session.onOutput((data) => output.write(Buffer.from(data, 'latin1')));
    const onData = (chunk: Buffer | string) => session.write(typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    const onEnd = () => session.close();
    input.on('data', onData);
    input.on('end', onEnd);
    session.onClose(() => {
      input.off('data', onData);
      input.off('end', onEnd);
      resolve(0);
    });
  });
}
