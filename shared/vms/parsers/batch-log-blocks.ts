/**
 * The program output a backup job's log holds besides commands and messages, each in the layout
 * of the manual that shows it:
 *
 * - operator prompts, as BACKUP writes them when a saveset needs another volume (OpenVMS System
 *   Manager's Manual, "Understanding Multivolume BACKUP Operations"):
 *       %BACKUP-I-READYWRITE, mount volume 2 on _$2$MKA500: for writing
 *       Respond with YES when ready:
 *   and the `BACKUP> ` prompt after %BACKUP-I-SPECIFY;
 * - the request line BACKUP adds to a mount request under /ASSIST (same section):
 *       BACKUP requests: Saveset DAILY.SAV, Volume number 02, write ENABLED
 * - OPCOM blocks (System Manager's Manual, "Using OPCOM"): a banner line, then the message's text
 *   lines up to a blank line:
 *       %%%%%%%%%%%  OPCOM   3-AUG-2010 07:12:33.45  %%%%%%%%%%%
 *       request 5, from user MALCOLM
 *       Please mount volume TEST_FILES in device _DUA2:
 *   The text (and any message OPCOM relays in it) belongs to the block, not to the job;
 * - BACKUP/LIST listings (System Manager's Manual, "Listing the Contents of a BACKUP Save Set";
 *   a published VAX capture for the header rows): "Listing of save set(s)", the saveset header
 *   ("Save set:", "Written by:", "UIC:", "Date:", "Command:" ... with the value in column 20 and
 *   long values continued in that column), the files, "Total of N files, M blocks", "End of save
 *   set".
 */
import { findMessagesInLines, type VmsMessage } from '../messages';
import { toCount } from './entry-table';
import { indentOf, isBlank } from './lines';
import type { ParseContext } from './parse-result';
import { parseVmsTime, type VmsTime } from './vms-time';

/** A line of the log as printed, with its 1-based number. */
export interface LogLine {
  line: number;
  text: string;
}

export interface OperatorPrompt extends LogLine {
  /** The prompt itself: "Respond with YES when ready:", "BACKUP>". */
  prompt: string;
  /** What follows the prompt on its line (the answer, when the log shows one), or null. */
  answer: string | null;
}

export interface BackupRequest extends LogLine {
  saveset: string | null;
  volume: number | null;
  /** "ENABLED" or "DISABLED", as printed. */
  write: string | null;
}

export interface OpcomBlock {
  /** 1-based line of the banner, and the last line of the block. */
  line: number;
  endLine: number;
  time: VmsTime | null;
  /** The lines under the banner, as printed. */
  text: LogLine[];
  /** Messages among those lines: OPCOM relays them; they are not the job's own. */
  messages: VmsMessage[];
}

export interface ListedFile extends LogLine {
  spec: string;
  /** Blocks used (and allocated, when the listing shows "used/allocated"). */
  blocks: number | null;
  allocated: number | null;
  date: VmsTime | null;
}

export interface ListedSaveset {
  line: number;
  /** "Save set:" value. */
  name: string;
  /** Every header row as "label" → value; a value continued on the lines below is joined. */
  header: Record<string, string>;
  /** The "Date:" row read as a time (when the saveset was written), or null. */
  date: VmsTime | null;
  /** The lines of the header (rows, their continuations and untitled rows such as "Volume attributes"). */
  headerLines: LogLine[];
  files: ListedFile[];
  total: { line: number; files: number; blocks: number | null } | null;
  /** The line of "End of save set", or null when the listing stops before it. */
  endLine: number | null;
}

export interface SavesetListing {
  line: number;
  endLine: number;
  savesets: ListedSaveset[];
}

const OPCOM_BANNER = /^\s*%{3,}\s+OPCOM,?\s+(.*?)\s+%{3,}\s*$/;
const PROMPTS: readonly RegExp[] = [
  /^\s*((?:Respond with|Enter)\s+"?YES"?\s+when ready:)\s*(.*)$/i,
  /^\s*(BACKUP>)\s*(.*)$/,
  /^\s*(.+\?\s*(?:\[[^\]]*\]|\((?:Y\/N|YES\/NO)\)))\s*:?\s*(.*)$/i,
];
const REQUEST = /^\s*BACKUP requests:\s*(.*)$/i;
const LISTING_START = /^\s*Listing of save set\(s\)\s*$/i;
const HEADER_ROW = /^([A-Za-z][A-Za-z0-9 /()$_-]*?):\s+(\S.*)$/;
/** The column where BACKUP/LIST starts a header value ("Save set:" and 10 blanks). */
const HEADER_VALUE_COLUMN = 19;
const UNTITLED_ROW = /^[A-Z][A-Za-z ]*[a-z]$/;
const FILE_ROW = /^\s*(\S+;\d+)\s+(\d+)(?:\/(\d+))?\s+(\d{1,2}-[A-Za-z]{3}-\d{4}\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,2})?)?)\s*$/;
const TOTAL_ROW = /^\s*Total of (\d+) files?(?:, (\d+) blocks?)?\.?\s*$/i;
const END_ROW = /^\s*End of save set\s*$/i;

export function isOpcomBanner(line: string): boolean {
  return OPCOM_BANNER.test(line);
}

export function readPrompt(line: string, lineNumber: number): OperatorPrompt | null {
  for (const pattern of PROMPTS) {
    const match = pattern.exec(line);
    if (match !== null) {
      const answer = (match[2] ?? '').trim();
      return { line: lineNumber, text: line, prompt: (match[1] ?? '').trim(), answer: answer === '' ? null : answer };
    }
  }
  return null;
}

