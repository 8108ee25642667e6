/**
 * DIRECTORY, with /SIZE, /DATE, both or neither:
 *
 *     Directory DISK$USERS:[OPS.LOGS]
 *
 *     AUTHSEND.LOG;3480          12  25-NOV-2026 06:59:58.12
 *     MONTH_END_ARCHIVE_TO_TAPE.LOG;31
 *                              2210  24-NOV-2026 23:48:11.02
 *     NIGHTLY_SAVE.LOG;12      1234  25-NOV-2026 07:01:00.43
 *
 *     Total of 3 files, 3456 blocks.
 *
 *     Grand total of 2 directories, 20 files, 9999 blocks.
 *
 * A file name too long for its column takes a line of its own and its size and date follow,
 * indented, on the next. /SIZE=ALL prints "used/allocated". Without /SIZE and /DATE, names are
 * listed several to a line. A file whose attributes cannot be read shows a reason instead.
 * `%DIRECT-W-NOFILES, no files found` is an answer (no files); `%DIRECT-E-OPENIN` with
 * `-RMS-E-DNF, directory not found` alone is the host saying no.
 */
import type { VmsMessage } from '../messages';
import { toCount } from './entry-table';
import { indentOf, isBlank, wordsOf } from './lines';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';
import { parseVmsTime, VMS_TIME_SOURCE, type VmsTime } from './vms-time';

export interface DirectoryFile {
  /** As printed: "NIGHTLY_SAVE.LOG;12". */
  file: string;
  name: string;
  type: string;
  version: number | null;
  usedBlocks: number | null;
  allocatedBlocks: number | null;
  date: VmsTime | null;
  /** What DIRECTORY printed instead of size and date, such as "no privilege". */
  problem: string | null;
  /** Other columns (owner, protection) as printed. */
  extra: string | null;
  line: number;
}

export interface DirectoryTotal {
  files: number;
  usedBlocks: number | null;
  allocatedBlocks: number | null;
  line: number;
}

export interface DirectoryPart {
  /** "DISK$USERS:[OPS.LOGS]". */
  directory: string;
  files: DirectoryFile[];
  total: DirectoryTotal | null;
  line: number;
}

export interface DirectoryListing {
  directories: DirectoryPart[];
  grandTotal: (DirectoryTotal & { directories: number }) | null;
  /** NOFILES and other messages among the listing. */
  messages: VmsMessage[];
  /** True when DIRECTORY said "no files found" for every directory it looked in. */
  noFiles: boolean;
}

const FILE_EXAMPLE = '"NIGHTLY_SAVE.LOG;12      1234  25-NOV-2026 07:01:00.43"';
const HEADER = /^Directory\s+(\S+)$/i;
const TOTAL = /^Total of (\d+) files?(?:, (\d+)(?:\/(\d+))? blocks?)?\.$/i;
const GRAND_TOTAL = /^Grand total of (\d+) director(?:y|ies), (\d+) files?(?:, (\d+)(?:\/(\d+))? blocks?)?\.$/i;
// NAME.TYPE;VERSION -- ODS-5 names may hold more characters, but never a blank.
const FILE_NAME = /^([^\s;]*?)(?:\.([^\s;.]*))?;(\d*)$/;
const SIZE = /^(\d+)(?:\/(\d+))?$/;
const TIME_AT_START = new RegExp(`^(${VMS_TIME_SOURCE})(?:\\s+|$)`);

function isFileName(word: string): boolean {
  return FILE_NAME.test(word) && word.includes(';');
}

function fileFrom(word: string, index: number): DirectoryFile {
  const parts = FILE_NAME.exec(word);
  return {
    file: word,
    name: parts?.[1] ?? word,
    type: parts?.[2] ?? '',
    version: toCount(parts?.[3]),
    usedBlocks: null,
    allocatedBlocks: null,
    date: null,
    problem: null,
    extra: null,
    line: index + 1,
  };
}

