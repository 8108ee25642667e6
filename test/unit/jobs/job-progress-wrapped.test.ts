/**
 * A log read through an 80-column terminal: long records wrapped onto the next line. A message's
 * tail and its `-FACILITY-...` continuations belong to it, a command's tail to the command, also
 * when the follower's poll falls between the two lines.
 */
import { describe, expect, it } from 'vitest';
import { advanceProgress, startProgress, type NumberedLine } from '../../../shared/jobs/job-progress';
import { jobState } from '../../../shared/jobs/job-state';
import { shippedProfile } from '../simulator/site-fixture';
import { fixtureLines, WRAPPED_FIXTURE } from './fixture-lines';
import { billRunDay, itemsOf, logLines, progressOf } from './simulated-day';

/** What a VT100 with auto-wrap shows of the lines: each record cut every 80 columns, trailing blanks gone. */
function throughTerminal(lines: readonly NumberedLine[]): NumberedLine[] {
  const shown: string[] = [];
  for (const { text } of lines) {
    let rest = text;
    for (; rest.length > 80; rest = rest.slice(80)) shown.push(rest.slice(0, 80).trimEnd());
    shown.push(rest);
  }
  return shown.map((text, index) => ({ number: index + 1, text }));
}

describe('a log wrapped at 80 columns', () => {
  const lines = fixtureLines(WRAPPED_FIXTURE);
  const whole = progressOf('RMU_BACKUP_DATA', lines);

  it('reads each wrapped message whole, with its continuation and the known error', () => {
    const head = lines.find((line) => line.text.startsWith('%BACKUP-F-WRITEERR'));
    expect(head?.text).toHaveLength(80);
    const [saveset, database] = whole.severe;
    expect(saveset).toMatchObject({
      code: 'BACKUP-F-WRITEERR',
      text: 'error writing DISK$BACKUP_01:[LEASE_BACKUP]LEASE_FILES_BACKUP.BCK;53',
      line: head?.number,
      endLine: (head?.number ?? 0) + 2,
      item: 'file-area:LEASE_FILES',
      knownError: { id: 'error-writing-to-disk' },
    });
    expect(saveset?.continuation.map((part) => [part.code, part.line])).toEqual([['RMS-F-FUL', (head?.number ?? 0) + 2]]);
    expect(database).toMatchObject({ code: 'RMU-F-WRITEERR', text: 'error writing DISK$BACKUP_01:[LEASE_BACKUP]LEASE_DATA_BACKUP.RBF;', item: 'database:LEASE_DATA' });
    expect(whole.severeCount).toBe(4);
    expect(whole.problems).toEqual([]);
  });

  it('reads the wrapped commands: the two items failed, the rest never ran, the job ended on a SUBMIT', () => {
    expect(whole.items.map((item) => item.state)).toEqual(['failed', 'failed', ...Array(8).fill('skipped')]);
    expect(whole.endingCommand?.text).toMatch(/^\$ SUBMIT\/QUEUE=TIME_BLT4\/.*\]RMU_BACKUP_DOCUMENT\.COM$/);
    expect(whole.endingCommand?.worst).toBeNull();
    // no queue entry (the plan's queues keep none): the log says how it ended
    expect(jobState(null, whole).state).toBe('completed-with-errors');
  });

  it('completes a message whose tail comes with the next poll', () => {
    const head = lines.findIndex((line) => line.text.startsWith('%BACKUP-F-WRITEERR'));
    const knownErrors = shippedProfile().knownErrors;
    const before = advanceProgress(startProgress(itemsOf('RMU_BACKUP_DATA')), lines.slice(0, head + 1), knownErrors);
    // the message shows at once, as far as it has come
    expect(before.severe.map((message) => message.text)).toEqual(['error writing DISK$BACKUP_01:[LEASE_BACKUP]LEASE_FILES_BACKU']);
    const after = advanceProgress(before, lines.slice(head + 1), knownErrors);
    expect(after).toEqual(whole);
    expect(progressOf('RMU_BACKUP_DATA', lines, 1)).toEqual(whole);
    expect(progressOf('RMU_BACKUP_DATA', lines, 7)).toEqual(whole);
  });
});

describe('the simulated site read through an 80-column terminal', () => {
  it('follows CONSOLIDATED_BACKUP_TO_TAPE as well as from the log file itself', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(16);
    const lines = await logLines(site, 'CONSOLIDATED_BACKUP_TO_TAPE');
    const wrapped = throughTerminal(lines);
    // the savesets' names are past column 80 on their BACKUP lines
    expect(wrapped.length).toBeGreaterThan(lines.length + 15);
    const plain = progressOf('CONSOLIDATED_BACKUP_TO_TAPE', lines);
    const shown = progressOf('CONSOLIDATED_BACKUP_TO_TAPE', wrapped, 3);
    expect([shown.done, shown.total, shown.failed]).toEqual([15, 15, 0]);
    expect(shown.volumes.map((volume) => volume.label)).toEqual(plain.volumes.map((volume) => volume.label));
    expect(shown.items.map((item) => [item.name, item.state])).toEqual(plain.items.map((item) => [item.name, item.state]));
    expect(shown.problems).toEqual([]);
    expect(progressOf('CONSOLIDATED_BACKUP_TO_TAPE', wrapped, 1)).toEqual(progressOf('CONSOLIDATED_BACKUP_TO_TAPE', wrapped));
  });
});
