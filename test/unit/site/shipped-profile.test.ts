import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../shared/site/schema';
import { validateSiteProfile } from '../../../shared/site/validate';
import { loadSiteProfile } from '../../../src-main/site/load-site-profile';
import { defaultSiteFile } from '../../../src-main/app/paths';

function shipped(): SiteProfile {
  const result = loadSiteProfile(defaultSiteFile);
  if (!result.ok) throw new Error(`shipped profile is invalid:\n${result.problems.join('\n')}`);
  return result.profile;
}

function job(profile: SiteProfile, name: string) {
  const found = profile.jobs.find((j) => j.name === name);
  if (!found) throw new Error(`no job ${name}`);
  return found;
}

describe('the shipped profile (assets/sites/microfinancial.yaml)', () => {
  it('is valid', () => {
    const result = loadSiteProfile(defaultSiteFile);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.file).toBe(defaultSiteFile);
  });

  it('gives the same result through validateSiteProfile', () => {
    expect(validateSiteProfile(shipped()).ok).toBe(true);
  });

  it('has the six servers: BLT1, BLT2, BLT6 VAX; BLT3, BLT4, BLT5 Alpha; all OpenVMS 7.2-1 on loopback', () => {
    const { hosts } = shipped();
    expect(hosts.map((h) => [h.name, h.arch])).toEqual([
      ['BLT1', 'VAX'],
      ['BLT2', 'VAX'],
      ['BLT3', 'Alpha'],
      ['BLT4', 'Alpha'],
      ['BLT5', 'Alpha'],
      ['BLT6', 'VAX'],
    ]);
    expect(new Set(hosts.map((h) => h.os))).toEqual(new Set(['OpenVMS 7.2-1']));
    expect(hosts.map((h) => h.port)).toEqual([2201, 2202, 2203, 2204, 2205, 2206]);
    expect(hosts.every((h) => h.address === '127.0.0.1' && h.user === 'SYSTEM')).toBe(true);
  });

  it('puts the TZ887 drive (7 slots, DLT IV, 80 GB compressed) and both queues on BLT4', () => {
    const { drive, queues } = shipped();
    expect(drive).toMatchObject({ model: 'TZ887', host: 'BLT4', slots: 7, media: 'DLT IV', capacityGB: 80, compressed: true });
    expect(queues.map((q) => [q.name, q.host, q.kind])).toEqual([
      ['TIME_BLT4', 'BLT4', 'disk-to-disk'],
      ['TAPE_BACKUP', 'BLT4', 'tape'],
    ]);
  });

  it('has the plan directories, batch user, BACK symbol and LEASE_FILES logical names', () => {
    const profile = shipped();
    expect(profile.batchUser).toBe('LEASE_BATCH');
    expect(profile.directories).toEqual({
      procedures: { path: 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]', alias: 'USER_ROOT:[LEASE_BACKUP.COM]', symbol: 'BACK' },
      backupArea: expect.objectContaining({ path: 'DISK$BACKUP_01:[LEASE_BACKUP]', sizeGB: 337 }),
      logs: 'DISK$MENTAT:[USER_DIR.LEASECOMM]',
    });
    expect(profile.logicalNames).toEqual([
      { name: 'LEASE_FILES', value: 'RDB1$DISK00:[LEASE_FILES]', table: 'LNM$SYSTEM_TABLE', concealed: false },
      { name: 'RDB1$DISK00', value: 'DISK$PROD_09:', table: 'LNM$SYSTEM_TABLE', concealed: true },
      { name: 'DISK$PROD_09', value: '$1$DGA15:', table: 'LNM$SYSTEM_TABLE', concealed: false },
      { name: 'LEASE_AMORT_FILES', value: 'RDB1$DISK00:[LEASE_AMORT_FILES]', table: 'LNM$SYSTEM_TABLE', concealed: false },
    ]);
  });

  it('names every database of the plan with its short name', () => {
    const { databases } = shipped();
    expect(databases.map((d) => d.name)).toEqual([
      'LEASE_DATA',
      'LEASE_TAX_DATA',
      'LEASE_AMORT_DATA',
      'LEASE_PHONE_DATA',
      'LEASE_ACH_DATA',
      'CDD$COMPATABILITY',
      'LEASE_RDB_DIC',
      'LEASE_APPL_DATA',
      'LEASE_REPORT_DATA',
      'LEASE_DOCUMENT_DATA',
      'LEASE_ARCHIVE_DATA',
      'LEASE_REPLICATION_DATA',
      'LEASE_LETTER_DATA',
      'SCROLL_DATA',
      'APPL_LETTER_DATA',
    ]);
    const short = Object.fromEntries(databases.map((d) => [d.name, d.short]));
    expect(short).toMatchObject({ LEASE_DATA: 'LEASE', LEASE_TAX_DATA: 'TAX', LEASE_AMORT_DATA: 'AMORT', SCROLL_DATA: 'SCROLL' });
  });

  it('has every job of the plan', () => {
    expect(shipped().jobs.map((j) => j.name)).toEqual([
      'INVOICE_STATEMENT_GENERATE',
      'RMU_BACKUP_DATA',
      'RMU_BACKUP_DOCUMENT',
      'PROD_AND_DEVEL_BACKUP',
      'BLT_CLEANUP',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'DAILY_BACKUP',
      'INITIALIZE_TAPES',
      'RMU_BACKUP_LEASE_DATA',
      'RMU_BACKUP_TAX_DATA',
    ]);
  });

  it('chains the Bill Run jobs as the plan does, RMU_BACKUP_DOCUMENT submitted at 12:00', () => {
    const profile = shipped();
    expect(job(profile, 'INVOICE_STATEMENT_GENERATE')).toMatchObject({
      type: 'billing',
      when: 'billrun',
      submittedBy: { kind: 'scheduler', by: 'Bill Run' },
      submits: [{ job: 'RMU_BACKUP_DATA' }],
    });
    const data = job(profile, 'RMU_BACKUP_DATA');
    expect(data).toMatchObject({ type: 'disk-to-disk', queue: 'TIME_BLT4', host: 'BLT4' });
    expect(data.submits).toEqual([{ job: 'PROD_AND_DEVEL_BACKUP' }, { job: 'RMU_BACKUP_DOCUMENT', at: '12:00' }]);
    expect(data.databases).toHaveLength(9);
    expect(job(profile, 'RMU_BACKUP_DOCUMENT')).toMatchObject({
      submittedBy: { kind: 'job', job: 'RMU_BACKUP_DATA' },
      databases: ['LEASE_DOCUMENT_DATA', 'LEASE_ARCHIVE_DATA', 'LEASE_REPLICATION_DATA', 'LEASE_LETTER_DATA'],
      submits: [{ job: 'CONSOLIDATED_BACKUP_TO_TAPE' }],
    });
    expect(job(profile, 'PROD_AND_DEVEL_BACKUP')).toMatchObject({
      type: 'disk-to-tape',
      queue: 'TAPE_BACKUP',
      devices: ['MENTAT', 'BLT4_SYSTEM', 'BLT6_SYSTEM', 'PCWORK', 'PCCOMMON', 'PROD_07', 'PROD_09'],
      submits: [{ job: 'BLT_CLEANUP' }],
    });
    expect(job(profile, 'PROD_AND_DEVEL_BACKUP').deviceNotes?.PROD_09).toMatch(/Only certain areas on PROD_09/);
  });

  it('lists the 15 savesets of CONSOLIDATED_BACKUP_TO_TAPE in the plan order, and the AIJ purge', () => {
    const consolidated = job(shipped(), 'CONSOLIDATED_BACKUP_TO_TAPE');
    expect(consolidated.savesets.map((s) => s.name)).toEqual([
      'REPORT_DATA.BAK',
      'APPL_DATA.BAK',
      'LEASE_DATA.BAK',
      'TAX_DATA.BAK',
      'SCROLL_DATA.BAK',
      'AMORT_DATA.BAK',
      'LEASE_FILES.BAK',
      'AIJ.BAK',
      'LEASE_RDB_DIC.BAK',
      'CDD.BAK',
      'PHONE_DATA.BAK',
      'DOCUMENT_DATA.BAK',
      'ARCHIVE_DATA.BAK',
      'LETTER_DATA.BAK',
      'APLET_DATA.BAK',
    ]);
    expect(consolidated.savesets[7]?.contents).toBe('all AIJ backups for the LEASE, DOCUMENT, AMORT, and ARCHIVE databases');
    expect(consolidated.tasks.at(-1)).toMatch(/purges AIJ files older than the date of the latest RBF file/);
  });

  it('runs DAILY_BACKUP at 06:05 from BATCHMAN on non-Bill Run days, to disk and tape', () => {
    const profile = shipped();
    expect(job(profile, 'DAILY_BACKUP')).toMatchObject({
      type: 'disk-to-disk-and-tape',
      when: 'daily',
      at: '06:05',
      queue: 'TAPE_BACKUP',
      submittedBy: { kind: 'scheduler', by: 'BATCHMAN' },
      devices: ['MENTAT', 'PCWORK', 'PCCOMMON', 'PROD_07'],
    });
    expect(job(profile, 'DAILY_BACKUP').savesets.map((s) => s.name)).toEqual(['LEASE_FILES_BACKUP.INC', 'AIJ.BAK', 'INC.BAK']);
    expect(profile.calendar.dailyBackup).toEqual({ job: 'DAILY_BACKUP', at: '06:05' });
  });

  it('has the tapes in the Bill Run order P D E F G, two initialised by the jobs, and DAILY 1..5', () => {
    const { tapes } = shipped();
    expect(tapes.media).toBe('DLT IV');
    expect(tapes.billRun.tapes.map((t) => t.letter).join(' ')).toBe('P D E F G');
    expect(tapes.billRun.tapes.map((t) => t.job)).toEqual(['PROD_AND_DEVEL_BACKUP', ...Array(4).fill('CONSOLIDATED_BACKUP_TO_TAPE')]);
    expect(tapes.billRun.tapes[1]?.title).toBe('Consolidated_Backup_to_Tape #1');
    expect(tapes.billRun.initializedByJobs).toBe(2);
    expect(tapes.daily).toMatchObject({ job: 'DAILY_BACKUP', labels: ['DAILY 1', 'DAILY 2', 'DAILY 3', 'DAILY 4', 'DAILY 5'] });
  });

  it('initialises the tapes with the plan command, an operator job in the tape queue', () => {
    const profile = shipped();
    expect(profile.initializeTapes.command).toBe('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    expect(job(profile, 'INITIALIZE_TAPES')).toMatchObject({
      type: 'tape-preparation',
      queue: 'TAPE_BACKUP',
      parameters: ['3'],
      procedure: 'SYS$LOGIN:INITIALIZE_TAPES.COM',
      submittedBy: { kind: 'operator' },
    });
  });

  it('has the adhoc procedures the plan names, following its naming convention', () => {
    const profile = shipped();
    for (const [name, database] of [
      ['RMU_BACKUP_LEASE_DATA', 'LEASE_DATA'],
      ['RMU_BACKUP_TAX_DATA', 'LEASE_TAX_DATA'],
    ] as const) {
      expect(job(profile, name)).toMatchObject({ when: 'adhoc', submittedBy: { kind: 'operator' }, databases: [database] });
    }
    expect(profile.adhocBackups?.jobPattern).toBe('RMU_BACKUP_{short}_DATA');
  });

  it('has the calendar, courier, retention, restore tests and report of the plan', () => {
    const profile = shipped();
    expect(profile.calendar).toMatchObject({
      billRunDays: [9, 14, 19, 24, 29],
      firstBillRun: { afterMonthOf31Days: 3, afterMonthOf30Days: 4, afterFebruary: 4 },
      missingDay: 'last-day-of-month',
    });
    expect(profile.courier).toEqual({
      company: 'Iron Mountain',
      pickupWeekday: 'tuesday',
      pickupTime: 'Tuesday afternoon',
      handOff: 'deliver all Bill Run tapes to the receptionist on Tuesday morning',
    });
    expect(profile.retention).toMatchObject({ firstBillRunOfMonth: 'no-return-date', yearEnd: 'no-return-date', otherBillRunsMonths: 6 });
    expect(profile.restoreTests).toMatchObject({ target: 'BLT3', every: 'week', what: 'production databases' });
    expect(profile.report).toMatchObject({
      path: 'L:\\2010-IT-Doc-Repository\\Daily-backup-reports\\VMS-daily-backup-report.xlsx',
      startDate: '2010-08-01',
    });
  });

  it('has the two known errors of Troubleshooting and the severity guidance', () => {
    const profile = shipped();
    expect(profile.knownErrors.map((e) => [e.title, e.messages])).toEqual([
      ['File Was Open', ['%BACKUP-W-ACCONFLICT']],
      ['Error Writing to Disk', ['%RMU-F-WRITEERR', '%RMS-F-FUL', '%RMU-F-FATALERR', '%RMU-F-FTL_BCK']],
    ]);
    expect(profile.knownErrors[1]?.cause).toMatch(/ran out of space/);
    expect(profile.logReview?.scanFirst).toEqual(['E', 'F']);
    expect(profile.logReview?.severities.filter((s) => s.action === 'investigate').map((s) => s.code)).toEqual(['E', 'F']);
  });

  it('has the operator procedures of the plan, five tapes for a Bill Run', () => {
    const procedures = shipped().operatorProcedures ?? [];
    expect(procedures.map((p) => [p.id, p.when])).toEqual([
      ['bill-run', 'billrun'],
      ['daily', 'daily'],
      ['adhoc', 'adhoc'],
      ['courier', 'courier'],
      ['test-restore', 'restore'],
    ]);
    // the plan's 12 steps and the console's checks that INITIALIZE_TAPES and the Bill Run reached their queues
    expect(procedures[0]?.steps).toHaveLength(14);
    expect(procedures[0]?.steps[0]?.text).toMatch(/obtain five DLT IV tape cartridges/);
    expect(procedures[0]?.steps[10]?.command).toEqual({ job: 'INITIALIZE_TAPES', parameters: ['3'] });
    expect(procedures[0]?.steps[12]?.sense).toEqual({ kind: 'queue-entry', queue: 'TIME_BLT4', job: 'INVOICE_STATEMENT_GENERATE' });
    expect(procedures[0]?.steps[13]?.onlyOn).toEqual(['tuesday']);
    // the plan's 8 steps and the console's check that the DAILY_BACKUP for 06:05 is queued
    expect(procedures[1]?.steps).toHaveLength(9);
  });
});
