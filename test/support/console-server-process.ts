/** The console server in a child process (see console-server-child.ts), watched from the test. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// not from api-fixtures: that module builds the real services, which these probes do not need
const projectRoot = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** Lines the server wrote to standard error so far. */
  logLines: string[];
  /** Whether the process is still running. */
  alive(): boolean;
  /** The first log line, already written or still to come, that matches. */
  logLine(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

export async function startServerProcess(staticDir: string, token: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test', 'support', 'console-server-child.ts'), staticDir, token], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    logLines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.once('exit', (code, signal) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the server process ended (${code ?? signal}):\n${logLines.join('\n')}`));
  });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^READY (\d+)$/.exec(line);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`the server process ended before it was ready (${code ?? signal}):\n${logLines.join('\n')}`)));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    port,
    child,
    logLines,
    alive,
    logLine: (pattern) => {
      const seen = logLines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      if (!alive()) return Promise.reject(new Error(`the server process has ended:\n${logLines.join('\n')}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
    stop: async () => {
      if (!alive()) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
