import type { ShellChannel } from '../../../src-main/hosts/shell-session';

/**
 * A scripted interactive DCL session as an SSH client sees it: the login banner and terminal
 * inquiry, echo until SET TERMINAL/NOECHO, VMS carriage control, and output cut into chunks.
 */
export class FakeDcl implements ShellChannel {
  prompt = '$ ';
  echo = true;
  status = '%X00000001';
  /** Every line the session sent, and the answers to queries. */
  readonly received: string[] = [];
  /** Cut every piece of output into chunks of this many characters (0: whole). */
  chunkSize = 0;
  /** Commands this session answers; anything else gets %DCL-W-IVVERB. */
  readonly commands = new Map<string, () => { output: string[]; status: string }>();
  /** When set, the line is swallowed and nothing comes back (a hung host). */
  hang: ((line: string) => boolean) | undefined;
  private listener: ((chunk: string) => void) | undefined;
  private closeListener: (() => void) | undefined;
  private input = '';
  closed = false;

  constructor(private readonly banner = '\r\n\r\n  Welcome to OpenVMS (TM) Alpha Operating System, Version V7.2-1\r\n\x1b[c') {
    this.commands.set('SHOW TIME', () => ({ output: ['  25-NOV-2026 08:00:00'], status: '%X00000001' }));
  }

  /** Starts the login: what LOGINOUT and SYLOGIN print. */
  login(): void {
    this.send(this.banner);
  }

  /** The host answers the terminal inquiry, then DCL prompts. */
  private answered = false;

  write(data: string): void {
    if (this.closed) return;
    if (data.startsWith('\x1b[?')) {
      this.received.push(data);
      if (!this.answered) {
        this.answered = true;
        this.send(`\r\n${this.prompt}`);
      }
      return;
    }
    this.input += data;
    for (let end = this.input.indexOf('\r'); end >= 0; end = this.input.indexOf('\r')) {
      const line = this.input.slice(0, end);
      this.input = this.input.slice(end + 1);
      this.received.push(line);
      this.handle(line);
    }
  }

  onData(listener: (chunk: string) => void): void {
    this.listener = listener;
  }

  onClose(listener: () => void): void {
    this.closeListener = listener;
  }

  close(): void {
    this.drop();
  }

  /** The link goes away under the session. */
  drop(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeListener?.();
  }

  private handle(line: string): void {
    if (this.hang?.(line)) return;
    let out = this.echo ? `${line}\r\n` : '';
    const setPrompt = /^SET PROMPT="(.*)"$/.exec(line);
    const scripted = this.commands.get(line);
    if (scripted !== undefined) {
      const result = scripted();
      for (const record of result.output) out += `\n${record}\r`;
      this.status = result.status;
    } else if (setPrompt) {
      this.prompt = setPrompt[1] as string;
      this.status = '%X00000001';
    } else if (line.startsWith('SET TERMINAL')) {
      if (line.includes('/NOECHO')) this.echo = false;
      this.status = '%X00000001';
    } else if (line === 'WRITE SYS$OUTPUT $STATUS') {
      out += `${this.status}\r\n`;
    } else {
      out += `%DCL-W-IVVERB, unrecognized command verb - check validity and spelling\r\n \\${line.split(/[ /]/)[0]}\\\r\n`;
      this.status = '%X00038090';
    }
    this.send(`${out}\r\n${this.prompt}`);
  }

  private send(text: string): void {
    const size = this.chunkSize > 0 ? this.chunkSize : text.length;
    for (let i = 0; i < text.length; i += size) {
      const chunk = text.slice(i, i + size);
      queueMicrotask(() => {
        if (!this.closed) this.listener?.(chunk);
      });
    }
  }
}
