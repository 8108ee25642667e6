/**
 * SHOW LOGICAL:
 *
 *        "APP_FILES" = "DB1$DISK00:[APP_FILES]" (LNM$SYSTEM_TABLE)
 *        "DB1$DISK00" = "DISK$USERS:" [concealed] (LNM$SYSTEM_TABLE)
 *     1  "DISK$USERS" = "$1$DKA100:" [concealed,terminal] (LNM$SYSTEM_TABLE)
 *        "SYS$SYSROOT" [exec] = "$1$DGA0:[SYS0.]" [concealed,terminal] (LNM$SYSTEM_TABLE)
 *             = "SYS$COMMON:"
 *     %SHOW-S-NOTRAN, no translation for logical name APP_FILEZ
 *
 * SHOW LOGICAL follows each translation that is itself a logical name and prints it one level
 * further, the level number at the left margin. A search list prints its further equivalence
 * strings on lines of their own that start with "=". A name's access mode ([super], [exec]) comes
 * before the "="; the equivalence's attributes ([concealed], [terminal]) after it; the table in
 * parentheses ends the first line. Listing a whole table prints "(LNM$PROCESS_TABLE)" once, above
 * names that then carry no table of their own.
 *
 * NOTRAN is an answer (the name is not defined), not a refusal: it goes to `notFound`.
 */
import type { VmsMessage } from '../messages';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';

export interface Equivalence {
  value: string;
  concealed: boolean;
  terminal: boolean;
  /** Every attribute in brackets after the string, as printed. */
  attributes: string[];
}

export interface LogicalName {
  name: string;
  /** 0 for the name asked about; 1, 2 ... for the translations SHOW LOGICAL followed. */
  level: number;
  /** "super", "exec", "kernel", "user" when printed. */
  mode: string | null;
  /** Other attributes in brackets after the name. */
  nameAttributes: string[];
  /** The table, from the line or from the table header above it. */
  table: string | null;
  /** One, or several for a search list. */
  equivalences: Equivalence[];
  line: number;
}

export interface LogicalListing {
  names: LogicalName[];
  /** Names that SHOW LOGICAL said it has no translation for. */
  notFound: { name: string; line: number }[];
  messages: VmsMessage[];
}

const EXAMPLE = '"APP_FILES" = "DB1$DISK00:[APP_FILES]" (LNM$SYSTEM_TABLE)';
const MODES = new Set(['user', 'super', 'supervisor', 'exec', 'executive', 'kernel']);
const TABLE_HEADER = /^\(([^()\s]+)\)(?:\s.*)?$/;
const NAME_LINE = /^\s*(?:(\d+)\s+)?"((?:[^"]|"")*)"(.*)$/;
const SEARCH_LIST_LINE = /^\s+=\s*(.*)$/;
const QUOTED = /^"((?:[^"]|"")*)"(.*)$/;

/** Strips bracketed groups from the front of the text: "[super] = ..." gives ["super"] and "= ...". */
function takeBrackets(text: string): { groups: string[]; rest: string } {
  const groups: string[] = [];
  let rest = text.trim();
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) break;
    groups.push(
      ...rest
        .slice(1, close)
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter((item) => item !== ''),
    );
    rest = rest.slice(close + 1).trim();
  }
  return { groups, rest };
}

/** `"value" [attributes]`, and what follows it. */
function readEquivalence(context: ParseContext, index: number, text: string): { equivalence: Equivalence; rest: string } {
  const quoted = QUOTED.exec(text.trim());
  if (quoted === null) return context.fail(index, 'the equivalence string in quotes after "="');
  const { groups, rest } = takeBrackets(quoted[2] ?? '');
  return {
    equivalence: {
      value: (quoted[1] ?? '').replace(/""/g, '"'),
      concealed: groups.includes('concealed'),
      terminal: groups.includes('terminal'),
      attributes: groups,
    },
    rest,
  };
}

function readNames(context: ParseContext): LogicalListing {
  const names: LogicalName[] = [];
  const runs = new MessageRuns(context);
  let headerTable: string | null = null;
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    const line = context.line(index);
    const table = TABLE_HEADER.exec(line);
    if (table !== null) {
      headerTable = table[1] ?? null;
      index += 1;
      continue;
    }
    const searchList = SEARCH_LIST_LINE.exec(line);
    const last = names[names.length - 1];
    if (searchList !== null && last !== undefined) {
      const { equivalence, rest } = readEquivalence(context, index, searchList[1] ?? '');
      if (rest !== '') context.fail(index, 'nothing after the further equivalence string of a search list but its attributes');
      last.equivalences.push(equivalence);
      index += 1;
      continue;
    }
    const match = NAME_LINE.exec(line);
    if (match === null) context.fail(index, `a logical name line such as ${EXAMPLE}`);
    const level = match[1] === undefined ? 0 : Number(match[1]);
    if (!Number.isSafeInteger(level)) context.fail(index, 'a translation level number');
    const before = takeBrackets(match[3] ?? '');
    if (!before.rest.startsWith('=')) context.fail(index, 'an "=" and the equivalence string after the logical name');
    const { equivalence, rest } = readEquivalence(context, index, before.rest.slice(1));
    let lineTable: string | null = null;
    if (rest !== '') {
      const tableMatch = /^\(([^()\s]+)\)$/.exec(rest);
      if (tableMatch === null) context.fail(index, 'the table name in parentheses at the end of the line, such as (LNM$SYSTEM_TABLE)');
      lineTable = tableMatch[1] ?? null;
    }
    names.push({
      name: (match[2] ?? '').replace(/""/g, '"'),
      level,
      mode: before.groups.find((group) => MODES.has(group)) ?? null,
      nameAttributes: before.groups.filter((group) => !MODES.has(group)),
      table: lineTable ?? headerTable,
      equivalences: [equivalence],
      line: index + 1,
    });
    index += 1;
  }
  const messages = runs.messages();
  const notFound = messages
    .filter((message) => message.ident === 'NOTRAN')
    .map((message) => ({ name: /(\S+)$/.exec(message.text ?? '')?.[1] ?? '', line: message.line }));
  if (names.length === 0 && notFound.length === 0) context.fail(0, `a logical name line such as ${EXAMPLE}, or %SHOW-S-NOTRAN`);
  return { names, notFound, messages };
}

export function parseShowLogical(output: string): ParseResult<LogicalListing> {
  return runParser(output, { answers: (message) => message.ident === 'NOTRAN' }, readNames);
}
