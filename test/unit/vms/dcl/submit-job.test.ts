import { describe, expect, it } from 'vitest';
import { attempt, checkSubmissionName, DclBuildError, jobUser, submissionName, submitJob, uniquePartFrom } from '../../../../shared/vms/dcl';
import { CONSOLE_RETENTION, retentionAsked } from '../../../../shared/vms/dcl/retention';
import { microfinancial } from '../../calendar/site-profile';
import { expectSafeLine } from './dcl-line-reader';

function profileJob(name: string) {
  const job = microfinancial().jobs.find((j) => j.name === name);
  if (job === undefined) throw new Error(`no job ${name} in the profile`);
  return job;
}

describe('submissionName', () => {
  it('joins the prefix and the unique part', () => {
    expect(submissionName('TAPEOPS_INITIALIZE_TAPES', '1A2B3C')).toBe('TAPEOPS_INITIALIZE_TAPES_1A2B3C');
  });

  it('upper-cases the base-36 unique part, so Number.toString(36) can be passed as it is', () => {
    expect(submissionName('TAPEOPS', (1_234_567).toString(36))).toBe('TAPEOPS_QGLJ');
  });

  it('cuts the prefix, never the unique part, to stay within 39 characters', () => {
    const name = submissionName('TAPEOPS_CONSOLIDATED_BACKUP_TO_TAPE', '0K3Z9Q');
    expect(name).toBe('TAPEOPS_CONSOLIDATED_BACKUP_TO_T_0K3Z9Q');
    expect(name).toHaveLength(39);
  });

  it('drops underscores left at the end of a cut prefix', () => {
    // cut at 32 characters the prefix would end in "__"
    expect(submissionName(`${'A'.repeat(30)}___B`, '0K3Z9Q')).toBe(`${'A'.repeat(30)}_0K3Z9Q`);
  });

  it('refuses a prefix or unique part that is not job-name text', () => {
    expect(attempt(() => submissionName('TAPE OPS', '1A2B3C'))).toMatchObject({ ok: false, problem: { field: 'prefix', code: 'bad-character' } });
    expect(attempt(() => submissionName('tapeops', '1A2B3C'))).toMatchObject({ ok: false, problem: { field: 'prefix', code: 'lower-case' } });
    expect(checkSubmissionName('TAPEOPS', '')).toMatchObject({ ok: false, problem: { field: 'uniquePart' } });
    expect(checkSubmissionName('TAPEOPS', '1A-2B')).toMatchObject({ ok: false, problem: { field: 'uniquePart' } });
    expect(checkSubmissionName('TAPEOPS', 'Z'.repeat(13))).toMatchObject({ ok: false, problem: { field: 'uniquePart' } });
    expect(checkSubmissionName('___', '1A2B3C')).toMatchObject({ ok: false, problem: { field: 'prefix' } });
  });

  it('writes a drawn number as six base-36 digits', () => {
    expect(uniquePartFrom(0)).toBe('000000');
    expect(uniquePartFrom(36 ** 6 - 1)).toBe('ZZZZZZ');
    expect(uniquePartFrom(1_234_567)).toBe('00QGLJ');
    expect(() => uniquePartFrom(36 ** 6)).toThrow(RangeError);
    expect(() => uniquePartFrom(-1)).toThrow(RangeError);
    expect(() => uniquePartFrom(1.5)).toThrow(RangeError);
  });
});

