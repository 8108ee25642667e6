/** Problems between parts of the profile: each kind once, then several at once. */
import { describe, expect, it } from 'vitest';
import { validateSiteProfile } from '../../../shared/site/validate';
import { changed, jobIndex, planData, setAt, type ProfileData } from './plan-data';

function problemsOf(data: unknown): string[] {
  const result = validateSiteProfile(data);
  return result.ok ? [] : result.problems;
}

const plan = planData();
const CONSOLIDATED = jobIndex(plan, 'CONSOLIDATED_BACKUP_TO_TAPE');
const DAILY = jobIndex(plan, 'DAILY_BACKUP');
const RMU_DATA = jobIndex(plan, 'RMU_BACKUP_DATA');
const RMU_DOCUMENT = jobIndex(plan, 'RMU_BACKUP_DOCUMENT');
const PROD_AND_DEVEL = jobIndex(plan, 'PROD_AND_DEVEL_BACKUP');
const INITIALIZE = jobIndex(plan, 'INITIALIZE_TAPES');
const TAX = jobIndex(plan, 'RMU_BACKUP_TAX_DATA');

describe('validateSiteProfile: references', () => {
  it('reports an unknown queue, by the job index', () => {
    expect(problemsOf(changed(['jobs', CONSOLIDATED, 'queue'], 'TAPE_BACKUPP'))).toEqual([`jobs[${CONSOLIDATED}].queue: unknown queue "TAPE_BACKUPP"`]);
  });

  it('reports an unknown host of a job, of a queue, of the drive, of the restore tests', () => {
    expect(problemsOf(changed(['jobs', RMU_DATA, 'host'], 'BLT9'))).toEqual([`jobs[${RMU_DATA}].host: unknown host "BLT9"`]);
    expect(problemsOf(changed(['queues', 0, 'host'], 'BLT9'))).toEqual(['queues[0].host: unknown host "BLT9"']);
    expect(problemsOf(changed(['drive', 'host'], 'BLT0'))).toEqual(['drive.host: unknown host "BLT0"']);
    expect(problemsOf(changed(['restoreTests', 'target'], 'BLT33'))).toEqual(['restoreTests.target: unknown host "BLT33"']);
  });

  it('reports a job whose queue is on another host', () => {
    expect(problemsOf(changed(['jobs', RMU_DATA, 'host'], 'BLT3'))).toEqual([`jobs[${RMU_DATA}].queue: queue TIME_BLT4 is on host BLT4, not on BLT3`]);
  });

  it('reports an unknown submitted job', () => {
    expect(problemsOf(changed(['jobs', RMU_DOCUMENT, 'submits', 0, 'job'], 'CONSOLIDATED_BACKUP'))).toEqual([
      `jobs[${RMU_DOCUMENT}].submits[0].job: unknown job "CONSOLIDATED_BACKUP"`,
      `jobs[${CONSOLIDATED}].submittedBy.job: RMU_BACKUP_DOCUMENT does not submit CONSOLIDATED_BACKUP_TO_TAPE (jobs[${RMU_DOCUMENT}].submits does not name it)`,
    ]);
  });

  it('reports an unknown submitting job', () => {
    expect(problemsOf(changed(['jobs', CONSOLIDATED, 'submittedBy', 'job'], 'RMU_BACKUP_DOCUMENTS'))).toEqual([
      `jobs[${RMU_DOCUMENT}].submits[0].job: CONSOLIDATED_BACKUP_TO_TAPE is not submitted by RMU_BACKUP_DOCUMENT (jobs[${CONSOLIDATED}].submittedBy says job RMU_BACKUP_DOCUMENTS)`,
      `jobs[${CONSOLIDATED}].submittedBy.job: unknown job "RMU_BACKUP_DOCUMENTS"`,
    ]);
  });

  it('reports a submission the submitted job does not agree with', () => {
    expect(problemsOf(changed(['jobs', CONSOLIDATED, 'submittedBy'], { kind: 'operator' }))).toEqual([
      `jobs[${RMU_DOCUMENT}].submits[0].job: CONSOLIDATED_BACKUP_TO_TAPE is not submitted by RMU_BACKUP_DOCUMENT (jobs[${CONSOLIDATED}].submittedBy says the operator)`,
    ]);
  });

  it('reports a submit time that differs from the start time of the job', () => {
    expect(problemsOf(changed(['jobs', RMU_DATA, 'submits', 1, 'at'], '13:00'))).toEqual([
      `jobs[${RMU_DATA}].submits[1].at: "13:00" differs from the start time of RMU_BACKUP_DOCUMENT ("12:00", jobs[${RMU_DOCUMENT}].at)`,
    ]);
  });

  it('reports jobs that submit each other in a loop', () => {
    const data = planData();
    const INVOICE = jobIndex(data, 'INVOICE_STATEMENT_GENERATE');
    setAt(data, ['jobs', INVOICE, 'submittedBy'], { kind: 'job', job: 'RMU_BACKUP_DATA' });
    data.jobs[RMU_DATA]!.submits!.push({ job: 'INVOICE_STATEMENT_GENERATE' });
    expect(problemsOf(data)).toEqual([
      `jobs[${INVOICE}].submittedBy.job: jobs submit each other in a loop: INVOICE_STATEMENT_GENERATE → RMU_BACKUP_DATA → INVOICE_STATEMENT_GENERATE`,
    ]);
  });

  it('reports an unknown database of a job and of a saveset', () => {
    expect(problemsOf(changed(['jobs', RMU_DATA, 'databases', 1], 'LEASE_TAXES_DATA'))).toEqual([`jobs[${RMU_DATA}].databases[1]: unknown database "LEASE_TAXES_DATA"`]);
    expect(problemsOf(changed(['jobs', CONSOLIDATED, 'savesets', 9, 'databases', 0], 'CDD$COMPATIBILITY'))).toEqual([
      `jobs[${CONSOLIDATED}].savesets[9].databases[0]: unknown database "CDD$COMPATIBILITY"`,
    ]);
  });

  it('reports duplicate names of hosts, queues, jobs, databases and savesets', () => {
    expect(problemsOf(changed(['hosts', 5, 'name'], 'BLT1'))).toEqual(['hosts[5].name: duplicate host name "BLT1" (also hosts[0])']);
    expect(problemsOf(changed(['queues', 1, 'name'], 'TIME_BLT4'))).toEqual(
      expect.arrayContaining(['queues[1].name: duplicate queue name "TIME_BLT4" (also queues[0])']),
    );
    const data = planData();
    data.jobs.push(structuredClone(data.jobs[TAX]!));
    expect(problemsOf(data)).toEqual([`jobs[${data.jobs.length - 1}].name: duplicate job name "RMU_BACKUP_TAX_DATA" (also jobs[${TAX}])`]);
    expect(problemsOf(changed(['databases', 14, 'short'], 'SCROLL'))).toEqual(['databases[14].short: duplicate short name "SCROLL" (also databases[13])']);
    expect(problemsOf(changed(['jobs', CONSOLIDATED, 'savesets', 14, 'name'], 'CDD.BAK'))).toEqual([
      `jobs[${CONSOLIDATED}].savesets[14].name: duplicate saveset "CDD.BAK" (also jobs[${CONSOLIDATED}].savesets[9])`,
    ]);
    expect(problemsOf(changed(['hosts', 1, 'port'], 2201))).toEqual(['hosts[1].port: address and port 127.0.0.1:2201 used twice (also hosts[0])']);
  });

  it('reports a procedure file that does not match the job name', () => {
    expect(problemsOf(changed(['jobs', INITIALIZE, 'procedure'], 'SYS$LOGIN:INITIALISE_TAPES.COM'))).toEqual([
      `jobs[${INITIALIZE}].procedure: file name INITIALISE_TAPES.COM does not match the job name INITIALIZE_TAPES`,
      'initializeTapes.command: does not name SYS$LOGIN:INITIALISE_TAPES.COM, the procedure of job INITIALIZE_TAPES',
    ]);
  });

  it('reports an adhoc backup not named by the convention', () => {
    expect(problemsOf(changed(['jobs', TAX, 'databases'], ['LEASE_AMORT_DATA']))).toEqual([
      `jobs[${TAX}].name: the adhoc backup of LEASE_AMORT_DATA should be named RMU_BACKUP_AMORT_DATA (adhocBackups.jobPattern)`,
    ]);
  });

  it('reports a device note about a device the job does not save', () => {
    expect(problemsOf(changed(['jobs', PROD_AND_DEVEL, 'deviceNotes'], { PROD_9: 'only some areas' }))).toEqual([
      `jobs[${PROD_AND_DEVEL}].deviceNotes.PROD_9: PROD_9 is not one of the job's devices`,
    ]);
  });

  it('reports duplicate Bill Run tape letters and tapes of unknown or unfit jobs', () => {
    expect(problemsOf(changed(['tapes', 'billRun', 'tapes', 2, 'letter'], 'D'))).toEqual([
      'tapes.billRun.tapes[2].letter: duplicate tape letter "D" (also tapes.billRun.tapes[1])',
    ]);
    expect(problemsOf(changed(['tapes', 'billRun', 'tapes', 0, 'job'], 'PROD_AND_DEVEL'))).toEqual([
      'tapes.billRun.tapes[0].job: unknown job "PROD_AND_DEVEL"',
      `jobs[${PROD_AND_DEVEL}].name: PROD_AND_DEVEL_BACKUP writes to tape on Bill Run days but no Bill Run tape names it (tapes.billRun.tapes)`,
    ]);
    expect(problemsOf(changed(['tapes', 'billRun', 'tapes', 0, 'job'], 'RMU_BACKUP_DATA'))).toEqual([
      'tapes.billRun.tapes[0].job: RMU_BACKUP_DATA does not write to tape (type: disk-to-disk)',
      `jobs[${PROD_AND_DEVEL}].name: PROD_AND_DEVEL_BACKUP writes to tape on Bill Run days but no Bill Run tape names it (tapes.billRun.tapes)`,
    ]);
    expect(problemsOf(changed(['tapes', 'billRun', 'initializedByJobs'], 6))).toEqual(['tapes.billRun.initializedByJobs: 6 is more than the 5 Bill Run tapes']);
  });

  it('reports an unknown daily job, and duplicate daily labels', () => {
    expect(problemsOf(changed(['tapes', 'daily', 'job'], 'DAILY'))).toEqual([
      'tapes.daily.job: unknown job "DAILY"',
      'calendar.dailyBackup.job: DAILY_BACKUP is not the job of the daily tapes (tapes.daily.job: DAILY)',
    ]);
    expect(problemsOf(changed(['tapes', 'daily', 'labels', 4], 'DAILY 1'))).toEqual(['tapes.daily.labels[4]: duplicate label "DAILY 1" (also tapes.daily.labels[0])']);
  });

  it('reports a calendar daily job that does not exist or starts at another time', () => {
    expect(problemsOf(changed(['calendar', 'dailyBackup', 'job'], 'DAILY_BACKUPS'))).toEqual(['calendar.dailyBackup.job: unknown job "DAILY_BACKUPS"']);
    expect(problemsOf(changed(['calendar', 'dailyBackup', 'at'], '06:50'))).toEqual([
      `calendar.dailyBackup.at: "06:50" differs from the start time of DAILY_BACKUP ("06:05", jobs[${DAILY}].at)`,
    ]);
  });

  it('reports Bill Run days out of order and a first Bill Run that is not first', () => {
    expect(problemsOf(changed(['calendar', 'billRunDays'], [9, 14, 14, 29, 24]))).toEqual([
      'calendar.billRunDays[2]: day 14 is listed twice',
      'calendar.billRunDays[4]: days must be in ascending order: 24 comes after 29',
    ]);
    expect(problemsOf(changed(['calendar', 'firstBillRun', 'afterMonthOf30Days'], 10))).toEqual([
      'calendar.firstBillRun.afterMonthOf30Days: day 10 is not before the first of calendar.billRunDays (9)',
    ]);
  });

  it('reports an unknown initializeTapes job and a command that disagrees with its job', () => {
    expect(problemsOf(changed(['initializeTapes', 'job'], 'INIT_TAPES'))).toEqual(['initializeTapes.job: unknown job "INIT_TAPES"']);
    expect(problemsOf(changed(['initializeTapes', 'command'], 'SUBMIT/PARAMETER=4/QUEUE=TIME_BLT4 SYS$LOGIN:INITIALIZE_TAPES.COM'))).toEqual([
      'initializeTapes.command: does not submit to TAPE_BACKUP, the queue of job INITIALIZE_TAPES',
      'initializeTapes.command: passes parameters (4), job INITIALIZE_TAPES has (3)',
    ]);
  });

  it('reports a magazine too small for the Bill Run tapes and a daily tape', () => {
    expect(problemsOf(changed(['drive', 'slots'], 5))).toEqual(['drive.slots: 5 Bill Run tapes and a daily tape need 6 slots, the drive has 5']);
  });

  it('reports tape media the drive does not take', () => {
    expect(problemsOf(changed(['drive', 'media'], 'DLT III'))).toEqual(['drive.media: "DLT III" differs from tapes.media "DLT IV"']);
  });

  it('reports a tape job on a host without the drive', () => {
    const data = planData();
    setAt(data, ['queues'], [...data.queues, { name: 'TAPE_BLT3', host: 'BLT3', kind: 'tape', description: 'x' }]);
    setAt(data, ['jobs', DAILY, 'host'], 'BLT3');
    setAt(data, ['jobs', DAILY, 'queue'], 'TAPE_BLT3');
    expect(problemsOf(data)).toEqual([
      `jobs[${DAILY}].host: a disk-to-disk-and-tape job must run on BLT4, the host of the tape drive`,
      // the daily procedure's last step looks for DAILY_BACKUP in TAPE_BACKUP
      `operatorProcedures[1].steps[8].sense.queue: DAILY_BACKUP runs in TAPE_BLT3 (jobs[${DAILY}].queue), not in TAPE_BACKUP`,
    ]);
  });

  it('reports a logical name that translates to itself', () => {
    expect(problemsOf(changed(['logicalNames', 2, 'value'], 'LEASE_FILES:'))).toEqual([
      'logicalNames[0].value: translation loops: LEASE_FILES → RDB1$DISK00 → DISK$PROD_09 → LEASE_FILES',
    ]);
  });

  it('reports a log review that scans for a severity it does not define', () => {
    const data = planData();
    setAt(data, ['logReview', 'scanFirst'], ['E', 'W']);
    setAt(
      data,
      ['logReview', 'severities'],
      data.logReview!.severities.filter((s) => s.code !== 'W'),
    );
    expect(problemsOf(data)).toEqual(['logReview.scanFirst[1]: severity "W" is not in logReview.severities']);
  });
});

describe('validateSiteProfile: several problems at once', () => {
  it('lists every problem, shape and references together', () => {
    const data: ProfileData = planData();
    setAt(data, ['jobs', CONSOLIDATED, 'queue'], 'TAPE_BACKUPP');
    setAt(data, ['jobs', DAILY, 'at'], '6:05');
    setAt(data, ['hosts', 2, 'arch'], 'AXP');
    setAt(data, ['jobs', RMU_DATA, 'host'], 'BLT7');
    setAt(data, ['tapes', 'billRun', 'tapes', 4, 'letter'], 'P');
    setAt(data, ['restoreTests', 'target'], 'BLT8');
    expect(problemsOf(data)).toEqual([
      'hosts[2].arch: expected one of "VAX" | "Alpha"',
      `jobs[${DAILY}].at: must be a time HH:MM, got "6:05"`,
      'restoreTests.target: unknown host "BLT8"',
      `jobs[${RMU_DATA}].host: unknown host "BLT7"`,
      `jobs[${CONSOLIDATED}].queue: unknown queue "TAPE_BACKUPP"`,
      'tapes.billRun.tapes[4].letter: duplicate tape letter "P" (also tapes.billRun.tapes[0])',
    ]);
  });
});
