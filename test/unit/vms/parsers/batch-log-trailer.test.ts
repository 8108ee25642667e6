/**
 * The accounting trailer of a batch log, a field for each figure: the Alpha layout of BLT4
 * (OpenVMS Alpha V7.2-1, "Peak virtual size") and the VAX layout ("Peak page file size"), the
 * `job terminated at` / `logged out at` line with its blank-padded day; and the simulated BLT4
 * writing its trailer in the columns of the same fixture, so that simulator and parser cannot
 * drift apart.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog, type BatchLog } from '../../../../shared/vms/parsers/batch-log';
import { retainFinishedJobs, run, siteAt } from '../../simulator/site-fixture';
import { fixture } from './fixtures';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';
const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';

function read(text: string): BatchLog {
  const result = parseBatchLog(text);
  if (!result.ok || result.refused) throw new Error(`expected a log: ${JSON.stringify(result)}`);
  return result.value;
}

/** The trailer's lines of a log: from "job terminated at" to its last accounting row. */
function trailerLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const from = lines.findIndex((line) => /job terminated at/.test(line));
  return lines.slice(from, from + 7);
}

/** Where each field of a line stands (1-based): the column a label starts in, the column a (right-aligned) value ends in. */
function columns(line: string): string[] {
  return [...line.matchAll(/[A-Za-z][A-Za-z/ ]*:|\S+(?: \S+)*/g)].map((match) =>
    match[0].endsWith(':') ? `${match[0]} at ${match.index + 1}` : `value to ${match.index + match[0].length}`,
  );
}

/** The layout of trailer lines: the labels and where every field stands, the values (which vary) left out. */
function layout(lines: string[]): string[][] {
  return lines.map(columns);
}

describe('the accounting trailer', () => {
  it('reads every figure of the Alpha layout, and says it is the Alpha one', () => {
    expect(read(fixture('batch-log', 'trailer-alpha.txt')).trailer).toEqual({
      username: 'LEASE_BATCH',
      ending: 'job terminated',
      terminatedAt: { text: '3-AUG-2010 07:12:33.45', iso: '2010-08-03T07:12:33.450' },
      accounting: {
        bufferedIo: 87,
        directIo: 41,
        pageFaults: 894,
        peakWorkingSet: 5616,
        peakPageFile: null,
        peakVirtualSize: 171344,
        mountedVolumes: 0,
        chargedCpu: { text: '0 00:00:00.42', milliseconds: 420 },
        elapsed: { text: '0 00:00:02.91', milliseconds: 2910 },
        layout: 'alpha',
        fields: {
          'Buffered I/O count': '87',
          'Peak working set size': '5616',
          'Direct I/O count': '41',
          'Peak virtual size': '171344',
          'Page faults': '894',
          'Mounted volumes': '0',
          'Charged CPU time': '0 00:00:00.42',
          'Elapsed time': '0 00:00:02.91',
        },
      },
      complete: true,
      line: 6,
      endLine: 12,
    });
  });

  it('reads every figure of the VAX layout, "Peak page file size" in its own field', () => {
    expect(read(fixture('batch-log', 'trailer-vax.txt')).trailer).toMatchObject({
      username: 'SYSTEM',
      terminatedAt: { iso: '2010-06-04T12:42:28.390' },
      accounting: {
        bufferedIo: 1187,
        directIo: 604,
        pageFaults: 4978,
        peakWorkingSet: 1702,
        peakPageFile: 5216,
        peakVirtualSize: null,
        mountedVolumes: 0,
        chargedCpu: { milliseconds: 4240 },
        elapsed: { milliseconds: 6910 },
        layout: 'vax',
      },
      complete: true,
    });
  });

  it('reads "logged out at" with a blank-padded day: a logout without accounting, not an unreadable trailer', () => {
    const session = read(fixture('batch-log', 'logged-out-brief.txt'));
    expect(session.trailer).toMatchObject({
      username: 'OPERATOR',
      ending: 'logged out',
      terminatedAt: { iso: '2010-08-03T07:40:02.180' },
      accounting: { layout: null, bufferedIo: null },
      complete: false,
      line: 4,
      endLine: 4,
    });
  });

  it('reads a blank-padded day and a two-digit one alike', () => {
    const padded = read('  OPS          job terminated at  3-AUG-2010 07:00:00.00\n').trailer;
    const twoDigits = read('  OPS          job terminated at 13-AUG-2010 07:00:00.00\n').trailer;
    expect([padded?.terminatedAt.iso, twoDigits?.terminatedAt.iso]).toEqual(['2010-08-03T07:00:00.000', '2010-08-13T07:00:00.000']);
  });

  it('is incomplete without its "Peak virtual size" row', () => {
    const text = fixture('batch-log', 'trailer-alpha.txt').replace(/ {6}Peak virtual size: +\d+/, '');
    expect(read(text).trailer).toMatchObject({ complete: false, accounting: { layout: null, directIo: 41 } });
  });

  it('leaves the lines after the accounting rows to the log: a login banner is reported, not an error', () => {
    const text = `${fixture('batch-log', 'trailer-alpha.txt').trimEnd()}\n\n Welcome to OpenVMS (TM) Alpha Operating System, Version V7.2-1\n`;
    const value = read(text);
    expect(value.trailer).toMatchObject({ complete: true, endLine: 12 });
    expect(value.unread).toEqual([{ line: 14, text: ' Welcome to OpenVMS (TM) Alpha Operating System, Version V7.2-1' }]);
  });

  it('the two Alpha fixtures of this area are in one layout', () => {
    expect(layout(trailerLines(fixture('batch-log', 'header-and-trailer-alpha.txt')))).toEqual(layout(trailerLines(fixture('batch-log', 'trailer-alpha.txt'))));
  });
});

describe("the simulated BLT4's trailer", () => {
  it('is written in the columns of trailer-alpha.txt, and the parser reads every figure of it', async () => {
    const { site, clock } = siteAt('2010-08-03T09:00:00', { dailyBackup: false });
    retainFinishedJobs(site, ['TIME_BLT4'], 'ALL');
    await run(site, `SUBMIT/QUEUE=TIME_BLT4/NAME=TRAILER_CHECK/USER=LEASE_BATCH ${PROCEDURES}BLT_CLEANUP.COM`);
    clock.advanceMinutes(30);
    const log = await run(site, `TYPE ${LOGS}TRAILER_CHECK.LOG`);
    const written = trailerLines(log.output);
    const expected = trailerLines(fixture('batch-log', 'trailer-alpha.txt'));
    // the date is the 3rd: blank-padded, in the fixture's columns
    expect(written[0]).toMatch(/^ {2}LEASE_BATCH {2}job terminated at {2}3-AUG-2010 \d\d:\d\d:\d\d\.\d\d$/);
    expect(layout(written)).toEqual(layout(expected));
    const value = read(log.output);
    expect(value.trailer).toMatchObject({ username: 'LEASE_BATCH', complete: true, accounting: { layout: 'alpha' } });
  });
});
