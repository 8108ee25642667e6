/**
 * A small DCL command-line tokenizer: verb, parameters and qualifiers, as DCL splits them.
 *
 * - Outside quotes text is upper-cased; inside "..." it is kept, and "" stands for one quote.
 * - A qualifier starts at `/` (with or without a blank before it); its value follows `=` or `:`
 *   and is a word, a quoted string, or a list in parentheses `(A,"b c",KEY=V)`.
 * - Blanks separate parameters; `!` outside quotes starts a comment.
 * Errors carry the DCL message they produce.
 */
export interface DclParameter {
  /** The parameter as DCL hands it on: quotes removed, unquoted parts upper-cased. */
  text: string;
  /** True when any part of it was quoted. */
  quoted: boolean;
}

export interface DclQualifier {
  /** Name as typed, upper-cased; a leading NO is resolved against the verb's qualifiers later. */
  name: string;
  /** Null when no value was given; a list has one string per element. */
  values: string[] | null;
  /** How many parameters came before it: DCL allows qualifiers placed after a parameter to apply to it. */
  afterParameter: number;
}

export interface TokenizedCommand {
  verb: string;
  parameters: DclParameter[];
  qualifiers: DclQualifier[];
}

export class DclSyntaxError extends Error {
  constructor(
    readonly ident: 'PARMDEL' | 'UNDSYM' | 'NOCOMD' | 'IVVERB' | 'UNDQUOTE',
    readonly offending: string,
  ) {
    super(`${ident}: ${offending}`);
  }
}

const NAME_CHAR = /[A-Za-z0-9$_]/;

/** Removes a trailing comment (`!` outside quotes) and the optional leading `$`. */
export function stripLine(line: string): string {
  let inQuote = false;
  let out = '';
  for (const ch of line) {
    if (ch === '"') inQuote = !inQuote;
    if (ch === '!' && !inQuote) break;
    out += ch;
  }
  return out.replace(/^[\s$]+/, '').trimEnd();
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  peek(): string | undefined {
    return this.text[this.pos];
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  skipBlanks(): void {
    while (!this.done() && /[ \t]/.test(this.text[this.pos] as string)) this.pos += 1;
  }
  /** A quoted string starting at the current `"`; returns its content. */
  quoted(): string {
    this.pos += 1;
    let out = '';
    for (;;) {
      if (this.done()) return out; // DCL closes an unterminated quoted string at the end of the line
      const ch = this.text[this.pos] as string;
      if (ch === '"') {
        if (this.text[this.pos + 1] === '"') {
          out += '"';
          this.pos += 2;
          continue;
        }
        this.pos += 1;
        return out;
      }
      out += ch;
      this.pos += 1;
    }
  }
}

/** Reads a word (parameter or qualifier value) up to a blank, `/`, or any character in `stops`. */
function readWord(reader: Reader, stops: string): DclParameter {
  let text = '';
  let quoted = false;
  let depth = 0;
  while (!reader.done()) {
    const ch = reader.peek() as string;
    if (ch === '"') {
      text += reader.quoted();
      quoted = true;
      continue;
    }
    if (depth === 0 && (ch === ' ' || ch === '\t' || ch === '/' || stops.includes(ch))) break;
    if (ch === '[' || ch === '<') depth += 1;
    if ((ch === ']' || ch === '>') && depth > 0) depth -= 1;
    text += ch.toUpperCase();
    reader.pos += 1;
  }
  return { text, quoted };
}

function readValue(reader: Reader, name: string): string[] {
  if (reader.peek() === '(') {
    reader.pos += 1;
    const values: string[] = [];
    for (;;) {
      reader.skipBlanks();
      const item = readWord(reader, ',)');
      values.push(item.text);
      reader.skipBlanks();
      const ch = reader.peek();
      if (ch === ',') {
        reader.pos += 1;
        continue;
      }
      if (ch === ')') {
        reader.pos += 1;
        return values;
      }
      throw new DclSyntaxError('PARMDEL', name);
    }
  }
  return [readWord(reader, '').text];
}

export function tokenize(line: string): TokenizedCommand {
  const reader = new Reader(stripLine(line));
  reader.skipBlanks();
  let verb = '';
  while (!reader.done() && NAME_CHAR.test(reader.peek() as string)) {
    verb += (reader.peek() as string).toUpperCase();
    reader.pos += 1;
  }
  if (verb === '' && !reader.done() && reader.peek() !== '/') {
    throw new DclSyntaxError('IVVERB', reader.text.trim().split(/[\s/]/)[0] ?? '');
  }
  const parameters: DclParameter[] = [];
  const qualifiers: DclQualifier[] = [];
  for (;;) {
    reader.skipBlanks();
    if (reader.done()) break;
    if (reader.peek() === '/') {
      reader.pos += 1;
      let name = '';
      while (!reader.done() && NAME_CHAR.test(reader.peek() as string)) {
        name += (reader.peek() as string).toUpperCase();
        reader.pos += 1;
      }
      if (name === '') throw new DclSyntaxError('PARMDEL', '/');
      let values: string[] | null = null;
      reader.skipBlanks();
      const ch = reader.peek();
      if (ch === '=' || ch === ':') {
        reader.pos += 1;
        reader.skipBlanks();
        values = readValue(reader, name);
      }
      qualifiers.push({ name, values, afterParameter: parameters.length });
      continue;
    }
    const word = readWord(reader, '');
    if (word.text === '' && !word.quoted) throw new DclSyntaxError('PARMDEL', reader.peek() ?? '');
    parameters.push(word);
  }
  return { verb, parameters, qualifiers };
}
