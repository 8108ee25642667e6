/**
 * An interactive DCL session as an OpenVMS SSH server presents it to a terminal:
 *
 * - at login a terminal identification query (`ESC [ c`, Device Attributes) that the client's
 *   terminal answers (`ESC [ ? 1 ; 2 c`); the answer is read and not echoed, and the login goes on
 *   after it (or after a short wait when no answer comes);
 * - the welcome banner, then the prompt, each prompt preceded by a NUL byte;
 * - what is typed is echoed character by character (not after SET TERMINAL/NOECHO), DEL and BS
 *   rub out, CTRL/U clears the line;
 * - lines end in CR LF; a line ending in `-` continues on the next (prompt `_` + prompt);
 * - LOGOUT ends the session.
 */
import type { DclProcess } from './process';
import { vmsDateTime } from '../time/vms-time';

export interface DclSession {
  write(data: string): void;
  onOutput(listener: (data: string) => void): () => void;
  onClose(listener: () => void): () => void;
  close(): void;
}

export interface SessionOptions {
  /** Real milliseconds to wait for the terminal's answer to the identification query. */
  identifyTimeoutMs?: number;
  /** Real milliseconds to delay each piece of output (the slow-link fault), asked each time. */
  outputDelayMs?: () => number;
  /** Last interactive login, for the banner. */
  lastLogin?: Date;
  /** Last non-interactive login (a batch or network job of the account), for the banner. */
  lastNonInteractiveLogin?: Date;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The lines LOGINOUT prints after a successful interactive login (VSI OpenVMS Wiki, "Login
 * messages"; OpenVMS User's Manual, 2.1.1): a blank line, the standard welcome message (no
 * SYS$WELCOME defined), the last interactive and non-interactive logins as "weekday, $ASCTIM
 * time" (day blank-padded), a blank line; the prompt follows.
 */
export function loginBanner(arch: 'VAX' | 'Alpha', version: string, lastLogin?: Date, lastNonInteractive?: Date): string[] {
  const lines = ['', `        Welcome to OpenVMS (TM) ${arch} Operating System, Version ${version}`];
  const when = (at: Date) => `${WEEKDAYS[at.getDay()] ?? ''}, ${vmsDateTime(at, { pad: true })}`;
  if (lastLogin !== undefined) lines.push(`    Last interactive login on ${when(lastLogin)}`);
  if (lastNonInteractive !== undefined) lines.push(`    Last non-interactive login on ${when(lastNonInteractive)}`);
  lines.push('');
  return lines;
}

const DEVICE_ATTRIBUTES_QUERY = '\x1b[c';
const ANSWER = /\x1b\[\?[\d;]*c/;

export class InteractiveSession implements DclSession {
  private readonly outputListeners = new Set<(data: string) => void>();
  private readonly closeListeners = new Set<() => void>();
  private line = '';
  private continued = '';
  private pending = '';
  private loggedIn = false;
  private closed = false;
  private escape = '';
  private lastWasCR = false;
  private outputChain: Promise<void> = Promise.resolve();
  private identifyTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly process: DclProcess,
    private readonly options: SessionOptions = {},
  ) {
    // the listeners attach after construction: start on the next turn
    setImmediate(() => this.begin());
  }

  onOutput(listener: (data: string) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  private begin(): void {
    if (this.closed) return;
    this.emit(DEVICE_ATTRIBUTES_QUERY);
    this.identifyTimer = setTimeout(() => this.login(), this.options.identifyTimeoutMs ?? 400);
  }

  private login(): void {
    if (this.loggedIn || this.closed) return;
    clearTimeout(this.identifyTimer);
    this.loggedIn = true;
    const host = this.process.host;
    const banner = loginBanner(host.arch, host.version, this.options.lastLogin, this.options.lastNonInteractiveLogin);
    this.emit(banner.map((l) => `${l}\r\n`).join(''));
    this.prompt();
    const typedAhead = this.pending;
    this.pending = '';
    if (typedAhead !== '') this.input(typedAhead);
  }

  private prompt(): void {
    this.emit(`\0${this.continued === '' ? this.process.prompt : `_${this.process.prompt}`}`);
  }

  private emit(data: string): void {
    if (this.closed) return;
    const delay = this.options.outputDelayMs?.() ?? 0;
    if (delay <= 0) {
      for (const listener of this.outputListeners) listener(data);
      return;
    }
    this.outputChain = this.outputChain.then(
      () =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            if (!this.closed) for (const listener of this.outputListeners) listener(data);
            resolve();
          }, delay);
        }),
    );
  }

  write(data: string): void {
    if (this.closed) return;
    if (!this.loggedIn) {
      this.pending += data;
      const answer = ANSWER.exec(this.pending);
      if (answer !== null) {
        this.pending = this.pending.slice(0, answer.index) + this.pending.slice(answer.index + answer[0].length);
        this.login();
      }
      return;
    }
    this.input(data);
  }

  private input(data: string): void {
    for (const ch of data) {
      if (this.closed) return;
      if (this.escape !== '') {
        // swallow escape sequences (cursor keys, late terminal answers)
        this.escape += ch;
        if (this.escape.length > 1 && /[@-~]/.test(ch) && !(this.escape.length === 2 && ch === '[')) this.escape = '';
        continue;
      }
      const code = ch.charCodeAt(0);
      if (ch === '\x1b') {
        this.escape = ch;
        continue;
      }
      if (ch === '\r' || (ch === '\n' && !this.lastWasCR)) {
        this.lastWasCR = ch === '\r';
        this.emit('\r\n');
        this.endOfLine();
        continue;
      }
      this.lastWasCR = false;
      if (ch === '\n' || ch === '\0') continue;
      if (code === 0x7f || code === 0x08) {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.echo('\b \b');
        }
        continue;
      }
      if (code === 0x15) {
        this.echo('\b \b'.repeat(this.line.length));
        this.line = '';
        continue;
      }
      if (code === 0x03 || code === 0x19) {
        this.emit(code === 0x03 ? ' *Cancel*\r\n' : ' *INTERRUPT*\r\n');
        this.line = '';
        this.continued = '';
        this.prompt();
        continue;
      }
      if (code === 0x1a) {
        this.emit('*EXIT*\r\n');
        this.line = '';
        this.prompt();
        continue;
      }
      if (code < 0x20) continue;
      this.line += ch;
      this.echo(ch);
    }
  }

  /** What the terminal driver echoes of the typing; nothing after SET TERMINAL/NOECHO. */
  private echo(data: string): void {
    if (this.process.terminal.echo) this.emit(data);
  }

  private endOfLine(): void {
    const text = this.line;
    this.line = '';
    if (/-\s*$/.test(text) && !/"[^"]*-\s*$/.test(text.replace(/"[^"]*"/g, ''))) {
      this.continued += text.replace(/-\s*$/, '');
      this.prompt();
      return;
    }
    const command = this.continued + text;
    this.continued = '';
    const result = this.process.execute(command);
    if (result.lines.length > 0) this.emit(result.lines.map((l) => `${l}\r\n`).join(''));
    if (result.logout === true) {
      void this.outputChain.then(() => this.close());
      return;
    }
    this.prompt();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.identifyTimer);
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
    this.outputListeners.clear();
  }
}
