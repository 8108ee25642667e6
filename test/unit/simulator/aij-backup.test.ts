/**
 * The nightly after-image journal backup: a batch job (AIJ_BACKUP, 05:00, SYS$BATCH, as the
 * batch user) whose RMU/BACKUP/AFTER_JOURNAL steps write the AIJ files the Bill Run's AIJ.BAK
 * saveset and the daily AIJ.BAK collect, with its log in the Oracle Rdb 7.0 layout.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog } from '../../../shared/vms/parsers/batch-log';
import { parseShowQueue } from '../../../shared/vms/parsers/show-queue';
import { fixture } from '../vms/parsers/fixtures';
import { procedureLines, shapesOf } from './log-shapes';
import { run, siteAt } from './site-fixture';

const LOG = 'DISK$MENTAT:[USER_DIR.LEASECOMM]AIJ_BACKUP.LOG';

describe('the after-image journal backup job', () => {
  it('runs at 05:00 in SYS$BATCH as the batch user, in its own BATCH_ process', async () => {
    const { site, clock } = siteAt('2010-08-04T04:00:00', { dailyBackup: false });
    clock.advanceHours(1); // 05:00
    site.advance();
    const listing = parseShowQueue((await run(site, 'SHOW QUEUE/ALL_JOBS SYS$BATCH')).output);
    if (!listing.ok || listing.refused) throw new Error('SHOW QUEUE could not be read');
    const [entry] = listing.value.queues[0]?.entries ?? [];
    expect(entry).toMatchObject({ jobName: 'AIJ_BACKUP', username: 'LEASE_BATCH', status: { state: 'executing' } });
    expect(
      site
        .inspect('BLT4')
        .queues?.processes()
        .map((p) => [p.name, p.username]),
    ).toEqual([[`BATCH_${entry?.entry ?? 0}`, 'LEASE_BATCH']]);
    // it ends well and leaves the queue (SYS$BATCH keeps only failed jobs)
    clock.advanceHours(1);
    const after = parseShowQueue((await run(site, 'SHOW QUEUE/ALL_JOBS SYS$BATCH')).output);
    if (!after.ok || after.refused) throw new Error('SHOW QUEUE could not be read');
    expect(after.value.queues[0]?.entries).toEqual([]);
  });

  it('writes its log in the layout of the fixture from the RMU reference, and the AIJ files it names', async () => {
    const { site, clock } = siteAt('2010-08-04T04:00:00', { dailyBackup: false });
    clock.advanceHours(2);
    const text = (await run(site, `TYPE ${LOG}`)).output;
    const expected = fixture('batch-log', 'semantics-aij-backup.txt');
    expect(shapesOf(text)).toEqual(shapesOf(expected));
    // one backup per database of the plan's AIJ.BAK: LEASE, DOCUMENT, AMORT and ARCHIVE
    const lines = procedureLines(text);
    expect(lines.filter((l) => l.startsWith('$ RMU/BACKUP/AFTER_JOURNAL/LOG ')).map((l) => /\[(\w+)\]\w+\.RDB/.exec(l)?.[1])).toEqual([
      'LEASE_DATA',
      'LEASE_DOCUMENT_DATA',
      'LEASE_AMORT_DATA',
      'LEASE_ARCHIVE_DATA',
    ]);
    // each backup file it says it created is in the backup area, owned by the batch user
    const created = lines.flatMap((l) => /^%RMU-I-LOGCREBCK, created backup file (\S+)$/.exec(l)?.slice(1) ?? []);
    expect(created).toHaveLength(4);
    for (const file of created) {
      const listing = await run(site, `DIRECTORY/OWNER/SIZE ${file}`);
      expect(listing.output).toMatch(new RegExp(`${file.replace(/^.*\]/, '').replace(/[.;$]/g, '\\$&')}\\s+\\d+\\s+\\[LEASE_BATCH\\]`));
    }
    const parsed = parseBatchLog(expected);
    if (!parsed.ok || parsed.refused) throw new Error('the fixture could not be read');
    expect(parsed.value.worstSeverity).toBe('I');
    expect(parsed.value.unread).toEqual([]);
    expect(parsed.value.messages.filter((m) => m.ident === 'AIJBCKEND')).toHaveLength(2);
  });
});
