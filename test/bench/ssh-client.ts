/**
 * OpenSSH's `ssh` client for the host-link benchmark: a ControlMaster connection held open as a
 * child of this process, and timed invocations of the client that go through its socket (each one
 * an exec request on the master's connection, so no key exchange and no authentication per
 * command). Plus a percentile, which the benchmarks' support module does not have.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const SSH = '/usr/bin/ssh';

/** What a client needs to reach one sshd; `dir` holds the key, known_hosts and the socket. */
export interface SshTarget {
  dir: string;
  port: number;
  user: string;
  /** Path of the private key file (mode 0600). */
  keyFile: string;
}

/** The socket `ControlPath=<dir>/cm-%r@%h:%p` expands to, for a target reached as 127.0.0.1. */
export function controlSocket(target: SshTarget): string {
  return join(target.dir, `cm-${target.user}@127.0.0.1:${target.port}`);
}

/**
 * The options of every invocation, as the benchmark's brief gives them, plus `-F none` so that
 * no ssh_config on the machine changes what is measured, and IdentitiesOnly so that only `-i`
 * is offered.
 */
function commonOptions(target: SshTarget, controlMaster: 'auto' | 'yes', controlPersist: string): string[] {
  return [
    '-F',
    'none',
    '-o',
    `ControlMaster=${controlMaster}`,
    '-o',
    `ControlPath=${join(target.dir, 'cm-%r@%h:%p')}`,
    '-o',
    `ControlPersist=${controlPersist}`,
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    `UserKnownHostsFile=${join(target.dir, 'known_hosts')}`,
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-i',
    target.keyFile,
    '-p',
    String(target.port),
  ];
}

/** `ssh -o ControlMaster=auto -o ControlPath=… -o ControlPersist=60 … user@127.0.0.1 COMMAND`. */
export function clientArgs(target: SshTarget, command: string): string[] {
  return [...commonOptions(target, 'auto', '60'), `${target.user}@127.0.0.1`, command];
}

export interface ControlMaster {
  child: ChildProcess;
  /** spawn → its socket answering `ssh -O check`. */
  openMs: number;
  /** `ssh -O exit`, then SIGTERM to the master's own pid if it is still there. */
  close(): Promise<void>;
}

/**
 * Opens the master connection: `ssh -M -N` in the foreground (ControlPersist=no, so it stays this
 * process's child and is stopped by its pid), ready once its socket answers `ssh -O check`.
 */
export async function openControlMaster(target: SshTarget, timeoutMs = 15_000): Promise<ControlMaster> {
  const startedAt = performance.now();
  const args = [...commonOptions(target, 'yes', 'no'), '-M', '-N', `${target.user}@127.0.0.1`];
  const child = spawn(SSH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    log += text;
  });
  const close = async (): Promise<void> => {
    if (existsSync(controlSocket(target))) {
      spawnSync(SSH, [...commonOptions(target, 'auto', '60'), '-O', 'exit', `${target.user}@127.0.0.1`], { stdio: 'ignore', timeout: 5000 });
    }
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    while (true) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the ssh ControlMaster exited (${child.exitCode ?? child.signalCode}) before its socket was ready:\n${log}`);
      }
      if (existsSync(controlSocket(target))) {
        const check = spawnSync(SSH, [...commonOptions(target, 'auto', '60'), '-O', 'check', `${target.user}@127.0.0.1`], {
          encoding: 'utf8',
          timeout: 5000,
        });
        if (check.status === 0) break;
      }
      if (performance.now() - startedAt > timeoutMs) throw new Error(`the ssh ControlMaster was not ready within ${timeoutMs / 1000} s:\n${log}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { child, openMs: performance.now() - startedAt, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SshInvocation {
  /** spawn of the client → it exited and its output was read. */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One invocation of the client through the master's socket. */
export function invokeSsh(target: SshTarget, command: string, timeoutMs = 30_000): Promise<SshInvocation> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(SSH, clientArgs(target, command), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      stdout += text;
    });
    child.stderr!.on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ssh … '${command}' did not finish within ${timeoutMs / 1000} s:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - startedAt, code, stdout, stderr });
    });
  });
}

/** Nearest-rank percentile (p in 0–100) of a list of figures. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