/** Size, date and other columns from the text after the file name. */
function readColumns(context: ParseContext, index: number, file: DirectoryFile, text: string): void {
  let rest = text.trim();
  const size = SIZE.exec(rest.split(/\s+/)[0] ?? '');
  if (size !== null) {
    file.usedBlocks = toCount(size[1]);
    file.allocatedBlocks = toCount(size[2]);
    if (file.usedBlocks === null) context.fail(index, 'a size in blocks of at most 15 digits');
    rest = rest.slice((size[0] ?? '').length).trim();
  }
  const time = TIME_AT_START.exec(rest);
  if (time !== null) {
    file.date = parseVmsTime(time[1] ?? '');
    if (file.date === null) context.fail(index, 'a date such as 25-NOV-2026 07:01:00.43 after the size');
    rest = rest.slice((time[0] ?? '').length).trim();
  }
  if (rest === '') return;
  if (size === null && time === null) file.problem = rest;
  else file.extra = rest;
}

function readTotal(match: RegExpExecArray, index: number, offset: number): DirectoryTotal {
  return {
    files: toCount(match[offset]) ?? 0,
    usedBlocks: toCount(match[offset + 1]),
    allocatedBlocks: toCount(match[offset + 2]),
    line: index + 1,
  };
}

function readListing(context: ParseContext): DirectoryListing {
  const directories: DirectoryPart[] = [];
  const runs = new MessageRuns(context);
  let grandTotal: DirectoryListing['grandTotal'] = null;
  let current: DirectoryPart | null = null;
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    const line = context.line(index);
    const header = HEADER.exec(line.trim());
    if (header !== null) {
      current = { directory: header[1] ?? '', files: [], total: null, line: index + 1 };
      directories.push(current);
      index += 1;
      continue;
    }
    const grand = GRAND_TOTAL.exec(line.trim());
    if (grand !== null) {
      const total = readTotal(grand, index, 2);
      grandTotal = { ...total, directories: toCount(grand[1]) ?? 0 };
      current = null;
      index += 1;
      continue;
    }
    const total = TOTAL.exec(line.trim());
    if (total !== null) {
      if (current === null) context.fail(index, 'a "Directory DEVICE:[DIRECTORY]" header before the total');
      current.total = readTotal(total, index, 1);
      if (current.total.files !== current.files.length) {
        context.warn(index, `the total says ${current.total.files} files but ${current.files.length} are listed`);
      }
      index += 1;
      continue;
    }
    const words = wordsOf(line);
    const first = words[0]?.word ?? '';
    if (indentOf(line) > 0 || !isFileName(first)) {
      context.fail(index, `a file line such as ${FILE_EXAMPLE}, a "Directory" header or a total`);
    }
    if (current === null) context.fail(index, 'a "Directory DEVICE:[DIRECTORY]" header before the first file');
    if (words.length > 1 && words.every((word) => isFileName(word.word))) {
      // Plain DIRECTORY: several names to a line.
      for (const word of words) current.files.push(fileFrom(word.word, index));
      index += 1;
      continue;
    }
    const file = fileFrom(first, index);
    let rest = line.slice(words[0]?.end ?? 0);
    const following = context.line(index + 1);
    if (rest.trim() === '' && index + 1 < context.count && !isBlank(following) && indentOf(following) > 0) {
      // A long name on a line of its own: its columns follow, indented.
      rest = following;
      index += 1;
    }
    readColumns(context, index, file, rest);
    current.files.push(file);
    index += 1;
  }
  const messages = runs.messages();
  if (directories.length === 0 && messages.length === 0) {
    context.fail(0, 'a "Directory DEVICE:[DIRECTORY]" header, or %DIRECT-W-NOFILES');
  }
  return { directories, grandTotal, messages, noFiles: directories.length === 0 && messages.some((message) => message.ident === 'NOFILES') };
}

export function parseDirectory(output: string): ParseResult<DirectoryListing> {
  return runParser(output, { answers: (message) => message.ident === 'NOFILES' }, readListing);
}
