/** Faults on demand: each one shows in the job logs and queue as on OpenVMS. */
import { describe, expect, it } from 'vitest';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { retainFinishedJobs, run, shippedProfile, siteAt } from './site-fixture';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';

describe('faults', () => {
  // The procedures run under SET NOON: the failed RMU/BACKUPs are in the log, the job goes on and
  // exits with its last command's status (a SUBMIT: success), so the queue keeps it as completed
  // (this test expected "Retained on error" when a failed step ended the job; see
  // backup-area-full.test.ts for the whole Bill Run day)
  it('backup area full: RMU/BACKUP ends in WRITEERR and FUL, the job goes on and completes', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    retainFinishedJobs(site, ['TIME_BLT4'], 'ALL');
    site.faults.backupAreaFull();
    clock.advanceHours(4);
    const log = await run(site, `TYPE ${LOGS}RMU_BACKUP_DATA.LOG`);
    expect(log.lines.some((l) => /^%RMU-F-WRITEERR, error writing DISK\$BACKUP_01:\[LEASE_BACKUP\]\w+\.RBF;$/.test(l))).toBe(true);
    expect(log.lines).toContain('-RMS-F-FUL, device full (insufficient space for allocation)');
    expect(log.lines).toContain('%RMU-F-FATALERR, fatal error on BACKUP');
    const queue = await run(site, 'SHOW QUEUE/ALL TIME_BLT4');
    expect(queue.output).toMatch(/RMU_BACKUP_DATA LEASE_BATCH +\d*  Retained on completion/);
    expect(queue.output).not.toMatch(/%RMU-F-FTL_BCK/);
    // the plan's remedy: delete the temporary files
    expect((await run(site, 'DELETE/LOG DISK$BACKUP_01:[LEASE_BACKUP]*.TMP;*')).lines[0]).toMatch(/^%DELETE-I-FILDEL/);
  });

  it('file open: BACKUP reports ACCONFLICT for it', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    const file = site.faults.fileOpen();
    expect(file).toBe('DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;3480');
    clock.advanceHours(5);
    const log = await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`);
    expect(log.lines).toContain(`%BACKUP-W-ACCONFLICT, ${file} is open for write by another user`);
  });

  it('medium offline and tape write errors show in the tape job log', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    site.faults.mediumOffline();
    clock.advanceHours(3);
    expect((await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`)).lines).toContain('%INIT-F-MEDOFL, medium is offline');
    site.faults.mediumOffline(false);
    site.faults.tapeWriteError();
    const { site: second, clock: clock2 } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    loadBillRunMagazine(second.drive('BLT4')!, shippedProfile(), '2010-08-03');
    second.faults.tapeWriteError();
    clock2.advanceHours(3);
    const log = await run(second, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`);
    expect(log.lines).toContain('-SYSTEM-F-PARITY, parity error');
  });

  it('a tape not initialised stops the consolidated backup when it reaches it', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    retainFinishedJobs(site, ['TAPE_BACKUP'], 'ERROR');
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    // INITIALIZE_TAPES is not run: the 3rd tape keeps its label of six months ago
    site.faults.tapeNotInitialized(3);
    clock.advanceHours(20);
    const log = await run(site, `TYPE ${LOGS}CONSOLIDATED_BACKUP_TO_TAPE.LOG`);
    expect(log.lines.some((l) => l.startsWith('%BACKUP-W-EXLABEER, volume label processing failed'))).toBe(true);
    expect((await run(site, 'SHOW QUEUE/ALL TAPE_BACKUP')).output).toMatch(/Retained on error/);
  });

  it('a stopped queue keeps its jobs pending', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    site.faults.queueStopped('TAPE_BACKUP');
    await run(site, 'SUBMIT/QUEUE=TAPE_BACKUP/USER=LEASE_BATCH DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM');
    const queue = await run(site, 'SHOW QUEUE/ALL TAPE_BACKUP');
    expect(queue.lines[0]).toBe('Batch queue TAPE_BACKUP, stopped, on BLT4::');
    // the Blocks column is SHOW ENTRY's, not SHOW QUEUE's (the queue layouts of issue 11)
    expect(queue.output).toMatch(/DAILY_BACKUP    LEASE_BATCH +(\d+  )?Pending/);
  });

  it('a dropped link closes the sessions', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const session = site.openSession('BLT4');
    let closed = false;
    session.onClose(() => {
      closed = true;
    });
    site.faults.dropLink('BLT4');
    expect(closed).toBe(true);
  });
});
