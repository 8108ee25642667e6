/**
 * What the simulator's BACKUP writes into a batch log, against the fixtures written from the
 * manuals: a save set that spans tapes (the volume request sequence), /IMAGE/LOG listing every file
 * of the disk, /SINCE=BACKUP listing only the files changed since their backup date, and tape file
 * specifications with their [000000] directory.
 */
import { describe, expect, it } from 'vitest';
import { backupSelection } from '../../../src-main/simulator/batch/backup-listing';
import { recordBackup } from '../../../src-main/simulator/batch/backup-record';
import { tapeFileSpec } from '../../../src-main/simulator/batch/tape-steps';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { fixture } from '../vms/parsers/fixtures';
import { retainFinishedJobs, run, shippedProfile, siteAt } from './site-fixture';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';

/** A line with its variable parts (labels, save sets, files, numbers) made general. */
function shape(line: string): string {
  return line
    .replace(/DISK\$[A-Z0-9_]+:\[[^\]]+\][A-Z0-9_$.-]+;\d*/g, '<file>')
    .replace(/\b[A-Z0-9_]+\.(BAK|BCK)\b/g, '<saveset>')
    .replace(/volume \S+ in device/, 'volume <label> in device')
    .replace(/MOUNTED, \S+ mounted/, 'MOUNTED, <label> mounted')
    .replace(/\d+/g, '<n>');
}

/** The Bill Run day of 3 August 2010 run through to the next morning. */
async function billRunDay(fault?: (site: ReturnType<typeof siteAt>['site']) => void) {
  const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
  retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
  const drive = site.drive('BLT4');
  if (drive === undefined) throw new Error('no drive');
  loadBillRunMagazine(drive, shippedProfile(), '2010-08-03', { dailyLabel: 'DAILY 1' });
  fault?.(site);
  await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
  clock.advanceHours(29.5);
  return { site, clock };
}

describe('BACKUP in a batch log', () => {
  it('writes the volume request sequence of backup-spans-volumes.txt when a save set spans tapes', async () => {
    const { site } = await billRunDay();
    const log = (await run(site, `TYPE ${LOGS}CONSOLIDATED_BACKUP_TO_TAPE.LOG`)).lines;
    // the same lines as this fixture and as the log parser's own (backup-requests.txt)
    const sequences = ['backup-spans-volumes.txt', 'backup-requests.txt'].map((name) => {
      const expected = fixture('batch-log', name).split('\n');
      const from = expected.findIndex((l) => l.startsWith('%BACKUP-I-RESUME'));
      return expected.slice(from, from + 6).map(shape);
    });
    expect(sequences[1]).toEqual(sequences[0]);
    const starts = log.flatMap((l, i) => (l.startsWith('%BACKUP-I-RESUME') ? [i] : []));
    expect(starts.length).toBe(3);
    for (const at of starts) expect(log.slice(at, at + 6).map(shape)).toEqual(sequences[0]);
    // the label asked for is the tape the loader loads next, and the one MOUNT then reports
    const asked = log.filter((l) => l.startsWith('%MOUNT-I-OPRQST')).map((l) => /volume (\S+) in/.exec(l)?.[1]);
    const mounted = log
      .filter((l) => l.startsWith('%MOUNT-I-MOUNTED'))
      .slice(1)
      .map((l) => /MOUNTED, (\S+) mounted/.exec(l)?.[1]);
    expect(asked).toEqual(['00803E', '00803F', '00803G']);
    expect(mounted).toEqual(asked);
  });

  it('lists every file of the disk under /IMAGE/LOG, from [000000]000000.DIR;1, in the lines of backup-image-log.txt', async () => {
    const { site } = await billRunDay();
    const log = (await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`)).lines;
    const at = log.findIndex((l) => /^\$ BACKUP\/LOG\/IGNORE=INTERLOCK\/IMAGE\/RECORD DISK\$MENTAT: /.test(l));
    expect(at).toBeGreaterThan(0);
    const next = log.findIndex((l, i) => i > at && l.startsWith('$ '));
    const block = log.slice(at + 1, next);
    const copied = block.filter((l) => l.startsWith('%BACKUP-S-COPIED')).map((l) => l.replace('%BACKUP-S-COPIED, copied ', ''));
    expect(copied[0]).toBe('DISK$MENTAT:[000000]000000.DIR;1');
    const disk = site.inspect('BLT4').host.diskByLabel('MENTAT');
    if (disk === undefined) throw new Error('no MENTAT');
    // every procedure of the site (files no job changes) is in the listing, each file once, and
    // every directory's .DIR file
    const procedures = disk.directory('USER_DIR.LEASE_BACKUP.COM')?.files ?? [];
    expect(procedures.length).toBeGreaterThan(0);
    for (const file of procedures) expect(copied).toContain(`DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]${file.name}.${file.type};${file.version}`);
    expect(new Set(copied).size).toBe(copied.length);
    expect(copied.filter((c) => c.endsWith('.DIR;1')).length).toBe(disk.directories.size);
    // the lines have the fixture's shapes
    const shapes = new Set(fixture('batch-log', 'backup-image-log.txt').split('\n').map(shape));
    for (const line of block) expect(shapes).toContain(shape(line));
  });

  it('lists under /SINCE=BACKUP only the files changed (or created) since their /RECORD backup date', () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const host = site.inspect('BLT4').host;
    const full = backupSelection(host, 'BACKUP/LOG/IMAGE/RECORD DISK$MENTAT: $2$MKA500:MENTAT.BCK/SAVE_SET');
    if (full === null) throw new Error('no selection');
    const saved = full.files.flatMap((f) => (f.file === null ? [] : [f.file]));
    recordBackup(full.disk, saved, new Date(2010, 7, 3, 8, 0));
    const changed = saved[3];
    if (changed === undefined) throw new Error('too few files');
    changed.modified = new Date(2010, 7, 3, 12, 0);
    const created = full.disk.directory('USER_DIR.LEASECOMM')?.add({
      name: 'NOTES',
      type: 'TXT',
      blocks: 3,
      created: new Date(2010, 7, 3, 13, 0),
      modified: new Date(2010, 7, 3, 13, 0),
      owner: '[LEASE_BATCH]',
      records: ['x'],
      openForWrite: false,
    });
    if (created === undefined) throw new Error('no directory');
    const since = backupSelection(host, 'BACKUP/LOG/SINCE=BACKUP/RECORD DISK$MENTAT: $2$MKA500:MENTAT.BCK/SAVE_SET');
    expect(since?.files.map((f) => f.file)).toEqual(expect.arrayContaining([changed, created]));
    expect(since?.files.length).toBe(2);
  });

  it('names a file on tape with [000000] and version 1, as in a WRITEERR after a tape write error', async () => {
    expect(tapeFileSpec('$2$MKA500:', 'APPL_DATA.BAK')).toBe('$2$MKA500:[000000]APPL_DATA.BAK;1');
    const { site } = await billRunDay((s) => s.faults.tapeWriteError());
    const logs = await Promise.all(['PROD_AND_DEVEL_BACKUP', 'CONSOLIDATED_BACKUP_TO_TAPE'].map((name) => run(site, `TYPE ${LOGS}${name}.LOG`)));
    const errors = logs.flatMap((l) => l.lines).filter((l) => l.startsWith('%BACKUP-F-WRITEERR'));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/^%BACKUP-F-WRITEERR, error writing \$2\$MKA500:\[000000\][A-Z0-9_]+\.(BCK|BAK);1$/);
  });
});
