/**
 * The kill harness's parts: a simulated BLT4 in a process of its own (`tapeops simulate --hands`,
 * so that it outlives the console and its queue shows every SUBMIT that arrived), the console in
 * a process of its own (`tapeops console --live`, killed with SIGKILL and started again on the
 * same data folder), and the person at the rack, typing acts at the simulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunView } from '../../shared/procedures/run-view';
import { projectRoot, shippedSiteFile } from './api-fixtures';
import { ConsoleSocket } from './console-client';
import { freePort } from './sshd';

const CLI = join(projectRoot, 'bin', 'tapeops.js');

/** The morning of the Bill Run the harness walks through: the console and the simulator both start their clocks there. */
export const HARNESS_NOW = '2010-08-03T07:00';

function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', read);
      child.stderr?.off('data', keep);
      child.off('exit', exited);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what} did not appear in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        done();
        resolve(match);
      }
    };
    const keep = (chunk: Buffer) => (output += chunk.toString());
    const exited = (code: number | null) => {
      done();
      reject(new Error(`the process exited with ${code} before ${what}:\n${output}`));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', keep);
    child.once('exit', exited);
  });
}

/** The shipped profile with BLT4 on `port`, as a site whose BLT4 answers there. */
export function siteWithBlt4On(dir: string, port: number): string {
  const text = readFileSync(shippedSiteFile, 'utf8');
  const changed = text.replace(/(\n {2}- name: BLT4\n[\s\S]*?\n {4}port: )\d+/, `$1${port}`);
  if (changed === text) throw new Error('the shipped profile has no BLT4 port line');
  const file = join(dir, `site-${port}.yaml`);
  writeFileSync(file, changed);
  return file;
}

export interface SimulatedBlt4 {
  password: string;
  /** One act of the person at the rack; resolves with the simulator's answer. */
  hands(act: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSimulatedBlt4(site: string, port: number, dataDir: string): Promise<SimulatedBlt4> {
  const child = spawn(
    process.execPath,
    [CLI, 'simulate', '--site', site, '--host', 'BLT4', '--port', String(port), '--data-dir', dataDir, '--hands', '--now', HARNESS_NOW],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const password = (await waitForOutput(child, /user SYSTEM, password (\S+)[\s\S]*At the drive: type/, 'the simulator password and the hands prompt'))[1] ?? '';
  return {
    password,
    async hands(act) {
      const answer = waitForOutput(child, /hands: (.*)\n/, `the answer to ${act}`, 10_000);
      child.stdin?.write(`${act}\n`);
      return (await answer)[1] ?? '';
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // a simulator that does not stop in time is killed: the harness must not hang on it
      const late = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(late);
    },
  };
}

export interface KillableConsole {
  socket: ConsoleSocket;
  call<T = unknown>(name: string, input: unknown, timeoutMs?: number): Promise<T>;
  /** Sends without waiting for the answer: what is in flight when the process dies. */
  send(name: string, input: unknown): void;
  kill(): Promise<void>;
}

export async function startConsole(site: string, dataDir: string): Promise<KillableConsole> {
  const child = spawn(process.execPath, [CLI, 'console', '--live', '--site', site, '--data-dir', dataDir, '--port', '0', '--no-build', '--now', HARNESS_NOW], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new URL((await waitForOutput(child, /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/, 'the console URL'))[0]);
  const socket = await ConsoleSocket.open(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
  let nextId = 100_000;
  return {
    socket,
    async call<T>(name: string, input: unknown, timeoutMs = 30_000): Promise<T> {
      const id = nextId++;
      socket.sendRaw(JSON.stringify({ id, name, input }));
      const frame = (await socket.waitFor((f) => typeof f === 'object' && f !== null && (f as { id?: unknown }).id === id, timeoutMs)) as {
        result: { ok?: unknown; error?: { code: string; message: string } };
      };
      if (frame.result.error) throw new Error(`${name}: ${frame.result.error.code}: ${frame.result.error.message}`);
      return frame.result.ok as T;
    },
    send(name, input) {
      socket.sendRaw(JSON.stringify({ id: nextId++, name, input }));
    },
    async kill() {
      socket.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Signs in, gives BLT4's password (the browser shell keeps none) and connects, approving the key the first time. */
export async function signInAndConnect(c: KillableConsole, password: string): Promise<void> {
  await c.call('session.signIn', { initials: 'KH' });
  await c.call('hosts.setPassword', { host: 'BLT4', password });
  const view = await c.call<{ state: { kind: string; offered?: { fingerprint: string } } }>('hosts.connect', { host: 'BLT4' });
  if (view.state.kind === 'awaiting-host-key-approval' && view.state.offered) {
    await c.call('hosts.approveKey', { host: 'BLT4', fingerprint: view.state.offered.fingerprint });
  }
}

export async function runOf(c: KillableConsole, runId: string): Promise<RunView | undefined> {
  const { runs } = await c.call<{ runs: RunView[] }>('procedures.list', {});
  return runs.find((r) => r.runId === runId);
}

export { freePort };
