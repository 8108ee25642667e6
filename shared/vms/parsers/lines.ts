/**
 * Host output as lines.
 *
 * A host's answer arrives with CRLF (or, through a terminal, CR CR LF, or LF then CR) line ends,
 * with the trailing blanks of fixed-width columns, and sometimes with tabs where the record had
 * runs of blanks. Each parser works on the same lines, numbered as the host sent them, so that a
 * parse error can name the line the operator sees.
 */

/** A VT100 (and the OpenVMS terminal driver, when it expands tabs itself) stops every 8 columns. */
export const TAB_STOP = 8;

/** A line with each tab replaced by the blanks up to the next tab stop, as a terminal shows it. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) {
    if (c === '\t') out += ' '.repeat(TAB_STOP - (out.length % TAB_STOP));
    else out += c;
  }
  return out;
}

export function splitLines(input: string): string[] {
  // Every run of CRs around one LF is one line end (the rule the host link follows, see
  // src-main/hosts/shell-framing.ts normaliseLineEnds); a lone CR also ends a line.
  return input
    .replace(/\r*\n\r*/g, '\n')
    .replace(/\r/g, '\n')
    .split('\n')
    .map((line) => expandTabs(line).trimEnd());
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** How many blanks a line starts with. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The whitespace-separated words of a line, each with the column it starts at. */
export function wordsOf(line: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  for (const match of line.matchAll(/\S+/g)) {
    words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}
