import { describe, expect, it } from 'vitest';
import { showQueue } from '../../../shared/vms/dcl/queue-commands';
import type { LinkCommand, RunResult } from '../../../src-main/hosts/host-link';
import { HostLinkError, isHostLinkError } from '../../../src-main/hosts/host-link-error';
import { checkSubmission } from '../../../src-main/hosts/submission-check';
import { decideAfterCheck, submitOnce, type SubmitLink } from '../../../src-main/hosts/submit-once';

const NAME = 'TAPEOPS_DAILY_BACKUP_0K3Z9Q';
// as the console builds it: its entry stays listed for a day after the job ends
const SUBMIT = { command: `SUBMIT/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=${NAME} DISK$USER:[LEASE_BACKUP]DAILY_BACKUP.COM` };
// one that leaves the entry to the queue's policy
const BARE_SUBMIT = { command: `SUBMIT/QUEUE=TAPE_BACKUP/NAME=${NAME}/LOG_FILE=DISK$USER:[LEASE_LOGS] DISK$USER:[LEASE_BACKUP]DAILY_BACKUP.COM` };
const CONFIRMATION = `Job ${NAME} (queue TAPE_BACKUP, entry 412) holding until 26-NOV-2026 06:05`;

function listing(entries: string): string {
  return [
    'Batch queue TAPE_BACKUP, idle, on BLT4::',
    '',
    ...(entries === '' ? [] : ['  Entry  Jobname         Username     Status', '  -----  -------         --------     ------', ...entries.split('\n')]),
    '',
    'Batch queue TIME_BLT4, idle, on BLT4::',
  ].join('\n');
}
const IN_QUEUE = listing(`    412  ${NAME}\n                         SYSTEM       Holding until 26-NOV-2026 06:05:00.00`);
const EMPTY = listing('');

/** SHOW QUEUE/BATCH/ALL_JOBS/FULL with no entries, TAPE_BACKUP's retention as given. */
function fullListing(retain: string | null): string {
  const attributes = '  /BASE_PRIORITY=4 /JOB_LIMIT=1 /OWNER=[SYSTEM] /PROTECTION=(S:M,O:D,G:R,W:S)';
  return [
    'Batch queue TAPE_BACKUP, idle, on BLT4::',
    attributes,
    ...(retain === null ? [] : [`  /RETAIN=${retain}`]),
    '',
    'Batch queue TIME_BLT4, idle, on BLT4::',
    attributes,
  ].join('\n');
}

const ok = (output: string): RunResult => ({ output, status: 1, statusHex: '%X00000001', elapsedMs: 5 });

/** A link scripted per command: an answer, or a drop during the command. */
class ScriptedLink implements SubmitLink {
  readonly sent: LinkCommand[] = [];
  private readonly unsure = new Set<string>();
  readonly resolved: [string, boolean][] = [];
  connected = true;

  constructor(private readonly script: ((command: LinkCommand) => RunResult | 'drop')[]) {}

  run(command: LinkCommand): Promise<RunResult> {
    if (command.submissionName !== undefined && this.unsure.has(command.submissionName)) {
      return Promise.reject(new HostLinkError('unsure-if-submitted', 'ask first'));
    }
    this.sent.push(command);
    const step = this.script.shift();
    if (step === undefined) throw new Error(`unexpected command ${command.dcl.command}`);
    const answer = step(command);
    if (answer !== 'drop') return Promise.resolve(answer);
    if (command.submissionName !== undefined) {
      this.unsure.add(command.submissionName);
      return Promise.reject(new HostLinkError('unsure-if-submitted', 'dropped', { submissionName: command.submissionName, mayHaveRun: true }));
    }
    return Promise.reject(new HostLinkError('link-dropped', 'dropped', { mayHaveRun: true }));
  }

  isUnsure(name: string): boolean {
    return this.unsure.has(name);
  }

  resolveSubmission(name: string, found: boolean): void {
    this.unsure.delete(name);
    this.resolved.push([name, found]);
  }

  whenConnected(): Promise<void> {
    return this.connected ? Promise.resolve() : Promise.reject(new HostLinkError('timeout', 'BLT4 did not come back within 120 s'));
  }
}

