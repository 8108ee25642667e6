import { describe, expect, it } from 'vitest';
import { parseSubmit, type SubmitConfirmation } from '../../../../shared/vms/parsers/submit';
import { fixture } from './fixtures';

function confirmation(name: string): SubmitConfirmation {
  const result = parseSubmit(fixture('submit', name));
  if (!result.ok || result.refused) throw new Error(`expected a confirmation from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseSubmit', () => {
  it('reads "started on": the entry number the console keeps', () => {
    expect(confirmation('started.txt')).toEqual({
      jobName: 'DAILY_BACKUP',
      queue: 'TAPE_BACKUP',
      entry: 412,
      state: 'started',
      startedOn: 'TAPE_BACKUP',
      holdingUntil: null,
      form: 'current',
      messages: [],
      line: 1,
    });
  });

  it('reads "holding until" a time to the minute', () => {
    expect(confirmation('holding-until.txt')).toMatchObject({
      jobName: 'RMU_BACKUP_DOCUMENT',
      queue: 'TIME_BLT4',
      entry: 395,
      state: 'holding-until',
      holdingUntil: { text: '24-NOV-2026 12:00', iso: '2026-11-24T12:00:00.000' },
    });
  });

  it('reads "pending" after a leading blank line', () => {
    expect(confirmation('pending.txt')).toMatchObject({ jobName: 'CONSOLIDATED_BACKUP_TO_TAPE', entry: 418, state: 'pending', line: 2 });
  });

  it('reads a job sent through a generic queue to the queue it started on', () => {
    expect(confirmation('generic-queue.txt')).toMatchObject({ queue: 'SYS$BATCH', startedOn: 'TAPE_BACKUP', entry: 420 });
  });

  it('reads the older form without the comma', () => {
    expect(confirmation('older-form.txt')).toMatchObject({ jobName: 'WEEKLY_STATS', queue: 'SYS$BATCH', entry: 417, form: 'older', startedOn: 'NIGHT_BATCH' });
  });

  it('reads "holding" (SUBMIT/HOLD)', () => {
    const result = parseSubmit('Job BLT_CLEANUP (queue TAPE_BACKUP, entry 436) holding\n');
    expect(result).toMatchObject({ ok: true, refused: false, value: { state: 'holding', entry: 436 } });
  });

  it('answers CREJOB with NOSUCHQUE as the host saying no', () => {
    expect(parseSubmit(fixture('submit', 'no-such-queue.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: { worstSeverity: 'F', messages: [{ facility: 'SUBMIT', ident: 'CREJOB', continuation: [{ facility: 'JBC', ident: 'NOSUCHQUE', line: 2 }] }] },
    });
  });

  it('answers a procedure that is not there as the host saying no', () => {
    expect(parseSubmit(fixture('submit', 'file-not-found.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: { messages: [{ ident: 'OPENIN', continuation: [{ facility: 'RMS', ident: 'FNF' }] }] },
    });
  });

  it('keeps a message printed with the confirmation', () => {
    const result = parseSubmit('%SUBMIT-W-ODDITY, something to note\nJob X (queue Q, entry 5) pending');
    expect(result).toMatchObject({ ok: true, refused: false, value: { entry: 5, messages: [{ ident: 'ODDITY', line: 1 }] } });
  });

  describe('unreadable output', () => {
    it('a state it does not know', () => {
      expect(parseSubmit('Job X (queue Q, entry 5) vanished')).toEqual({
        ok: false,
        error: {
          line: 1,
          text: 'Job X (queue Q, entry 5) vanished',
          expected: '"started on QUEUE", "pending", "holding" or "holding until TIME" after the entry number',
        },
      });
    });

    it('a missing entry number', () => {
      expect(parseSubmit('\nJob X (queue Q, entry ) pending')).toMatchObject({ ok: false, error: { line: 2, expected: expect.stringContaining('Job NIGHTLY_SAVE') } });
    });

    it('two confirmations', () => {
      expect(parseSubmit('Job X (queue Q, entry 5) pending\nJob Y (queue Q, entry 6) pending')).toMatchObject({ ok: false, error: { line: 2 } });
    });

    it('nothing at all: the console must ask the queue manager rather than assume', () => {
      expect(parseSubmit('')).toMatchObject({ ok: false, error: { line: 1 } });
    });
  });
});

describe('parseSubmit: the padded release time', () => {
  it('reads "holding until" with a blank-padded day, to the minute', () => {
    expect(confirmation('holding-until-padded.txt')).toMatchObject({
      jobName: 'INVOICE_STATEMENT_GENERATE',
      queue: 'TIME_BLT4',
      entry: 405,
      state: 'holding-until',
      holdingUntil: { text: '4-AUG-2010 07:30', iso: '2010-08-04T07:30:00.000' },
      form: 'current',
    });
  });

  it('reads "started on" in the current form', () => {
    expect(confirmation('started-current-form.txt')).toMatchObject({ entry: 395, state: 'started', startedOn: 'TIME_BLT4', form: 'current' });
  });
});
