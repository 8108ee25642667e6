/**
 * Column shapes of DCL output, for comparing the simulator's output with a fixture's layout:
 * where each item of a line starts and ends, with runs of two or more blanks between items.
 */
import type { DclSession, SimulatedSite } from '../../../src-main/simulator';
export interface Item {
  text: string;
  start: number;
  end: number;
}

/** The items of a line: text separated by two or more blanks. */
export function itemsOf(line: string): Item[] {
  const items: Item[] = [];
  for (const match of line.matchAll(/\S+(?: \S+)*/g)) items.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return items;
}

/** Output lines of a text, CRLF or LF, without the trailing empty line. */
export function linesOf(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The label/value items of a SHOW DEVICE/FULL body line, with the columns VMS puts them in: a
 * label at column 4 or 40 (or 4 past a left value that ran long), a left value ending at 36, a
 * right value ending at 80 from no earlier than 61, or two blanks after a label too long for that.
 */
export interface BodyPair {
  label: string;
  labelStart: number;
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Whether the value stands where the layout rule puts it. */
  placed: boolean;
}

export function bodyPairs(line: string): BodyPair[] {
  const items = itemsOf(line);
  const pairs: BodyPair[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const label = items[i] as Item;
    const value = items[i + 1] as Item;
    const right = label.start >= 40;
    const edge = right ? label.start + 40 : 36;
    const earliest = right ? label.start + 21 : 0;
    const want = Math.max(edge - value.text.length, earliest, label.end + 2);
    pairs.push({ label: label.text, labelStart: label.start, value: value.text, valueStart: value.start, valueEnd: value.end, placed: value.start === want });
  }
  return pairs;
}

/**
 * An interactive session on a host, answered as a VT terminal, and a function that types one line
 * and resolves with the lines printed before the next prompt (the echoed command left out).
 */
export function typist(site: SimulatedSite, host = 'BLT4'): { session: DclSession; typed(line: string): Promise<string[]> } {
  const session = site.openSession(host);
  const out: string[] = [];
  session.onOutput((data) => out.push(data));
  session.write('\x1b[?1;2c');
  const prompt = `\0${host}> `;
  const typed = async (line: string): Promise<string[]> => {
    out.length = 0;
    session.write(`${line}\r`);
    await new Promise<void>((resolve) => {
      const check = () => (out.join('').endsWith(prompt) ? resolve() : setImmediate(check));
      check();
    });
    return linesOf(out.join('').slice(0, -prompt.length)).slice(1);
  };
  return { session, typed };
}