describe('checkSubmission', () => {
  it('finds the entry by its unique name, even when the name takes a line of its own', () => {
    expect(checkSubmission(ok(IN_QUEUE), NAME)).toEqual({ kind: 'found', entry: 412, queue: 'TAPE_BACKUP', state: 'holding-until' });
  });

  it('proves absence only from a whole listing that shows the queue', () => {
    expect(checkSubmission(ok(EMPTY), NAME, 'TAPE_BACKUP', 'until')).toEqual({ kind: 'absent' });
    expect(checkSubmission(ok(EMPTY), NAME, 'SYS$BATCH', 'until')).toEqual({ kind: 'unsure', reason: 'the queue listing does not show SYS$BATCH' });
  });

  it('proves absence only when a job that has run would still be listed', () => {
    // the SUBMIT's own /RETAIN keeps every finished entry
    expect(checkSubmission(ok(EMPTY), NAME, 'TAPE_BACKUP', 'always')).toEqual({ kind: 'absent' });
    // or the queue keeps every finished job
    expect(checkSubmission(ok(fullListing('ALL')), NAME, 'TAPE_BACKUP')).toEqual({ kind: 'absent' });
    expect(checkSubmission(ok(fullListing('ALL')), NAME, 'TAPE_BACKUP', 'default')).toEqual({ kind: 'absent' });
    // otherwise "not listed" may be "ran and left"
    expect(checkSubmission(ok(fullListing(null)), NAME, 'TAPE_BACKUP')).toEqual({
      kind: 'may-have-finished',
      reason: 'the SUBMIT asked for no /RETAIN and TAPE_BACKUP keeps no finished job (no /RETAIN): a job that has run leaves it',
    });
    expect(checkSubmission(ok(fullListing('ERROR')), NAME, 'TAPE_BACKUP', 'error')).toEqual({
      kind: 'may-have-finished',
      reason: 'the SUBMIT asked for /RETAIN=ERROR and TAPE_BACKUP keeps only the jobs that fail (/RETAIN=ERROR): a job that ended well leaves it',
    });
    expect(checkSubmission(ok(EMPTY), NAME, 'TAPE_BACKUP')).toMatchObject({
      kind: 'may-have-finished',
      reason: expect.stringMatching(/does not show whether TAPE_BACKUP keeps finished jobs \(no \/FULL\)$/),
    });
    expect(checkSubmission(ok(fullListing('ALL')), NAME)).toMatchObject({
      kind: 'may-have-finished',
      reason: expect.stringMatching(/the queue it went to was not named/),
    });
    // a job still listed is found whatever the retention
    expect(checkSubmission(ok(IN_QUEUE), NAME, 'TAPE_BACKUP')).toMatchObject({ kind: 'found', entry: 412 });
  });

  it('stays unsure on silence, a refusal, an unreadable listing or a failed status', () => {
    expect(checkSubmission(ok(''), NAME).kind).toBe('unsure');
    expect(checkSubmission(ok('%JBC-E-NOSUCHQUE, no such queue'), NAME)).toEqual({ kind: 'unsure', reason: 'the host answered %JBC-E-NOSUCHQUE' });
    expect(checkSubmission(ok('garbage where a queue should be'), NAME)).toMatchObject({
      kind: 'unsure',
      reason: expect.stringMatching(/^line 1 of the queue listing could not be read/),
    });
    expect(checkSubmission({ output: IN_QUEUE, status: 0x2c, statusHex: '%X0000002C' }, NAME)).toEqual({
      kind: 'unsure',
      reason: 'the queue listing ended with %X0000002C',
    });
  });
});

describe('decideAfterCheck', () => {
  it('sends again only when the queue proved the job absent', () => {
    expect(decideAfterCheck({ kind: 'absent' })).toEqual({ kind: 'send-again' });
    expect(decideAfterCheck({ kind: 'found', entry: 412, queue: 'TAPE_BACKUP', state: 'pending' })).toEqual({
      kind: 'already-in-queue',
      entry: 412,
      queue: 'TAPE_BACKUP',
    });
    expect(decideAfterCheck({ kind: 'unsure', reason: 'silence' })).toEqual({ kind: 'ask-operator', reason: 'silence' });
    expect(decideAfterCheck({ kind: 'may-have-finished', reason: 'no /RETAIN' })).toEqual({ kind: 'check-log', reason: 'no /RETAIN' });
  });
});

