/**
 * The trailer OpenVMS writes when a batch job ends (or, for LOGOUT/FULL, when a process logs out):
 *
 *       NIGHT_BATCH  job terminated at  3-AUG-2010 07:12:33.45
 *
 *       Accounting information:
 *       Buffered I/O count:               3601      Peak working set size:       7760
 *       Direct I/O count:                 1504      Peak virtual size:         186192
 *       Page faults:                      4072      Mounted volumes:                0
 *       Charged CPU time:        0 00:00:07.35      Elapsed time:       0 00:00:27.78
 *
 * That is the Alpha layout (captures of OpenVMS Alpha boots and batch jobs; fixture
 * batch-log/trailer-alpha.txt). A VAX prints "Peak page file size" where the Alpha prints "Peak
 * virtual size", in narrower columns (batch-log/trailer-vax.txt). The figures are read by their
 * labels, not by their columns, so either layout (and a row whose columns drifted) reads the same.
 * The day of the time is blank-padded (` 3-AUG-2010`) as $ASCTIM writes it.
 */
import { toCount } from './entry-table';
import { isBlank } from './lines';
import type { ParseContext } from './parse-result';
import { parseVmsDelta, parseVmsTime, VMS_DELTA_SOURCE, type VmsDelta, type VmsTime } from './vms-time';

export interface Accounting {
  bufferedIo: number | null;
  directIo: number | null;
  pageFaults: number | null;
  peakWorkingSet: number | null;
  /** "Peak page file size": the VAX layout. */
  peakPageFile: number | null;
  /** "Peak virtual size": the Alpha layout. */
  peakVirtualSize: number | null;
  mountedVolumes: number | null;
  chargedCpu: VmsDelta | null;
  elapsed: VmsDelta | null;
  /** Which layout the rows are in: "Peak virtual size" is Alpha, "Peak page file size" is VAX. */
  layout: 'alpha' | 'vax' | null;
  /** Every "label: value" pair as printed (LOGOUT/FULL adds "Images activated", "Connect time"). */
  fields: Record<string, string>;
}

export interface LogTrailer {
  username: string;
  /** "job terminated" for a batch job; "logged out" for LOGOUT/FULL. */
  ending: 'job terminated' | 'logged out';
  terminatedAt: VmsTime;
  accounting: Accounting;
  /** True when every figure is there (a log copied while being written may stop short). */
  complete: boolean;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
}

export const TRAILER_START = /^\s*(\S+)\s+(job terminated|logged out) at\s+(.+)$/i;
const ACCOUNTING_HEADER = /^\s*Accounting information:$/i;
/** A line that starts as an accounting row does ("Page faults:  ..."); others end the trailer. */
const ROW_START = /^\s*[A-Za-z][A-Za-z/ ]*:\s+\S/;
const ACCOUNTING_PAIR = new RegExp(`([A-Za-z][A-Za-z/ ]*?):\\s+(${VMS_DELTA_SOURCE}|\\d+)(?=\\s|$)`, 'g');
const MAX_ACCOUNTING_LINE = 200;

type CountKey = 'bufferedIo' | 'directIo' | 'pageFaults' | 'peakWorkingSet' | 'peakPageFile' | 'peakVirtualSize' | 'mountedVolumes';

const COUNT_LABELS: Partial<Record<string, CountKey>> = {
  'buffered i/o count': 'bufferedIo',
  'direct i/o count': 'directIo',
  'page faults': 'pageFaults',
  'peak working set size': 'peakWorkingSet',
  'peak page file size': 'peakPageFile',
  'peak virtual size': 'peakVirtualSize',
  'mounted volumes': 'mountedVolumes',
};

function emptyAccounting(): Accounting {
  return {
    bufferedIo: null,
    directIo: null,
    pageFaults: null,
    peakWorkingSet: null,
    peakPageFile: null,
    peakVirtualSize: null,
    mountedVolumes: null,
    chargedCpu: null,
    elapsed: null,
    layout: null,
    fields: {},
  };
}

function readRow(context: ParseContext, at: number, accounting: Accounting, fields: [string, string][]): void {
  const line = context.line(at);
  // An accounting line is short; a long one is not one, and is not worth a slow regular expression.
  const pairs = line.length > MAX_ACCOUNTING_LINE ? [] : [...line.matchAll(ACCOUNTING_PAIR)];
  const covered = pairs
    .map((pair) => pair[0])
    .join('')
    .replace(/\s/g, '').length;
  if (pairs.length === 0 || covered !== line.replace(/\s/g, '').length) {
    context.fail(at, 'an accounting line such as "Page faults:  9921      Mounted volumes:  1"');
  }
  for (const pair of pairs) {
    const label = (pair[1] ?? '').trim();
    const value = pair[2] ?? '';
    fields.push([label, value]);
    const key = COUNT_LABELS[label.toLowerCase()];
    if (key !== undefined) accounting[key] = toCount(value);
    else if (/^charged cpu time$/i.test(label)) accounting.chargedCpu = parseVmsDelta(value);
    else if (/^elapsed time$/i.test(label)) accounting.elapsed = parseVmsDelta(value);
  }
}

/**
 * Reads the trailer that starts on line `index`: the trailer and the index of the first line
 * after it. Lines after the accounting rows (a login banner in a console capture) are not its own.
 */
export function readTrailer(context: ParseContext, index: number): { trailer: LogTrailer; end: number } {
  const start = TRAILER_START.exec(context.line(index));
  const terminatedAt = parseVmsTime(start?.[3] ?? '');
  if (start === null || terminatedAt === null) {
    context.fail(index, `a time after "${start?.[2] ?? 'job terminated'} at", such as 25-NOV-2026 07:01:00.43`);
  }
  const ending = (start[2] ?? '').toLowerCase() === 'logged out' ? 'logged out' : 'job terminated';
  const accounting = emptyAccounting();
  const fields: [string, string][] = [];
  let sawHeader = false;
  let end = index + 1;
  for (let at = index + 1; at < context.count; at += 1) {
    const line = context.line(at);
    if (isBlank(line)) continue;
    if (!sawHeader) {
      if (ACCOUNTING_HEADER.test(line)) {
        sawHeader = true;
        end = at + 1;
        continue;
      }
      // LOGOUT without /FULL prints the one line; a batch job always prints its accounting.
      if (ending === 'logged out') break;
      context.fail(at, '"Accounting information:" after the line that says the job terminated');
    }
    if (!ROW_START.test(line)) break;
    readRow(context, at, accounting, fields);
    end = at + 1;
  }
  accounting.fields = Object.fromEntries(fields);
  accounting.layout = accounting.peakVirtualSize !== null ? 'alpha' : accounting.peakPageFile !== null ? 'vax' : null;
  const complete =
    accounting.bufferedIo !== null &&
    accounting.directIo !== null &&
    accounting.pageFaults !== null &&
    accounting.peakWorkingSet !== null &&
    accounting.layout !== null &&
    accounting.mountedVolumes !== null &&
    accounting.chargedCpu !== null &&
    accounting.elapsed !== null;
  return { trailer: { username: start[1] ?? '', ending, terminatedAt, accounting, complete, line: index + 1, endLine: end }, end };
}
