/**
 * DCL expressions as WRITE and `=` take them: quoted strings, symbols (`$STATUS`), integers,
 * a handful of lexical functions, joined with `+`. Enough for a console that writes markers such
 * as `WRITE SYS$OUTPUT "DONE ", $STATUS`.
 */
import { vmsDateTime } from '../time/vms-time';
import { DclFailure, MSG } from './messages';
import type { DclProcess } from './process';

class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  blank(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos += 1;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
}

type Value = string | number;

function primary(reader: Reader, process: DclProcess): Value {
  reader.blank();
  const ch = reader.peek();
  if (ch === '"') {
    reader.pos += 1;
    let out = '';
    while (reader.pos < reader.text.length) {
      const c = reader.text[reader.pos] as string;
      if (c === '"') {
        if (reader.text[reader.pos + 1] === '"') {
          out += '"';
          reader.pos += 2;
          continue;
        }
        reader.pos += 1;
        return out;
      }
      out += c;
      reader.pos += 1;
    }
    return out;
  }
  if (ch === '(') {
    reader.pos += 1;
    const value = sum(reader, process);
    reader.blank();
    if (reader.peek() === ')') reader.pos += 1;
    return value;
  }
  const number = /^(-?\d+|%X[0-9A-F]+)/i.exec(reader.text.slice(reader.pos));
  if (number !== null) {
    reader.pos += number[0].length;
    return number[0].toUpperCase().startsWith('%X') ? parseInt(number[0].slice(2), 16) : Number(number[0]);
  }
  const name = /^[A-Za-z$_][A-Za-z0-9$_]*/.exec(reader.text.slice(reader.pos));
  if (name === null) throw DclFailure.of(MSG.IVVALU, [], reader.text.slice(reader.pos));
  reader.pos += name[0].length;
  const upper = name[0].toUpperCase();
  reader.blank();
  if (upper.startsWith('F$') && reader.peek() === '(') {
    reader.pos += 1;
    const args: Value[] = [];
    reader.blank();
    while (reader.peek() !== ')' && reader.pos < reader.text.length) {
      args.push(sum(reader, process));
      reader.blank();
      if (reader.peek() === ',') reader.pos += 1;
      reader.blank();
    }
    reader.pos += 1;
    return lexical(upper, args, process);
  }
  if (upper === '$STATUS') return process.symbol('$STATUS') ?? '';
  if (upper === '$SEVERITY') return process.status & 7;
  const value = process.symbol(upper);
  if (value === undefined) throw DclFailure.of(MSG.UNDSYM, [], upper);
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

function lexical(name: string, args: Value[], process: DclProcess): Value {
  const text = (i: number) => String(args[i] ?? '');
  switch (name) {
    case 'F$STRING':
      return typeof args[0] === 'number' ? String(args[0]) : text(0);
    case 'F$INTEGER':
      return Number.parseInt(text(0), 10) || 0;
    case 'F$TIME':
      return vmsDateTime(process.site.now(), { pad: true });
    case 'F$EDIT':
      return text(1).toUpperCase().includes('UPCASE') ? text(0).toUpperCase() : text(1).toUpperCase().includes('TRIM') ? text(0).trim() : text(0);
    case 'F$LENGTH':
      return text(0).length;
    case 'F$GETSYI':
      return text(0).toUpperCase() === 'NODENAME' ? process.host.name : text(0).toUpperCase() === 'VERSION' ? process.host.version : '';
    case 'F$TRNLNM':
      return process.host.logicals(process.tables).translate(text(0))?.values[0] ?? '';
    case 'F$ENVIRONMENT':
      return text(0).toUpperCase() === 'DEFAULT'
        ? `${process.defaults.device}:[${process.defaults.directory}]`
        : text(0).toUpperCase() === 'PROMPT'
          ? process.prompt
          : '';
    case 'F$MESSAGE':
      return `%NONAME-W-NOMSG, Message number ${(Number(args[0] ?? 0) >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
    default:
      throw DclFailure.of(MSG.IVKEYW, [], name);
  }
}

function sum(reader: Reader, process: DclProcess): Value {
  let value = primary(reader, process);
  for (;;) {
    reader.blank();
    const op = reader.peek();
    if (op !== '+' && op !== '-') return value;
    reader.pos += 1;
    const right = primary(reader, process);
    if (typeof value === 'number' && typeof right === 'number') value = op === '+' ? value + right : value - right;
    else if (op === '+') value = `${typeof value === 'number' ? String(value) : value}${typeof right === 'number' ? String(right) : right}`;
    else value = String(value).replace(String(right), '');
  }
}

/** Evaluates one expression; a number is written in decimal, except $STATUS-like values WRITE shows in hex. */
export function evaluate(process: DclProcess, text: string): string | DclFailure {
  try {
    const reader = new Reader(text);
    const value = sum(reader, process);
    return typeof value === 'number' ? String(value) : value;
  } catch (error) {
    if (error instanceof DclFailure) return error;
    throw error;
  }
}

/**
 * WRITE's items: comma-separated expressions, concatenated. `$STATUS` on its own is written as
 * VMS writes a status symbol: %X00000001.
 */
export function writeItems(process: DclProcess, text: string): string | DclFailure {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth += 1;
    if (!quoted && ch === ')') depth -= 1;
    if (!quoted && depth === 0 && ch === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current);
  let out = '';
  for (const item of items) {
    const trimmed = item.trim().toUpperCase();
    if (trimmed === '$STATUS') {
      out += process.symbol('$STATUS') ?? '';
      continue;
    }
    const value = evaluate(process, item);
    if (value instanceof DclFailure) return value;
    out += value;
  }
  return out;
}