describe('submitJob', () => {
  it("submits the plan's tape initialisation: the plan's command with a unique /NAME and the console's /RETAIN", () => {
    const submission = submitJob(profileJob('INITIALIZE_TAPES'), { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' });
    expect(submission).toEqual({
      command: 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_INITIALIZE_TAPES_1A2B3C SYS$LOGIN:INITIALIZE_TAPES.COM',
      name: 'TAPEOPS_INITIALIZE_TAPES_1A2B3C',
      // typed from the system manager account, as the plan says: it runs as that account
      user: null,
    });
    // the plan's hand-typed command, word for word, once the console's own two qualifiers are taken out
    const planCommand = microfinancial().initializeTapes.command;
    expect(planCommand).toBe('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    expect(submission.command.replace('/RETAIN=UNTIL=1-00:00:00', '').replace('/NAME=TAPEOPS_INITIALIZE_TAPES_1A2B3C', '')).toBe(planCommand);
  });

  it('keeps every entry it submits listed for a day after the job ends, unless told otherwise', () => {
    const job = profileJob('INITIALIZE_TAPES');
    expect(CONSOLE_RETENTION).toEqual({ until: '1-00:00:00' });
    expect(retentionAsked(submitJob(job, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' }).command)).toBe('until');
    expect(submitJob(job, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH', retain: 'ALWAYS' }).command).toContain('/QUEUE=TAPE_BACKUP/RETAIN=ALWAYS/NAME=');
    expect(submitJob(job, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH', retain: 'DEFAULT' }).command).toContain('/RETAIN=DEFAULT/');
    expect(submitJob(job, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH', retain: { until: '26-NOV-2026 07:00' } }).command).toContain(
      '/RETAIN=UNTIL=26-NOV-2026:07:00/',
    );
  });

  it("runs a backup job as the profile's batch user, with the other options in order", () => {
    const profile = microfinancial();
    const { command } = submitJob(profileJob('DAILY_BACKUP'), {
      uniquePart: '0K3Z9Q',
      batchUser: profile.batchUser,
      noPrinter: true,
      keep: true,
    });
    expect(command).toBe(
      'SUBMIT/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_DAILY_BACKUP_0K3Z9Q/USER=LEASE_BATCH/NOPRINTER/KEEP' +
        ' DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM',
    );
  });

  it('puts a bare procedure in the procedures directory', () => {
    const job = { name: 'RMU_BACKUP_TAX_DATA', procedure: 'RMU_BACKUP_TAX_DATA.COM', queue: 'TAPE_BACKUP' };
    const { command } = submitJob(job, {
      uniquePart: 'ABC123',
      batchUser: 'LEASE_BATCH',
      proceduresDirectory: microfinancial().directories.procedures.alias,
      parameters: ['FULL'],
      hold: true,
    });
    expect(command).toBe(
      'SUBMIT/PARAMETER="FULL"/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_RMU_BACKUP_TAX_DATA_ABC123/USER=LEASE_BATCH/HOLD USER_ROOT:[LEASE_BACKUP.COM]RMU_BACKUP_TAX_DATA.COM',
    );
  });

  it('refuses a bare procedure when no procedures directory is given', () => {
    const job = { name: 'X', procedure: 'X.COM', queue: 'Q1' };
    expect(() => submitJob(job, { uniquePart: 'ABC123', batchUser: 'LEASE_BATCH' })).toThrow(DclBuildError);
    expect(attempt(() => submitJob(job, { uniquePart: 'ABC123', batchUser: 'LEASE_BATCH' }))).toMatchObject({ ok: false, problem: { field: 'procedure' } });
  });

  it('builds a safe SUBMIT of at most 255 characters for every job of the shipped profile', () => {
    const profile = microfinancial();
    const tooLong: string[] = [];
    for (const job of profile.jobs) {
      // what the console sends (run-steps, tapeops submit): fits, with room to spare
      const sent = submitJob(job, {
        uniquePart: 'ZZZZZZ',
        batchUser: profile.batchUser,
        proceduresDirectory: profile.directories.procedures.path,
        parameters: job.parameters,
      });
      expectSafeLine(sent.command, 'SUBMIT');
      expect(sent.command.length).toBeLessThanOrEqual(200);
      // every option at once: safe, or refused whole as too long, never cut
      const all = attempt(() =>
        submitJob(job, {
          uniquePart: 'ZZZZZZ',
          batchUser: profile.batchUser,
          proceduresDirectory: profile.directories.procedures.path,
          noPrinter: true,
          keep: true,
          after: '31-DEC-2026 23:59:59.99',
          logFile: profile.directories.logs,
        }),
      );
      if (!all.ok) {
        expect(all.problem.code).toBe('line-too-long');
        tooLong.push(job.name);
        continue;
      }
      const submission = all.value;
      expectSafeLine(submission.command, 'SUBMIT');
      expect(submission.name.length).toBeLessThanOrEqual(39);
      expect(submission.command).toContain(`/NAME=${submission.name}/`);
    }
    // the console's /RETAIN (24 characters) leaves these four over 255 only with /AFTER,
    // /LOG_FILE, /NOPRINTER and /KEEP all given besides /USER, which no caller does
    expect(tooLong.sort()).toEqual(['CONSOLIDATED_BACKUP_TO_TAPE', 'INVOICE_STATEMENT_GENERATE', 'PROD_AND_DEVEL_BACKUP', 'RMU_BACKUP_LEASE_DATA']);
  });
});

describe('the user a job runs as', () => {
  const profile = microfinancial();
  const send = (job: ReturnType<typeof profileJob>, batchUser = profile.batchUser) =>
    submitJob(job, { uniquePart: 'U00001', batchUser, proceduresDirectory: profile.directories.procedures.path, parameters: job.parameters });

  it('sends every backup job of the plan with /USER=LEASE_BATCH and in its profile queue', () => {
    const queueKinds = new Map(profile.queues.map((q) => [q.name, q.kind]));
    const backups = profile.jobs.filter((job) => ['disk-to-disk', 'disk-to-tape', 'disk-to-disk-and-tape'].includes(job.type));
    expect(backups.map((job) => job.name)).toContain('RMU_BACKUP_LEASE_DATA');
    for (const job of backups) {
      const submission = send(job);
      expect(submission.user, job.name).toBe('LEASE_BATCH');
      expect(submission.command, job.name).toContain('/USER=LEASE_BATCH');
      expect(submission.command, job.name).toContain(`/QUEUE=${job.queue}/`);
      // tape jobs in TAPE_BACKUP, disk-to-disk jobs in TIME_BLT4
      expect(queueKinds.get(job.queue), job.name).toBe(job.type === 'disk-to-disk' ? 'disk-to-disk' : 'tape');
    }
  });

  it('sends the adhoc LEASE backup as LEASE_BATCH in TAPE_BACKUP, not as the account the console logs in with', () => {
    expect(send(profileJob('RMU_BACKUP_LEASE_DATA')).command).toBe(
      'SUBMIT/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_RMU_BACKUP_LEASE_DATA_U00001/USER=LEASE_BATCH' +
        ' DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_LEASE_DATA.COM',
    );
  });

  it("keeps the plan's own INITIALIZE_TAPES command without /USER: a SYS$LOGIN: procedure is the submitting account's own", () => {
    expect(jobUser({ procedure: 'SYS$LOGIN:INITIALIZE_TAPES.COM' }, 'LEASE_BATCH')).toBeNull();
    expect(jobUser({ procedure: 'sys$login:X.COM' }, 'LEASE_BATCH')).toBeNull();
    expect(jobUser({ procedure: 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM' }, 'LEASE_BATCH')).toBe('LEASE_BATCH');
    // a logical name that merely ends in LOGIN is not the login directory
    expect(jobUser({ procedure: 'MY_LOGIN:X.COM' }, 'LEASE_BATCH')).toBe('LEASE_BATCH');
    expect(send(profileJob('INITIALIZE_TAPES')).command).not.toContain('/USER');
    // the only jobs of the shipped profile without /USER are those in SYS$LOGIN:
    expect(profile.jobs.filter((job) => send(job).user === null).map((job) => job.name)).toEqual(['INITIALIZE_TAPES']);
  });

  it('refuses a hostile or malformed batch user instead of writing it into the command', () => {
    const job = profileJob('RMU_BACKUP_LEASE_DATA');
    for (const hostile of ['LEASE_BATCH/QUEUE=SYS$BATCH', 'LEASE BATCH', 'SYSTEM!', '"SYSTEM"', 'LEASE_BATCH\r\n$ DELETE *.*;*', "'F$USER()'", 'A'.repeat(13), '']) {
      const result = attempt(() => send(job, hostile));
      expect(result.ok, JSON.stringify(hostile)).toBe(false);
      if (!result.ok) expect(result.problem.field).toBe('user');
    }
    expect(attempt(() => send(job, 'lease_batch'))).toMatchObject({ ok: false, problem: { field: 'user', code: 'lower-case' } });
  });
});
