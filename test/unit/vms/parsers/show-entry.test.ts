import { describe, expect, it } from 'vitest';
import { parseShowEntry, type EntryListing } from '../../../../shared/vms/parsers/show-entry';
import { fixture } from './fixtures';

function listing(name: string): EntryListing {
  const result = parseShowEntry(fixture('show-entry', name));
  if (!result.ok || result.refused) throw new Error(`expected entries from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseShowEntry', () => {
  it('reads SHOW ENTRY/FULL of the daily backup: entry, queue, state, procedure', () => {
    expect(listing('daily-backup-full.txt').entries).toMatchObject([
      {
        entry: 412,
        jobName: 'DAILY_BACKUP',
        username: 'LEASE_BATCH',
        blocks: null,
        status: { state: 'executing' },
        queue: 'TAPE_BACKUP',
        submitted: { iso: '2026-11-25T06:05:00.120' },
        file: '_DSA1:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM;12',
        line: 4,
      },
    ]);
  });

  it("reads the older layout with a Blocks column, another site's entries on two queues", () => {
    const { entries } = listing('several-older-layout.txt');
    expect(entries.map((entry) => [entry.entry, entry.jobName, entry.blocks, entry.status.state, entry.queue])).toEqual([
      [977, 'WEEKLY_TOTALS', 3, 'executing', 'SYS$BATCH'],
      [1042, 'INVENTORY_RECONCILE', 17, 'holding-until', 'NIGHT_BATCH'],
      [1043, 'INVENTORY_REPORT', 2, 'pending', 'NIGHT_BATCH'],
    ]);
    expect(entries[1]?.status.until?.iso).toBe('2025-02-14T22:00:00.000');
  });

  it('answers %JBC-E-NOSUCHENT as the host saying no', () => {
    expect(parseShowEntry(fixture('show-entry', 'nosuchent.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: { worstSeverity: 'E', messages: [{ facility: 'JBC', severity: 'E', ident: 'NOSUCHENT', inferred: false }] },
    });
  });

  it('knows "no such entry" alone, as SET MESSAGE/NOFACILITY/NOSEVERITY/NOIDENTIFICATION leaves it', () => {
    expect(parseShowEntry(fixture('show-entry', 'nosuchent-text-only.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: { messages: [{ lead: null, facility: 'JBC', ident: 'NOSUCHENT', inferred: true, line: 2 }] },
    });
  });

  it('does not read silence as "no entries": empty output is unreadable', () => {
    expect(parseShowEntry('\r\n')).toMatchObject({ ok: false, error: { line: 1, expected: expect.stringContaining('entry table') } });
  });

  it('names the line of a detail line before any entry', () => {
    const text = '\n  Entry  Jobname         Username     Status\n  -----  -------         --------     ------\n         On batch queue TAPE_BACKUP\n';
    expect(parseShowEntry(text)).toEqual({
      ok: false,
      error: { line: 4, text: '         On batch queue TAPE_BACKUP', expected: 'an entry line such as "    412  NIGHTLY_SAVE    NIGHT_BATCH  Executing"' },
    });
  });

  it('names the line of output that is not an entry table', () => {
    expect(parseShowEntry('Job DAILY_BACKUP (queue TAPE_BACKUP, entry 412) started on TAPE_BACKUP')).toMatchObject({
      ok: false,
      error: { line: 1, expected: expect.stringContaining('Entry  Jobname') },
    });
  });

  it("reads SHOW ENTRY with OpenVMS's Blocks column: the console's adhoc backup running as LEASE_BATCH", () => {
    expect(listing('blocks-column-batch-user.txt').entries).toMatchObject([
      {
        entry: 1219,
        jobName: 'TAPEOPS_RMU_BACKUP_LEASE_DATA_4K7Q2M',
        username: 'LEASE_BATCH',
        blocks: 12,
        status: { state: 'executing' },
        queue: 'TAPE_BACKUP',
        file: '_$1$DGA2:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_LEASE_DATA.COM;3',
        details: [],
        line: 4,
      },
    ]);
  });
});

describe('parseShowEntry: the layout of OpenVMS V5.5 and later (v55-full-blocks.txt)', () => {
  it('reads the Blocks column, "On batch queue", padded dates, a long name and a message with its "-" line', () => {
    const result = parseShowEntry(fixture('show-entry', 'v55-full-blocks.txt'));
    if (!result.ok || result.refused) throw new Error('unreadable');
    expect(result.warnings).toEqual([]);
    expect(result.value.entries.map((e) => [e.entry, e.jobName, e.username, e.blocks, e.status.state, e.queue])).toEqual([
      [412, 'DAILY_BACKUP', 'LEASE_BATCH', 3, 'executing', 'TAPE_BACKUP'],
      [420, 'INITIALIZE_TAPES', 'SYSTEM', 1, 'holding-until', 'TAPE_BACKUP'],
      [395, 'RMU_BACKUP_DOCUMENT', 'LEASE_BATCH', 9, 'retained-on-error', 'TIME_BLT4'],
    ]);
    const [, held, failed] = result.value.entries;
    expect(held?.status.until?.iso).toBe('2010-08-04T05:30:00.000');
    expect(failed).toMatchObject({ submitted: { iso: '2010-08-03T05:00:00.000' }, completed: { iso: '2010-08-03T08:31:56.090' }, details: [] });
    expect(failed?.statusMessages.map((m) => [m.ident, m.continuation.map((c) => c.ident)])).toEqual([['WRITEERR', ['FUL']]]);
  });
});
