/**
 * Progress read from the logs the simulated site writes on the Bill Run day of 2010-08-03 and the
 * next morning: the item in hand, done of total, the tape in use, the operator's part, the E and F
 * messages with the plan's known errors, and the same result however the lines are fed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceProgress, startProgress, type JobProgress, type NumberedLine } from '../../../shared/jobs/job-progress';
import { shippedProfile } from '../simulator/site-fixture';
import { fixtureLines, WRAPPED_FIXTURE } from './fixture-lines';
import { billRunDay, itemsOf, logLines, progressOf, queueEntry } from './simulated-day';

const commandLines = (lines: readonly NumberedLine[], pattern: RegExp) => lines.filter((line) => pattern.test(line.text));

describe('a job followed while it runs', () => {
  it('shows the database in hand and the items done part-way through RMU_BACKUP_DATA', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(2.5); // 08:30: the Bill Run submitted the backups at 08:15
    const lines = await logLines(site, 'RMU_BACKUP_DATA');
    const progress = progressOf('RMU_BACKUP_DATA', lines);
    // the log's last RMU/BACKUP names the database in hand; the LEASE_FILES saveset before it is done
    const last = commandLines(lines, /^\$ RMU\/BACKUP/).at(-1);
    expect(last?.text).toContain('[LEASE_DATA]LEASE_DATA.RDB');
    expect(progress.current).toMatchObject({ kind: 'database', name: 'LEASE_DATA', state: 'running', line: last?.number });
    expect([progress.done, progress.total]).toEqual([1, 10]);
    expect(progress.items.find((item) => item.name === 'LEASE_FILES')?.state).toBe('done');
    expect(progress.ended).toBeNull();

    clock.advanceHours(1); // 09:30: three more databases done
    const later = progressOf('RMU_BACKUP_DATA', await logLines(site, 'RMU_BACKUP_DATA'));
    expect(later.done).toBeGreaterThan(progress.done);
    expect(later.current?.kind).toBe('database');
  });

  it('shows the device in hand and the tape PROD_AND_DEVEL_BACKUP writes', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(2.5);
    const progress = progressOf('PROD_AND_DEVEL_BACKUP', await logLines(site, 'PROD_AND_DEVEL_BACKUP'));
    expect(progress.current).toMatchObject({ kind: 'device', name: 'BLT4_SYSTEM' });
    expect([progress.done, progress.total]).toEqual([1, 7]);
    expect(progress.tape).toBe('00803P');
  });

  it('ends with every item done and the trailer read, on the Bill Run and the next morning', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(25); // 07:00 on 2010-08-04: the daily backup of 06:05 has run too
    for (const job of ['RMU_BACKUP_DATA', 'RMU_BACKUP_DOCUMENT', 'PROD_AND_DEVEL_BACKUP', 'CONSOLIDATED_BACKUP_TO_TAPE', 'DAILY_BACKUP']) {
      const progress = progressOf(job, await logLines(site, job));
      expect([job, progress.done, progress.failed, progress.severeCount]).toEqual([job, itemsOf(job).totals.all, 0, 0]);
      expect(progress.current).toBeNull();
      expect(progress.ended?.terminatedAt.slice(0, 10)).toBe(job === 'DAILY_BACKUP' ? '2010-08-04' : '2010-08-03');
      expect(progress.ended?.elapsedMs).toBeGreaterThan(0);
    }
    expect(progressOf('DAILY_BACKUP', await logLines(site, 'DAILY_BACKUP')).tape).toBe('DAILY1');
  });

  it('follows a saveset across tapes: the operator asked for the next volume, then the tape changes', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(8); // 14:00: CONSOLIDATED_BACKUP_TO_TAPE is submitted at about 14:12
    const job = 'CONSOLIDATED_BACKUP_TO_TAPE';
    // its log is followed from when the queue shows it executing (before, the log is an earlier run's)
    for (let minute = 0; (await queueEntry(site, job))?.status.state !== 'executing'; minute += 1) {
      expect(minute).toBeLessThan(60);
      clock.advanceMinutes(1);
    }
    let progress = startProgress(itemsOf(job));
    const seen: { tape: string | null; waiting: string | null; current: string | null }[] = [];
    // poll every minute, as the log follower does, handing over only the new lines
    for (let minute = 0; minute < 8 * 60 && progress.ended === null; minute += 1) {
      const lines = await logLines(site, job);
      progress = advanceProgress(
        progress,
        lines.filter((line) => line.number > progress.lastLine),
        shippedProfile().knownErrors,
      );
      seen.push({ tape: progress.tape, waiting: progress.waitingForOperator?.label ?? null, current: progress.current?.name ?? null });
      clock.advanceMinutes(1);
    }
    expect(progress.ended).not.toBeNull();
    expect(progress.volumes.map((volume) => volume.label)).toEqual(['00803D', '00803E', '00803F', '00803G']);
    // a poll fell while BACKUP waited for tape E, still writing SCROLL_DATA.BAK on D
    expect(seen).toContainEqual({ tape: '00803D', waiting: '00803E', current: 'SCROLL_DATA.BAK' });
    const waitedAt = seen.findIndex((s) => s.waiting === '00803E');
    expect(seen.slice(waitedAt).find((s) => s.waiting === null)?.tape).toBe('00803E');
    expect([progress.done, progress.total, progress.waitingForOperator]).toEqual([15, 15, null]);
    // polled a minute at a time, the result is the one of the whole log read at once
    expect(progress).toEqual(progressOf(job, await logLines(site, job)));
  });
});

describe('fed in pieces', () => {
  it('gives the same progress fed 1, 7 or all lines at a time, and after a restart from its JSON', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(16);
    for (const job of ['RMU_BACKUP_DATA', 'CONSOLIDATED_BACKUP_TO_TAPE']) {
      const lines = await logLines(site, job);
      const whole = progressOf(job, lines);
      expect(progressOf(job, lines, 1)).toEqual(whole);
      expect(progressOf(job, lines, 7)).toEqual(whole);
      // a restart: the state saved as JSON half-way, read back, fed the rest
      const half = progressOf(job, lines.slice(0, Math.floor(lines.length / 2)), 5);
      const restored = JSON.parse(JSON.stringify(half)) as JobProgress;
      expect(advanceProgress(restored, lines.slice(Math.floor(lines.length / 2)), shippedProfile().knownErrors)).toEqual(whole);
    }
  });

  it('gives the same progress wherever the pieces are cut', async () => {
    const { site, clock } = await billRunDay();
    site.faults.backupAreaFull();
    clock.advanceHours(16);
    const lines = await logLines(site, 'RMU_BACKUP_DATA');
    const whole = progressOf('RMU_BACKUP_DATA', lines);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: lines.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), lines.length];
        let progress = startProgress(itemsOf('RMU_BACKUP_DATA'));
        for (let i = 1; i < at.length; i += 1) progress = advanceProgress(progress, lines.slice(at[i - 1], at[i]), shippedProfile().knownErrors);
        expect(progress).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('does not count a line fed twice', async () => {
    const { site, clock } = await billRunDay();
    site.faults.backupAreaFull();
    clock.advanceHours(16);
    const lines = await logLines(site, 'RMU_BACKUP_DATA');
    const whole = progressOf('RMU_BACKUP_DATA', lines);
    const knownErrors = shippedProfile().knownErrors;
    const first = advanceProgress(startProgress(itemsOf('RMU_BACKUP_DATA')), lines.slice(0, 20), knownErrors);
    // the same lines again change nothing; an overlapping piece counts only its new lines
    expect(advanceProgress(first, lines.slice(0, 20), knownErrors)).toBe(first);
    const overlapped = advanceProgress(first, lines.slice(10), knownErrors);
    expect(overlapped).toEqual(whole);
    // each E or F message once: as many as the log has first lines with those severities
    expect(overlapped.severeCount).toBe(lines.filter((line) => /^%[A-Z]+-[EF]-/.test(line.text)).length);
    expect(overlapped.severeCount).toBeGreaterThan(0);
    expect(overlapped.lastLine).toBe(lines.length);
  });

  it('names a line it cannot read, and still reads the rest', () => {
    const lines = fixtureLines(WRAPPED_FIXTURE);
    // the trailer's first line, then what is not its accounting: a log copied short and spliced
    const trailer = lines.findIndex((line) => / job terminated at /.test(line.text));
    const broken = [...lines.slice(0, trailer + 1), { number: trailer + 2, text: 'Fri 4 Aug 2010: copied by OPERATOR' }];
    const whole = progressOf('RMU_BACKUP_DATA', broken);
    expect(whole.problems).toEqual([
      { line: trailer + 2, text: 'Fri 4 Aug 2010: copied by OPERATOR', expected: '"Accounting information:" after the line that says the job terminated' },
    ]);
    expect(whole.ended?.line).toBe(trailer + 1);
    expect(whole.items.filter((item) => item.state === 'failed').map((item) => item.name)).toEqual(['LEASE_FILES', 'LEASE_DATA']);
    expect(progressOf('RMU_BACKUP_DATA', broken, 1)).toEqual(whole);
  });

  it('refuses lines that are not numbered lines, and changes nothing', () => {
    const progress = startProgress(itemsOf('RMU_BACKUP_DATA'));
    const bad = [{ number: 0, text: '$ EXIT' }];
    expect(() => advanceProgress(progress, bad)).toThrow(/whole line number from 1/);
    expect(progress.lastLine).toBe(0);
  });
});

describe('faults', () => {
  it('backup area full during RMU_BACKUP_DOCUMENT: the failed databases with the plan\'s "Error Writing to Disk" and its action', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(6.25); // 12:15, RMU_BACKUP_DOCUMENT started at noon
    site.advance();
    site.faults.backupAreaFull();
    clock.advanceHours(4);
    const progress = progressOf('RMU_BACKUP_DOCUMENT', await logLines(site, 'RMU_BACKUP_DOCUMENT'));
    expect(progress.ended).not.toBeNull();
    expect(progress.failed).toBeGreaterThanOrEqual(3);
    expect(progress.done + progress.failed).toBe(4);
    const known = shippedProfile().knownErrors.find((error) => error.id === 'error-writing-to-disk');
    const writeErrors = progress.severe.filter((message) => message.code === 'RMU-F-WRITEERR');
    expect(writeErrors).toHaveLength(progress.failed);
    for (const message of writeErrors) {
      expect(message.continuation.map((part) => part.code)).toEqual(['RMS-F-FUL']);
      expect(message.knownError).toEqual({ id: 'error-writing-to-disk', title: 'Error Writing to Disk', action: known?.action });
      expect(progress.items.find((item) => item.id === message.item)?.state).toBe('failed');
    }
    // every E and F message is the plan's known error here
    expect(progress.severe.every((message) => message.knownError?.id === 'error-writing-to-disk')).toBe(true);
  });

  it('medium offline on PROD_AND_DEVEL_BACKUP: the MOUNT and BACKUP F messages, every device failed', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(2); // 08:00: INITIALIZE_TAPES is done; the Bill Run's backups start at 08:15
    site.advance();
    site.faults.mediumOffline();
    clock.advanceHours(2);
    const progress = progressOf('PROD_AND_DEVEL_BACKUP', await logLines(site, 'PROD_AND_DEVEL_BACKUP'));
    expect(progress.items.map((item) => item.state)).toEqual(Array(7).fill('failed'));
    expect([progress.done, progress.failed, progress.total]).toEqual([0, 7, 7]);
    const codes = progress.severe.map((message) => [message.code, ...message.continuation.map((part) => part.code)].join(' '));
    expect(codes).toContain('MOUNT-F-MEDOFL');
    expect(codes.filter((code) => code === 'BACKUP-F-OPENOUT SYSTEM-F-MEDOFL')).toHaveLength(7);
    // the MOUNT failed before any device was in hand; each OPENOUT is its device's
    expect(progress.severe.find((message) => message.code === 'MOUNT-F-MEDOFL')?.item).toBeNull();
    expect(progress.severe.filter((message) => message.code === 'BACKUP-F-OPENOUT').map((message) => message.item)).toEqual(progress.items.map((item) => item.id));
    expect(progress.tape).toBeNull();
  });
});
