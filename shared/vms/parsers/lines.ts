/**
 * Host output as lines.
 *
 * A host's answer arrives with CRLF (or, through a terminal, CR CR LF) line ends and with the
 * trailing blanks of fixed-width columns. Each parser works on the same lines, numbered as the
 * host sent them, so that a parse error can name the line the operator sees.
 */

export function splitLines(input: string): string[] {
  // CR+ LF is one line end (a terminal may double the CR); a lone CR also ends a line.
  return input
    .replace(/\r*\n/g, '\n')
    .replace(/\r/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
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
