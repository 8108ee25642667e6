/** The CLI as an operator types it, for the integration tests: one run, or many a few at a time. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './api-fixtures';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/tapeops.js ...args` from the project folder. */
export function tapeops(args: string[], cwd = projectRoot): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(projectRoot, 'bin', 'tapeops.js'), ...args],
      { cwd, timeout: 60000, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs every named invocation, four at a time: each is a Node process of its own, and the machine has two cores. */
export async function runAll(invocations: Record<string, () => string[]>): Promise<Map<string, CliRun>> {
  const runs = new Map<string, CliRun>();
  const names = Object.keys(invocations);
  const next = async (): Promise<void> => {
    const name = names.shift();
    if (name === undefined) return;
    runs.set(name, await tapeops((invocations[name] as () => string[])()));
    await next();
  };
  await Promise.all([next(), next(), next(), next()]);
  return runs;
}