describe('submitOnce', () => {
  it('submits and reads the entry number from the confirmation', async () => {
    const link = new ScriptedLink([() => ok(CONFIRMATION)]);
    const outcome = await submitOnce(link, SUBMIT, NAME);
    expect(outcome).toMatchObject({ kind: 'submitted', sends: 1, confirmation: { entry: 412, jobName: NAME, state: 'holding-until' } });
    expect(link.sent).toEqual([{ dcl: SUBMIT, mutates: true, submissionName: NAME }]);
  });

  it('after a drop, finds the job already queued and does not send it again', async () => {
    const link = new ScriptedLink([() => 'drop', () => ok(IN_QUEUE)]);
    const outcome = await submitOnce(link, SUBMIT, NAME, { queue: 'TAPE_BACKUP' });
    expect(outcome).toEqual({ kind: 'already-in-queue', entry: 412, queue: 'TAPE_BACKUP', sends: 1 });
    expect(link.sent.map((c) => c.dcl.command)).toEqual([SUBMIT.command, showQueue({ batch: true, all: true }).command]);
    expect(link.sent[1]?.mutates).toBe(false);
    expect(link.resolved).toEqual([[NAME, true]]);
  });

  it('after a drop, sends it again only when the queue shows it never arrived', async () => {
    const link = new ScriptedLink([() => 'drop', () => ok(EMPTY), () => ok(CONFIRMATION)]);
    const outcome = await submitOnce(link, SUBMIT, NAME, { queue: 'TAPE_BACKUP' });
    expect(outcome).toMatchObject({ kind: 'submitted', sends: 2, confirmation: { entry: 412 } });
    expect(link.sent.map((c) => c.dcl.command)).toEqual(['SUBMIT', 'SHOW QUEUE/BATCH/ALL_JOBS', 'SUBMIT'].map((verb, i) => (i === 1 ? verb : SUBMIT.command)));
  });

  it('does not send again a job absent from a queue that keeps no finished job: it may have run', async () => {
    const link = new ScriptedLink([() => 'drop', () => ok(fullListing(null))]);
    const error = await submitOnce(link, BARE_SUBMIT, NAME, { queue: 'TAPE_BACKUP' }).catch((e: unknown) => e);
    expect(isHostLinkError(error, 'unsure-if-submitted')).toBe(true);
    expect((error as HostLinkError).mayHaveRun).toBe(true);
    expect((error as Error).message).toBe(
      `${NAME} is not in the queue, but that does not prove it never arrived: the SUBMIT asked for no /RETAIN and TAPE_BACKUP keeps no finished job (no /RETAIN): a job that has run leaves it. ` +
        `It may have run already: look for its log (DISK$USER:[LEASE_LOGS]${NAME}.LOG) and for its record in the accounting file before sending it again.`,
    );
    // the queue's own /RETAIN was asked for with /FULL; the SUBMIT went once, and stays blocked
    expect(link.sent.map((c) => c.dcl.command)).toEqual([BARE_SUBMIT.command, 'SHOW QUEUE/BATCH/ALL_JOBS/FULL']);
    expect(link.isUnsure(NAME)).toBe(true);
  });

  it('sends a bare SUBMIT again when its queue keeps every finished job and shows none by its name', async () => {
    const link = new ScriptedLink([() => 'drop', () => ok(fullListing('ALL')), () => ok(CONFIRMATION)]);
    expect(await submitOnce(link, BARE_SUBMIT, NAME, { queue: 'TAPE_BACKUP' })).toMatchObject({ kind: 'submitted', sends: 2 });
  });

  it('hands the question to the operator when the queue cannot be asked, and keeps the submission blocked', async () => {
    const link = new ScriptedLink([() => 'drop']);
    link.connected = false;
    const error = await submitOnce(link, SUBMIT, NAME).catch((e: unknown) => e);
    expect(isHostLinkError(error, 'unsure-if-submitted')).toBe(true);
    expect((error as Error).message).toBe(`whether ${NAME} reached the queue is still unknown: BLT4 did not come back within 120 s`);
    expect(link.isUnsure(NAME)).toBe(true);
    expect(link.sent.length).toBe(1);
  });

  it('asks the queue first when called again for a submission still in doubt', async () => {
    const link = new ScriptedLink([() => 'drop', () => 'drop', () => ok(IN_QUEUE)]);
    await submitOnce(link, SUBMIT, NAME).catch(() => undefined);
    expect(link.sent.map((c) => c.mutates)).toEqual([true, false]);
    expect(await submitOnce(link, SUBMIT, NAME)).toMatchObject({ kind: 'already-in-queue', entry: 412 });
    expect(link.sent.map((c) => c.mutates)).toEqual([true, false, false]);
  });

  it('reports a SUBMIT the host refused', async () => {
    const link = new ScriptedLink([
      () => ({ output: '%SUBMIT-F-CREJOB, error creating job\n-JBC-E-NOSUCHQUE, no such queue', status: 0x10e3803c, statusHex: '%X10E3803C', elapsedMs: 3 }),
    ]);
    expect(await submitOnce(link, SUBMIT, NAME)).toMatchObject({ kind: 'refused', sends: 1 });
  });

  it('refuses a SUBMIT that does not carry the name it is to be found by', async () => {
    const link = new ScriptedLink([]);
    await expect(submitOnce(link, { command: 'SUBMIT/QUEUE=TAPE_BACKUP X.COM' }, NAME)).rejects.toThrow(RangeError);
    await expect(submitOnce(link, SUBMIT, 'TAPEOPS_DAILY')).rejects.toThrow(RangeError);
  });
});
