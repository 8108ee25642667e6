/**
 * One long-lived interactive DCL session on one shell channel: the default way to talk to an
 * OpenVMS host, because its SSH server sometimes refuses exec requests.
 *
 * After login it sets a unique prompt and a wide terminal without paging; then each command is
 * sent, read up to the prompt, and followed by `WRITE SYS$OUTPUT $STATUS` to read its status.
 */
import type { DclCommand } from '../../shared/vms/dcl/command-line';
import { setPrompt, setTerminal, showStatus } from '../../shared/vms/dcl/session-commands';
import { HostLinkError } from './host-link-error';
import { endsWithLoginPrompt, findPrompt, frameOutput, isSuccess, makePrompt, parseStatusLine, type DclStatus } from './shell-framing';
import { TerminalFilter } from './terminal-filter';
import type { Timers } from './timers';

/** The part of an ssh2 channel the session uses, so tests can drive it with a scripted host. */
export interface ShellChannel {
  write(data: string): void;
  onData(listener: (chunk: string) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/**
 * Run once, after the prompt is set: a line as wide as DCL takes, no paging (a page-full
 * prompt would hold the output), no echo (the framing removes an echo anyway, but a terminal
 * without it sends half as much), no broadcasts (an OPCOM message or a job's completion notice
 * written into the middle of a command's output would corrupt what the parsers read). What the
 * host does not support is reported, not fatal.
 */
export function terminalSetup(): DclCommand {
  return setTerminal({ width: 255, noPage: true, noEcho: true, noBroadcast: true });
}

export interface ShellSessionOptions {
  host: string;
  timers: Timers;
  /** 8 upper-case hex digits; random per session so no output can hold the prompt. */
  promptToken: string;
  /** The terminal setup command; `terminalSetup()` unless a host needs less. */
  terminalSetup?: DclCommand;
  /**
   * How long the login may stay quiet before the session assumes DCL is waiting (a LOGIN.COM
   * may set a prompt other than `$ `).
   */
  loginQuietMs?: number;
}

export interface ShellRunResult extends DclStatus {
  output: string;
  /** Round trip of the status read: a command that does nothing on the host. */
  latencyMs: number;
}

interface Waiter {
  check(): boolean;
  reject(error: HostLinkError): void;
}

export class ShellSession {
  readonly prompt: string;
  private readonly filter = new TerminalFilter();
  private buffer = '';
  private waiter: Waiter | undefined;
  private closed = false;
  private lastDataAt: number;
  private readonly warnings: string[] = [];

  constructor(
    private readonly channel: ShellChannel,
    private readonly options: ShellSessionOptions,
  ) {
    this.prompt = makePrompt(options.promptToken);
    this.lastDataAt = options.timers.monotonicMs();
    channel.onData((chunk) => this.receive(chunk));
    channel.onClose(() => {
      this.closed = true;
      this.waiter?.reject(new HostLinkError('link-dropped', `the session on ${options.host} closed`, { host: options.host }));
    });
  }

  /** What the setup could not do, for the Hosts screen. */
  setupWarnings(): readonly string[] {
    return this.warnings;
  }

  /**
   * Waits for DCL to be ready after login, sets the prompt, then the terminal. Resolves with the
   * latency measured on the way.
   */
  async start(timeoutMs: number): Promise<number> {
    const { timers } = this.options;
    const quietMs = this.options.loginQuietMs ?? 2000;
    await this.waitFor(
      () => endsWithLoginPrompt(this.buffer) || (this.buffer.length > 0 && timers.monotonicMs() - this.lastDataAt >= quietMs),
      timeoutMs,
      'the DCL prompt after login',
      Math.min(quietMs, 250),
    );
    this.buffer = '';
    this.channel.write(`${setPrompt(this.prompt).command}\r`);
    await this.waitFor(() => findPrompt(this.buffer, this.prompt) >= 0, timeoutMs, 'the new prompt');
    this.takeResponse();
    const setup = this.options.terminalSetup ?? terminalSetup();
    const result = await this.run(setup, timeoutMs);
    if (!isSuccess(result.status)) {
      this.warnings.push(`${setup.command} ended with ${result.statusHex}${result.output ? `: ${result.output}` : ''}`);
    }
    return result.latencyMs;
  }

  /** Sends one command line built by the DCL builder and reads its output and $STATUS. */
  async run(dcl: DclCommand, timeoutMs: number): Promise<ShellRunResult> {
    const { timers } = this.options;
    // the builder never makes one, but a line end here would send two commands
    if (/[\r\n]/.test(dcl.command)) throw new RangeError('a command line cannot hold a line end');
    const output = await this.exchange(dcl.command, timeoutMs);
    const sentAt = timers.monotonicMs();
    // a budget of its own: a command that used most of its time must not fail on the status read
    const statusText = await this.exchange(showStatus().command, timeoutMs);
    const latencyMs = timers.monotonicMs() - sentAt;
    return { output, ...parseStatusLine(statusText, this.options.host), latencyMs };
  }

  close(): void {
    this.closed = true;
    this.channel.close();
  }

  private async exchange(commandLine: string, timeoutMs: number): Promise<string> {
    this.channel.write(`${commandLine}\r`);
    await this.waitFor(() => findPrompt(this.buffer, this.prompt) >= 0, timeoutMs, `the end of ${JSON.stringify(commandLine)}`);
    return frameOutput(this.takeResponse(), commandLine);
  }

  /** Everything before the prompt; what came after it stays for the next command. */
  private takeResponse(): string {
    const at = findPrompt(this.buffer, this.prompt);
    const response = this.buffer.slice(0, at);
    this.buffer = this.buffer.slice(at + this.prompt.length);
    return response;
  }

  private receive(chunk: string): void {
    this.lastDataAt = this.options.timers.monotonicMs();
    const { text, replies } = this.filter.push(chunk);
    for (const reply of replies) if (!this.closed) this.channel.write(reply);
    this.buffer += text;
    this.waiter?.check();
  }

  /**
   * Resolves when `ready()` holds, checked on every chunk (and every `pollMs` when given, for
   * conditions on time); rejects with `timeout` after `timeoutMs`.
   */
  private waitFor(ready: () => boolean, timeoutMs: number, what: string, pollMs?: number): Promise<void> {
    const { timers, host } = this.options;
    if (this.closed) return Promise.reject(new HostLinkError('link-dropped', `the session on ${host} is closed`, { host }));
    if (this.waiter !== undefined) throw new Error('ShellSession: one exchange at a time');
    return new Promise<void>((resolve, reject) => {
      let poll: unknown;
      const finish = (): void => {
        this.waiter = undefined;
        timers.clearTimeout(timer);
        if (poll !== undefined) timers.clearTimeout(poll);
      };
      const timer = timers.setTimeout(() => {
        finish();
        reject(new HostLinkError('timeout', `${host} did not send ${what} within ${formatSeconds(timeoutMs)}`, { host }));
      }, timeoutMs);
      const check = (): boolean => {
        if (!ready()) return false;
        finish();
        resolve();
        return true;
      };
      this.waiter = {
        check,
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      if (check()) return;
      if (pollMs !== undefined) {
        const tick = (): void => {
          if (!check()) poll = timers.setTimeout(tick, pollMs);
        };
        poll = timers.setTimeout(tick, pollMs);
      }
    });
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
