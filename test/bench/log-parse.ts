/**
 * The batch log parser on a large log: `parseBatchLog` (every line read or reported, messages
 * with their continuations, blocks, trailer) against the least a reader must do, splitting the
 * same text into lines and matching each against the `%FACILITY-S-IDENT, text` form, in the same
 * process. Figures and ratio only.
 *
 *   npx tsx test/bench/log-parse.ts        BENCH_LOG_MESSAGES (default 100000), BENCH_LOG_RUNS (default 5)
 */
import { performance } from 'node:perf_hooks';
import { parseBatchLog } from '../../shared/vms/parsers';
import { splitLines } from '../../shared/vms/parsers/lines';

export interface LogParseBench {
  messages: number;
  lines: number;
  runs: number;
  medianMs: { parser: number; baseline: number };
  ratio: number;
  unread: number;
}

/** A DAILY_BACKUP-like log: verified commands, BACKUP and RMU messages with - continuations, the trailer. */
export function bigLog(messages: number): string {
  const lines = ['$ Set NoOn', '$ VERIFY = F$VERIFY(F$TRNLNM("SYLOGIN_VERIFY"))', '$ SET NOON'];
  for (let i = 0; i < messages; i += 1) {
    if (i % 50 === 0) lines.push(`$ BACKUP/LOG DISK$USER:[AREA${i}]*.*;* DISK$BACKUP:[SAVE]AREA${i}.BAK/SAVE_SET`);
    if (i % 97 === 0) {
      lines.push(`%BACKUP-W-ACCONFLICT, DISK$USER:[AREA${i}]OPEN_FILE.LOG;3 is open for write by another user`);
    } else if (i % 211 === 0) {
      lines.push(`%RMU-F-WRITEERR, error writing DISK$BACKUP:[SAVE]DB${i}.RBF;`, '-RMS-F-FUL, device full (insufficient space for allocation)');
    } else {
      lines.push(`%BACKUP-S-COPIED, copied DISK$USER:[AREA${i - (i % 50)}]FILE_${i}.DAT;1`);
    }
  }
  lines.push(
    '  SYSTEM       job terminated at  3-AUG-2010 07:45:12.34',
    '',
    '  Accounting information:',
    '  Buffered I/O count:                 1234      Peak working set size:      12345',
    '  Direct I/O count:                    567      Peak virtual size:         123456',
    '  Page faults:                        8901      Mounted volumes:                1',
    '  Charged CPU time:          0 00:01:23.45      Elapsed time:       0 01:02:03.04',
  );
  return `${lines.join('\r\n')}\r\n`;
}

const MESSAGE = /^%([A-Z0-9$_]+)-([SIWEF])-([A-Z0-9$_]+), /;

function baseline(text: string): number {
  let found = 0;
  for (const line of splitLines(text)) if (MESSAGE.test(line)) found += 1;
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function benchLogParse(messages = Number(process.env.BENCH_LOG_MESSAGES ?? 100_000), runs = Number(process.env.BENCH_LOG_RUNS ?? 5)): LogParseBench {
  const text = bigLog(messages);
  const parserMs: number[] = [];
  const baselineMs: number[] = [];
  let unread = 0;
  // one warm-up of each, then alternate so that neither gets the warmer machine
  parseBatchLog(text);
  baseline(text);
  for (let run = 0; run < runs; run += 1) {
    let began = performance.now();
    const parsed = parseBatchLog(text);
    parserMs.push(performance.now() - began);
    if (!parsed.ok || parsed.refused) throw new Error('the bench log did not parse');
    unread = parsed.value.unread.length;
    began = performance.now();
    baseline(text);
    baselineMs.push(performance.now() - began);
  }
  const medianMs = { parser: median(parserMs), baseline: median(baselineMs) };
  return { messages, lines: splitLines(text).length, runs, medianMs, ratio: medianMs.parser / medianMs.baseline, unread };
}

export function printLogParse(result: LogParseBench): void {
  console.log(`  ${result.messages} messages, ${result.lines} lines, ${result.unread} lines unread`);
  console.log(`  parseBatchLog          median ${result.medianMs.parser.toFixed(1).padStart(9)} ms   (n=${result.runs})`);
  console.log(`  split + message regex  median ${result.medianMs.baseline.toFixed(1).padStart(9)} ms`);
  console.log(`  ratio parser / baseline: ${result.ratio.toFixed(2)}×`);
}

if (import.meta.url === `file://${process.argv[1]}`) printLogParse(benchLogParse());