export function readRequest(line: string, lineNumber: number): BackupRequest | null {
  const match = REQUEST.exec(line);
  if (match === null) return null;
  const rest = match[1] ?? '';
  const saveset = /Saveset\s+([^,\s]+)/i.exec(rest)?.[1] ?? null;
  const volume = /Volume number\s+(\d+)/i.exec(rest)?.[1];
  const write = /write\s+(ENABLED|DISABLED)/i.exec(rest)?.[1] ?? null;
  return { line: lineNumber, text: line, saveset, volume: volume === undefined ? null : Number(volume), write };
}

/**
 * Reads the OPCOM block whose banner is on line `index`: the block and the index after it. The
 * text runs to the first blank line (or a line `stop` names: a command, the trailer); when the text is indented (an OPCOM block copied into a log
 * under a program's output), it also ends at the first line back in column 1.
 */
export function readOpcom(context: ParseContext, index: number, stop: (line: string) => boolean): { block: OpcomBlock; end: number } {
  const time = parseVmsTime(OPCOM_BANNER.exec(context.line(index))?.[1] ?? '');
  const text: LogLine[] = [];
  let at = index + 1;
  const indented = indentOf(context.line(at)) > 0;
  while (at < context.count) {
    const line = context.line(at);
    if (isBlank(line) || isOpcomBanner(line) || stop(line) || (indented && indentOf(line) === 0)) break;
    text.push({ line: at + 1, text: line });
    at += 1;
  }
  const first = index + 1;
  const messages = findMessagesInLines(context.lines, {}, (i) => i < first || i >= at);
  return { block: { line: index + 1, endLine: at, time, text, messages }, end: at };
}

export function isListingStart(line: string): boolean {
  return LISTING_START.test(line);
}

/** True for a line that only a listing has: a saveset's first header row, a file, the totals, its end. */
export function isListingRow(line: string): boolean {
  return /^\s*Save set:/i.test(line) || FILE_ROW.test(line) || TOTAL_ROW.test(line) || END_ROW.test(line);
}

/** True while the listing's last saveset has not printed "End of save set". */
export function isOpenListing(listing: SavesetListing): boolean {
  const last = listing.savesets.at(-1);
  return last === undefined || last.endLine === null;
}

/**
 * Reads the BACKUP/LIST listing that starts on line `index`, up to the first line that is none of
 * its rows (`stop` says which lines end it at once: a command, a message, a trailer). Lines inside
 * that it cannot read are returned in `unread`.
 */
export function readListing(context: ParseContext, index: number, stop: (line: string) => boolean): { listing: SavesetListing; end: number; unread: LogLine[] } {
  const listing: SavesetListing = { line: index + 1, endLine: index + 1, savesets: [] };
  return { listing, ...continueListing(context, listing, index + 1, stop) };
}

/**
 * Reads the rows of `listing` from line `from` on: after a message BACKUP printed in the middle
 * of a listing (a read error, say), the files that follow are still the listing's.
 */
export function continueListing(context: ParseContext, listing: SavesetListing, from: number, stop: (line: string) => boolean): { end: number; unread: LogLine[] } {
  const { savesets } = listing;
  const unread: LogLine[] = [];
  let current: ListedSaveset | null = savesets.at(-1) ?? null;
  let lastLabel: string | null = null;
  let at = from;
  for (; at < context.count; at += 1) {
    const line = context.line(at);
    if (isBlank(line)) {
      lastLabel = null;
      continue;
    }
    if (stop(line)) break;
    const lineNumber = at + 1;
    const header = HEADER_ROW.exec(line);
    if (header !== null && /^save set$/i.test(header[1] ?? '')) {
      current = { line: lineNumber, name: (header[2] ?? '').trim(), header: {}, date: null, headerLines: [], files: [], total: null, endLine: null };
      current.header['Save set'] = current.name;
      current.headerLines.push({ line: lineNumber, text: line });
      savesets.push(current);
      lastLabel = 'Save set';
      listing.endLine = lineNumber;
      continue;
    }
    // after the last saveset's end, a line that starts no other saveset is the log's again
    if (current !== null && current.endLine !== null) break;
    listing.endLine = lineNumber;
    if (current === null) {
      unread.push({ line: lineNumber, text: line });
      continue;
    }
    const file = FILE_ROW.exec(line);
    const total = TOTAL_ROW.exec(line);
    if (file !== null) {
      current.files.push({
        line: lineNumber,
        text: line,
        spec: file[1] ?? '',
        blocks: toCount(file[2]),
        allocated: toCount(file[3]),
        date: parseVmsTime((file[4] ?? '').replace(/\s+/, ' ')),
      });
      lastLabel = null;
    } else if (total !== null) {
      current.total = { line: lineNumber, files: Number(total[1]), blocks: toCount(total[2]) };
    } else if (END_ROW.test(line)) {
      current.endLine = lineNumber;
    } else if (current.files.length === 0 && lastLabel !== null && indentOf(line) >= HEADER_VALUE_COLUMN) {
      // a long value (the command line) goes on in the value column of the lines below
      current.header[lastLabel] = `${current.header[lastLabel] ?? ''}${line.trim()}`;
      current.headerLines.push({ line: lineNumber, text: line });
    } else if (current.files.length === 0 && header !== null) {
      lastLabel = (header[1] ?? '').trim();
      current.header[lastLabel] = (header[2] ?? '').trim();
      current.headerLines.push({ line: lineNumber, text: line });
    } else if (current.files.length === 0 && UNTITLED_ROW.test(line.trim())) {
      current.headerLines.push({ line: lineNumber, text: line });
    } else {
      unread.push({ line: lineNumber, text: line });
    }
  }
  for (const saveset of savesets) saveset.date = parseVmsTime(saveset.header['Date'] ?? '');
  return { end: at, unread };
}
