/**
 * One DCL process: who is logged in, where (SET DEFAULT), its symbols, prompt and $STATUS, and the
 * running of one command line at a time. Output comes back as lines; the session (./session) adds
 * echo, line ends and prompts.
 */
import type { LogicalTable } from '../files/logical-names';
import type { DefaultDirectory } from '../files/resolve';
import type { HostState } from '../host/host-state';
import type { SiteServices } from '../site/site-services';
import { resolveCommand, OTHER_DCL_VERBS } from './command-table';
import { DclFailure, formatMessages, FULL_MESSAGES, MSG, SS_NORMAL, type MessageFormat } from './messages';
import { evaluate } from './expressions';
import { DclSyntaxError, stripLine, tokenize } from './tokenizer';
import { VERBS } from './verbs';
import { writeCommand } from './commands/system-commands';

export interface CommandResult {
  lines: string[];
  status: number;
  /** LOGOUT: the session ends after these lines. */
  logout?: boolean;
}

export class DclProcess {
  readonly pid: string;
  readonly tables: LogicalTable[];
  defaults: DefaultDirectory;
  prompt: string;
  status = SS_NORMAL;
  readonly localSymbols = new Map<string, string>();
  readonly globalSymbols = new Map<string, string>();
  terminal = { width: 80, page: 24, device: 'VT100', echo: true };
  /** What SET MESSAGE leaves shown of each message. */
  messageFormat: MessageFormat = { ...FULL_MESSAGES };
  readonly loginAt: Date;

  constructor(
    readonly site: SiteServices,
    readonly host: HostState,
    readonly username: string,
    readonly interactive: boolean,
  ) {
    this.pid = host.nextPid();
    this.tables = host.processTables(username, this.pid);
    const user = host.users.get(username);
    this.defaults = user === undefined ? { device: 'SYS$SYSDEVICE', directory: '000000' } : { ...user.login };
    this.prompt = `${host.name}> `;
    for (const [name, value] of Object.entries(user?.symbols ?? {})) this.globalSymbols.set(name, value);
    this.loginAt = site.now();
  }

  symbol(name: string): string | undefined {
    const key = name.toUpperCase();
    if (key === '$STATUS') return `%X${(this.status >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
    if (key === '$SEVERITY') return String(this.status & 7);
    return this.localSymbols.get(key) ?? this.globalSymbols.get(key);
  }

  execute(input: string): CommandResult {
    this.site.advance();
    const line = stripLine(input);
    if (line === '') return { lines: [], status: this.status };
    // symbol assignment: NAME = value, NAME == value, NAME := text, NAME :== text
    const assignment = /^([A-Za-z$_][A-Za-z0-9$_]*)\s*(==?|:==?)\s*(.*)$/.exec(line);
    if (assignment !== null) return this.assign(assignment[1] as string, assignment[2] as string, assignment[3] as string);
    try {
      // SET PROMPT="text" takes its value raw (quotes kept as typed, doubled quotes undone)
      const prompt = /^SET\s+PROM[A-Z]*\s*(?:=\s*(.*))?$/i.exec(line);
      if (prompt !== null) {
        this.prompt = promptValue(prompt[1], this.host.name);
        this.status = SS_NORMAL;
        return { lines: [], status: SS_NORMAL };
      }
      let tokens = tokenize(line);
      const expansion = this.symbol(tokens.verb);
      if (expansion !== undefined && tokens.verb !== '' && !tokens.verb.startsWith('$')) {
        tokens = tokenize(`${expansion}${line.replace(/^\s*[A-Za-z0-9$_]+/, '')}`);
      }
      const { def, parsed } = resolveCommand(tokens, VERBS, OTHER_DCL_VERBS);
      const output = parsed.verb === 'WRITE' ? writeCommand(this, line) : def.run(this, parsed);
      // what WRITE and TYPE print is the user's text, not messages
      const lines = parsed.verb === 'WRITE' || parsed.verb === 'TYPE' ? output : formatMessages(output, this.messageFormat);
      if (parsed.verb === 'LOGOUT') return { lines, status: SS_NORMAL, logout: true };
      if (parsed.verb !== 'WRITE') this.status = SS_NORMAL;
      return { lines, status: this.status };
    } catch (error) {
      if (error instanceof DclFailure) {
        this.status = error.status;
        return { lines: formatMessages(error.lines, this.messageFormat), status: error.status };
      }
      if (error instanceof DclSyntaxError) {
        const message = error.ident === 'IVVERB' ? MSG.IVVERB : MSG.PARMDEL;
        const failure = DclFailure.of(message, [], error.offending);
        this.status = failure.status;
        return { lines: formatMessages(failure.lines, this.messageFormat), status: failure.status };
      }
      throw error;
    }
  }

  private assign(name: string, operator: string, value: string): CommandResult {
    const key = name.toUpperCase();
    let text: string;
    if (operator.startsWith(':')) {
      text = value.trim().toUpperCase();
    } else {
      const evaluated = evaluate(this, value);
      if (evaluated instanceof DclFailure) {
        this.status = evaluated.status;
        return { lines: formatMessages(evaluated.lines, this.messageFormat), status: evaluated.status };
      }
      text = evaluated;
    }
    (operator.endsWith('==') ? this.globalSymbols : this.localSymbols).set(key, text);
    this.status = SS_NORMAL;
    return { lines: [], status: SS_NORMAL };
  }
}

function promptValue(raw: string | undefined, host: string): string {
  if (raw === undefined || raw.trim() === '') return `${host}> `;
  const text = raw.trim();
  if (text.startsWith('"')) {
    let out = '';
    for (let i = 1; i < text.length; i += 1) {
      const ch = text[i] as string;
      if (ch === '"') {
        if (text[i + 1] === '"') {
          out += '"';
          i += 1;
          continue;
        }
        break;
      }
      out += ch;
    }
    return out;
  }
  return text.toUpperCase();
}
