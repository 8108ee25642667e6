/**
 * The accounting trailer the simulator writes at the end of a batch log has the layout of the
 * fixtures written from the manuals and published captures: the same lines, each label at the same
 * column and each value ending at the same column; Alpha with "Peak virtual size", VAX with "Peak
 * page file size"; the date after "job terminated at" padded.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog } from '../../../shared/vms/parsers';
import { accountingTrailer, loggedOutLine } from '../../../src-main/simulator/batch/accounting';
import { fixture } from '../vms/parsers/fixtures';
import { run, siteAt } from './site-fixture';

/** A line's shape: where each label starts and each value ends, with the labels' text. */
function shape(line: string): string[] {
  const parts: string[] = [];
  for (const match of line.matchAll(/([A-Za-z][A-Za-z/ ]*:)( +)(\S+(?: \S+)?)/g)) {
    const start = match.index;
    const valueEnd = start + match[0].length;
    parts.push(`${match[1] as string}@${start}..${valueEnd}`);
  }
  return parts;
}

function trailerOf(text: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => / job terminated at /.test(l));
  return lines.slice(from).filter((l, i, all) => i < all.length - 1 || l !== '');
}

const STARTED = new Date(2010, 7, 3, 7, 0, 11, 490);
const ENDED = new Date(2010, 7, 3, 7, 0, 13, 270);

describe('the batch log trailer', () => {
  for (const [arch, name] of [
    ['Alpha', 'header-and-trailer-alpha.txt'],
    ['VAX', 'header-and-trailer-vax.txt'],
  ] as const) {
    it(`has the ${arch} layout of ${name}, line for line`, () => {
      const expected = trailerOf(fixture('batch-log', name));
      const written = accountingTrailer('LEASE_BATCH', STARTED, ENDED, 0, 'trailer-test', arch);
      expect(written.length).toBe(expected.length);
      expect(written[0]).toBe(expected[0]);
      expect(written.slice(1, 3)).toEqual(expected.slice(1, 3));
      for (let i = 3; i < expected.length; i += 1) expect(shape(written[i] as string)).toEqual(shape(expected[i] as string));
    });
  }

  it('reads back through the log parser with every figure', () => {
    const text = `$ EXIT\n${accountingTrailer('LEASE_BATCH', STARTED, ENDED, 2, 'trailer-test').join('\n')}\n`;
    const read = parseBatchLog(text);
    if (!read.ok || read.refused) throw new Error('unreadable');
    expect(read.value.trailer).toMatchObject({ username: 'LEASE_BATCH', complete: true });
    expect(read.value.trailer?.accounting.mountedVolumes).toBe(2);
    expect(Object.keys(read.value.trailer?.accounting.fields ?? {})).toContain('Peak virtual size');
  });

  it('pads a single-digit day in "logged out at", as $ASCTIM does', () => {
    expect(loggedOutLine('OPERATOR', ENDED)).toBe('  OPERATOR     logged out at  3-AUG-2010 07:00:13.27');
  });

  it("ends a job's log on the simulated Alpha host BLT4 in the Alpha layout", async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    clock.advanceHours(3); // INVOICE_STATEMENT_GENERATE has run (07:30 to 08:15)
    const log = await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]INVOICE_STATEMENT_GENERATE.LOG');
    const written = trailerOf(log.lines.join('\n'));
    const expected = trailerOf(fixture('batch-log', 'header-and-trailer-alpha.txt'));
    expect(written[0]).toMatch(/^ {2}LEASE_BATCH {2}job terminated at {2}3-AUG-2010 \d\d:\d\d:\d\d\.\d\d$/);
    expect(written.length).toBe(expected.length);
    for (let i = 3; i < expected.length; i += 1) expect(shape(written[i] as string)).toEqual(shape(expected[i] as string));
  });
});
