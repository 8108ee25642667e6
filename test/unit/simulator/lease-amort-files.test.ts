/**
 * The plan's LEASE_AMORT_FILES: a file area beside LEASE_FILES ("LEASE_FILES (and
 * LEASE_AMORT_FILES)"), which DAILY_BACKUP's incremental saves with LEASE_FILES "to a saveset
 * called LEASE_FILES_BACKUP.INC" in one BACKUP command.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog } from '../../../shared/vms/parsers/batch-log';
import { fixture } from '../vms/parsers/fixtures';
import { lineShape, procedureLines } from './log-shapes';
import { run, siteAt } from './site-fixture';

const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';

/** The log's lines of the disk-to-disk step: from the procedure's start up to the tape's MOUNT. */
function diskStep(log: string): string[] {
  const lines = procedureLines(log);
  const mount = lines.findIndex((l) => l.startsWith('$ MOUNT/FOREIGN '));
  return lines.slice(0, mount + 1);
}

describe('LEASE_AMORT_FILES', () => {
  it('is a system logical name of BLT4 with the area of domain files behind it', async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    expect((await run(site, 'SHOW LOGICAL LEASE_AMORT_FILES')).lines[0]).toBe('   "LEASE_AMORT_FILES" = "RDB1$DISK00:[LEASE_AMORT_FILES]" (LNM$SYSTEM_TABLE)');
    const listing = await run(site, 'DIRECTORY LEASE_AMORT_FILES:*.DAT');
    expect(listing.status & 1).toBe(1);
    expect(listing.output).toMatch(/LEASE_DOMAIN_\d{2}\.DAT;1/);
  });

  it("goes with LEASE_FILES into DAILY_BACKUP's LEASE_FILES_BACKUP.INC, in the layout of the fixture", async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const directory = site.inspect('BLT4').host.diskByLabel('BACKUP_01')?.directory('LEASE_BACKUP');
    const before = directory?.highest('LEASE_FILES_BACKUP', 'INC')?.version ?? 0;
    await run(site, `SUBMIT/QUEUE=TAPE_BACKUP/USER=LEASE_BATCH/NAME=DAILY_BACKUP ${PROCEDURES}DAILY_BACKUP.COM`);
    clock.advanceMinutes(30);
    const text = (await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]DAILY_BACKUP.LOG')).output;
    const step = diskStep(text);
    const backups = step.filter((l) => l.startsWith('$ BACKUP'));
    expect(backups).toEqual([
      '$ BACKUP/LOG/IGNORE=INTERLOCK/SINCE=BACKUP/RECORD LEASE_FILES:*.*;*,LEASE_AMORT_FILES:*.*;* DISK$BACKUP_01:[LEASE_BACKUP]LEASE_FILES_BACKUP.INC/SAVE_SET',
    ]);
    const areas = new Set(step.flatMap((l) => /^%BACKUP-S-COPIED, copied RDB1\$DISK00:\[(\w+)\]/.exec(l)?.slice(1) ?? []));
    expect([...areas].sort()).toEqual(['LEASE_AMORT_FILES', 'LEASE_FILES']);
    // one new saveset, not one per area
    expect(directory?.highest('LEASE_FILES_BACKUP', 'INC')?.version).toBe(before + 1);
    expect(directory?.highest('LEASE_AMORT_FILES_BACKUP', 'INC')?.created.getTime() ?? 0).toBeLessThan(new Date('2010-08-04T09:00:00').getTime());

    const expected = fixture('batch-log', 'semantics-daily-file-areas.txt');
    const shapes = (lines: string[]) => [...new Set(lines.map(lineShape))].sort();
    expect(shapes(step)).toEqual(shapes(diskStep(expected)));
    const parsed = parseBatchLog(expected);
    if (!parsed.ok || parsed.refused) throw new Error('the fixture could not be read');
    expect(parsed.value.commands.map((c) => c.verb)).toEqual(['SET', 'VERIFY', 'SET', 'BACKUP', 'MOUNT']);
    expect(parsed.value.messages.filter((m) => m.ident === 'COPIED')).toHaveLength(4);
  });

  it("is not in the Bill Run's full backup, which saves LEASE_FILES as RMU_BACKUP_DATA's task says", async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    clock.advanceHours(3);
    const lines = (await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]RMU_BACKUP_DATA.LOG')).lines;
    expect(lines.filter((l) => l.startsWith('$ BACKUP'))).toEqual([
      '$ BACKUP/LOG/IGNORE=INTERLOCK LEASE_FILES:*.*;* DISK$BACKUP_01:[LEASE_BACKUP]LEASE_FILES_BACKUP.BCK/SAVE_SET',
    ]);
    expect(lines.some((l) => l.startsWith('%BACKUP-S-COPIED, copied RDB1$DISK00:[LEASE_FILES]'))).toBe(true);
    expect(lines.some((l) => l.includes('[LEASE_AMORT_FILES]'))).toBe(false);
  });
});
