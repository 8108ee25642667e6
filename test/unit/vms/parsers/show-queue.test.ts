import { describe, expect, it } from 'vitest';
import { parseShowQueue, type QueueListing } from '../../../../shared/vms/parsers/show-queue';
import { fixture } from './fixtures';

function listing(name: string): QueueListing {
  const result = parseShowQueue(fixture('show-queue', name));
  if (!result.ok || result.refused) throw new Error(`expected a listing from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseShowQueue', () => {
  it('reads TAPE_BACKUP busy with an executing, a pending and a held job (CRLF, leading blank line)', () => {
    const [queue] = listing('tape-backup-busy.txt').queues;
    expect(queue).toMatchObject({
      name: 'TAPE_BACKUP',
      kind: 'batch',
      generic: false,
      states: ['busy'],
      node: 'BLT4',
      basePriority: 4,
      jobLimit: 1,
      owner: '[SYSTEM]',
      protection: '(S:M,O:D,G:R,W:S)',
      line: 2,
    });
    expect(queue?.entries.map((entry) => [entry.entry, entry.jobName, entry.username, entry.status.state])).toEqual([
      [412, 'DAILY_BACKUP', 'LEASE_BATCH', 'executing'],
      [418, 'CONSOLIDATED_BACKUP_TO_TAPE', 'LEASE_BATCH', 'pending'],
      [420, 'INITIALIZE_TAPES', 'SYSTEM', 'holding-until'],
    ]);
  });

  it('reads the /FULL detail of an entry: submitted, qualifiers wrapped onto the next line, file', () => {
    const daily = listing('tape-backup-busy.txt').queues[0]?.entries[0];
    expect(daily).toMatchObject({
      queue: 'TAPE_BACKUP',
      submitted: { text: '25-NOV-2026 06:05:00.12', iso: '2026-11-25T06:05:00.120' },
      priority: 100,
      logFile: 'DISK$MENTAT:[USER_DIR.LEASECOMM]DAILY_BACKUP.LOG',
      file: '_DSA1:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM;12',
      completed: null,
      details: [],
      line: 7,
    });
    expect(daily?.submitQualifiers.map((qualifier) => qualifier.name)).toEqual(['KEEP', 'LOG', 'NOPRINTER', 'PRIORITY']);
  });

  it('reads a job name longer than 15 characters with its username and status on the next line', () => {
    const consolidated = listing('tape-backup-busy.txt').queues[0]?.entries[1];
    expect(consolidated).toMatchObject({ entry: 418, jobName: 'CONSOLIDATED_BACKUP_TO_TAPE', username: 'LEASE_BATCH', line: 11 });
  });

  it('reads "Holding until" with its release time, and /PARAM and /AFTER of INITIALIZE_TAPES', () => {
    const initialize = listing('tape-backup-busy.txt').queues[0]?.entries[2];
    expect(initialize?.status).toEqual({
      state: 'holding-until',
      text: 'Holding until 26-NOV-2026 05:30:00.00',
      until: { text: '26-NOV-2026 05:30:00.00', iso: '2026-11-26T05:30:00.000' },
      detail: null,
    });
    expect(initialize?.parameters).toEqual(['3']);
    expect(initialize?.after?.iso).toBe('2026-11-26T05:30:00.000');
  });

  it('reads retained entries: on completion, and on error with the message the job ended with', () => {
    const [queue] = listing('time-blt4-retained.txt').queues;
    expect(queue?.retain).toBe('ERROR');
    const [data, documentJob] = queue?.entries ?? [];
    expect(data).toMatchObject({ entry: 387, jobName: 'RMU_BACKUP_DATA', status: { state: 'retained-on-completion' } });
    expect(data?.completed?.iso).toBe('2026-11-24T09:47:31.600');
    expect(data?.completedOnQueue).toBe('TIME_BLT4');
    expect(documentJob).toMatchObject({ entry: 395, jobName: 'RMU_BACKUP_DOCUMENT', status: { state: 'retained-on-error' } });
    expect(documentJob?.statusMessages).toMatchObject([{ facility: 'RMU', severity: 'F', ident: 'FATALERR', text: 'fatal error on BACKUP', line: 14 }]);
    expect(documentJob?.logFile).toBe('DISK$MENTAT:[USER_DIR.LEASECOMM]RMU_BACKUP_DOCUMENT.LOG');
  });

  it('reads a 15-character job name that fills its column exactly', () => {
    expect(listing('time-blt4-retained.txt').queues[0]?.entries[0]?.jobName).toBe('RMU_BACKUP_DATA');
  });

  it('reads several queues: a generic queue and its targets, wrapped attributes, every state', () => {
    const { queues } = listing('all-batch-queues.txt');
    expect(queues.map((queue) => [queue.name, queue.generic, queue.states, queue.node, queue.entries.length])).toEqual([
      ['SYS$BATCH', true, [], null, 0],
      ['TAPE_BACKUP', false, ['available'], 'BLT4', 2],
      ['TIME_BLT4', false, ['available'], 'BLT4', 3],
      ['SYS$BATCH_BLT3', false, ['stopped'], 'BLT3', 0],
    ]);
    expect(queues[0]?.genericTargets).toEqual(['TIME_BLT4', 'TAPE_BACKUP']);
    expect(queues[1]).toMatchObject({ jobLimit: 2, retain: 'ERROR', protection: '(S:M,O:D,G:R,W:S)' });
    expect(queues.flatMap((queue) => queue.entries.map((entry) => entry.status.state))).toEqual(['executing', 'holding', 'aborting', 'starting', 'executing']);
  });

  it('reads an idle queue with no entries', () => {
    expect(listing('idle-empty.txt').queues).toMatchObject([{ name: 'TIME_BLT4', states: ['idle'], entries: [] }]);
  });

  it("reads another site's printer queue with a Blocks column and the older header without a comma", () => {
    const [printer, batch] = listing('other-site-print-and-batch.txt').queues;
    expect(printer).toMatchObject({ name: 'ACCT_LASER', kind: 'printer', node: 'ORION', device: 'LPA0', otherHeaderParts: ['mounted form DEFAULT'] });
    expect(printer?.entries.map((entry) => [entry.entry, entry.blocks, entry.status.state])).toEqual([
      [208, 412, 'printing'],
      [211, 96, 'pending'],
    ]);
    expect(batch).toMatchObject({ name: 'NIGHT_BATCH', node: 'ORION', states: [] });
    expect(batch?.entries.map((entry) => entry.status.state)).toEqual(['stalled', 'suspended', 'retained-on-error']);
    expect(batch?.entries[2]?.statusMessages[0]).toMatchObject({ facility: 'SYSTEM', severity: 'F', ident: 'EXQUOTA' });
  });

  it('answers %JBC-E-NOSUCHQUE as the host saying no, not as a parse error', () => {
    const result = parseShowQueue(fixture('show-queue', 'nosuchque.txt'));
    expect(result).toMatchObject({ ok: true, refused: true, refusal: { worstSeverity: 'E', messages: [{ facility: 'JBC', ident: 'NOSUCHQUE', line: 1 }] } });
  });

  it('keeps a message printed between queues, with its line', () => {
    const text = `${fixture('show-queue', 'idle-empty.txt')}%JBC-E-NOSUCHQUE, no such queue\n`;
    const result = parseShowQueue(text);
    expect(result.ok && !result.refused && result.value.messages).toMatchObject([{ ident: 'NOSUCHQUE', line: 3 }]);
  });

  it('warns about a status it does not know, and keeps it', () => {
    const text =
      'Batch queue Q, idle, on N::\n\n  Entry  Jobname         Username     Status\n  -----  -------         --------     ------\n      7  JOB             USER         Defrosting\n';
    const result = parseShowQueue(text);
    expect(result).toMatchObject({
      ok: true,
      refused: false,
      value: { queues: [{ entries: [{ status: { state: 'unknown', text: 'Defrosting' } }] }] },
      warnings: [{ line: 5 }],
    });
  });

  describe('unreadable output', () => {
    it('names the line and what was expected', () => {
      expect(parseShowQueue('\nBatch queue TAPE_BACKUP, idle, on BLT4::\nGarbage here\n')).toEqual({
        ok: false,
        error: { line: 3, text: 'Garbage here', expected: 'a queue header such as "Batch queue TAPE_QUEUE, idle, on NODE1::"' },
      });
    });

    it('a long job name with nothing after it is cut short', () => {
      const lines = fixture('show-queue', 'tape-backup-busy.txt').split('\r\n').slice(0, 11);
      expect(parseShowQueue(lines.join('\r\n'))).toMatchObject({
        ok: false,
        error: { line: 11, text: '    418  CONSOLIDATED_BACKUP_TO_TAPE', expected: expect.stringContaining('on the next line') },
      });
    });

    it('a table without its dashed line', () => {
      expect(
        parseShowQueue('Batch queue Q, idle, on N::\n\n  Entry  Jobname         Username     Status\n    412  JOB             USER         Pending\n'),
      ).toMatchObject({
        ok: false,
        error: { line: 4, expected: expect.stringContaining('dashed line') },
      });
    });

    it('a holding time that is not a time', () => {
      const text = fixture('show-queue', 'tape-backup-busy.txt').replace('Holding until 26-NOV-2026', 'Holding until 31-NOV-2026');
      expect(parseShowQueue(text)).toMatchObject({ ok: false, error: { line: 17, expected: expect.stringContaining('release time') } });
    });

    it('empty output', () => {
      expect(parseShowQueue('')).toMatchObject({ ok: false, error: { line: 1, text: '' } });
      expect(parseShowQueue('\r\n\r\n')).toMatchObject({ ok: false, error: { line: 1 } });
    });
  });
});

describe('queue attribute lines', () => {
  it('keeps a bare word of a printer queue list, and the time of /AFTER with its date', () => {
    const text = [
      'Printer queue LPA0, idle, on NODE1::LPA0, mounted form DEFAULT',
      '  /BASE_PRIORITY=4 /DEFAULT=(FEED,FORM=DEFAULT) Lowercase',
      '  Lowercase /OWNER=[SYSTEM] /PROTECTION=(S:M,O:D,G:R,W:W)',
      '',
    ].join('\n');
    const result = parseShowQueue(text);
    expect(result.ok && !result.refused && result.value.queues[0]?.qualifiers).toEqual([
      { name: 'BASE_PRIORITY', value: '4' },
      { name: 'DEFAULT', value: '(FEED,FORM=DEFAULT)' },
      { name: 'LOWERCASE', value: null },
      { name: 'LOWERCASE', value: null },
      { name: 'OWNER', value: '[SYSTEM]' },
      { name: 'PROTECTION', value: '(S:M,O:D,G:R,W:W)' },
    ]);
  });
});

describe('parseShowQueue: the Blocks column and the user an entry runs as', () => {
  it("reads the batch table as OpenVMS prints it, with the Blocks column: each entry's user, blocks and queue", () => {
    const { queues } = listing('blocks-column-batch-user.txt');
    expect(queues.map((queue) => [queue.name, queue.states])).toEqual([
      ['TAPE_BACKUP', ['busy']],
      ['TIME_BLT4', ['available']],
    ]);
    expect(queues.flatMap((queue) => queue.entries.map((e) => [e.queue, e.entry, e.jobName, e.username, e.blocks, e.status.state]))).toEqual([
      ['TAPE_BACKUP', 1219, 'TAPEOPS_RMU_BACKUP_LEASE_DATA_4K7Q2M', 'LEASE_BATCH', 12, 'executing'],
      ['TAPE_BACKUP', 1221, 'TAPEOPS_INITIALIZE_TAPES_9ZK31B', 'SYSTEM', 3, 'pending'],
      ['TIME_BLT4', 1220, 'BLT_CLEANUP', 'LEASE_BATCH', 4, 'executing'],
      ['TIME_BLT4', 1217, 'RMU_BACKUP_DOCUMENT', 'LEASE_BATCH', 9, 'retained-on-error'],
    ]);
  });

  it('reads the detail under a wrapped row with blocks: the Submitted line continued, the message and its - continuation', () => {
    const [tape, time] = listing('blocks-column-batch-user.txt').queues;
    expect(tape?.entries[0]).toMatchObject({
      submitted: { iso: '2026-12-03T09:14:22.510' },
      logFile: 'DISK$MENTAT:[USER_DIR.LEASECOMM]TAPEOPS_RMU_BACKUP_LEASE_DATA_4K7Q2M.LOG',
      file: '_$1$DGA2:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_LEASE_DATA.COM;3',
      priority: 100,
      details: [],
    });
    expect(tape?.entries[1]?.parameters).toEqual(['3']);
    const failed = time?.entries[1];
    expect(
      failed?.statusMessages.map((m) => [m.lead, m.facility, m.severity, m.ident, m.continuation.map((c) => `${c.lead}${c.facility}-${c.severity}-${c.ident}`)]),
    ).toEqual([['%', 'RMU', 'F', 'WRITEERR', ['-RMS-F-FUL']]]);
    expect(failed).toMatchObject({ completed: { iso: '2026-12-03T08:31:56.090' }, completedOnQueue: 'TIME_BLT4', details: [] });
  });

  it('reads what the simulated BLT4 prints after a SUBMIT/USER: the same layout as the fixture', async () => {
    const { siteAt, run } = await import('../../simulator/site-fixture');
    const { site } = siteAt('2026-12-03T09:00:00', { dailyBackup: false });
    await run(
      site,
      'SUBMIT/QUEUE=TAPE_BACKUP/NAME=TAPEOPS_RMU_BACKUP_LEASE_DATA_4K7Q2M/USER=LEASE_BATCH DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_LEASE_DATA.COM',
    );
    const parsed = parseShowQueue((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS TAPE_BACKUP')).output);
    if (!parsed.ok || parsed.refused) throw new Error('unreadable');
    expect(parsed.warnings ?? []).toEqual([]);
    const [entry] = parsed.value.queues[0]?.entries ?? [];
    expect(entry).toMatchObject({ jobName: 'TAPEOPS_RMU_BACKUP_LEASE_DATA_4K7Q2M', username: 'LEASE_BATCH', status: { state: 'executing' }, details: [] });
    // a batch queue's table has no Blocks column since V5.5 (v55-full-all-jobs.txt); SHOW ENTRY has it
    expect(entry?.blocks).toBeNull();
  });
});

describe('parseShowQueue: the layout of OpenVMS V5.5 and later (v55-*.txt)', () => {
  it('reads every state of SHOW QUEUE/FULL/ALL_JOBS: Status at column 46, no Blocks column, four-blank qualifiers', () => {
    const result = parseShowQueue(fixture('show-queue', 'v55-full-all-jobs.txt'));
    if (!result.ok || result.refused) throw new Error('unreadable');
    expect(result.warnings).toEqual([]);
    const [tape, time] = result.value.queues;
    expect(tape).toMatchObject({ name: 'TAPE_BACKUP', states: ['busy'], jobLimit: 1, retain: 'ERROR', description: null, otherLines: [] });
    expect(tape?.entries.map((e) => [e.entry, e.jobName, e.username, e.blocks, e.status.state])).toEqual([
      [412, 'DAILY_BACKUP', 'LEASE_BATCH', null, 'executing'],
      [418, 'CONSOLIDATED_BACKUP_TO_TAPE', 'LEASE_BATCH', null, 'pending'],
      [420, 'INITIALIZE_TAPES', 'SYSTEM', null, 'holding-until'],
      [421, 'BLT_CLEANUP', 'LEASE_BATCH', null, 'holding'],
    ]);
    expect(tape?.entries[0]).toMatchObject({
      submitted: { text: '3-AUG-2010 06:05:00.12', iso: '2010-08-03T06:05:00.120' },
      logFile: 'DISK$MENTAT:[USER_DIR.LEASECOMM]DAILY_BACKUP.LOG',
      priority: 100,
      file: '_$1$DGA2:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM;2',
      details: [],
    });
    expect(tape?.entries[0]?.submitQualifiers.map((q) => q.name)).toEqual(['KEEP', 'LOG', 'NOPRINT', 'PRIORITY']);
    expect(tape?.entries[2]?.status).toMatchObject({ text: 'Holding until 4-AUG-2010 05:30:00', until: { iso: '2010-08-04T05:30:00.000' } });
    expect(tape?.entries[2]?.parameters).toEqual(['3']);
    expect(time?.entries.map((e) => [e.jobName, e.status.state, e.completed?.iso, e.completedOnQueue])).toEqual([
      ['RMU_BACKUP_DOCUMENT', 'retained-on-error', '2010-08-03T08:31:56.090', 'TIME_BLT4'],
      ['INITIALIZE_TAPES', 'retained-on-error', '2010-08-03T09:12:33.400', 'TIME_BLT4'],
    ]);
  });

  it('reads the message of a job retained on error, indented 7, with its "-" line', () => {
    const result = parseShowQueue(fixture('show-queue', 'v55-full-all-jobs.txt'));
    if (!result.ok || result.refused) throw new Error('unreadable');
    const [document, initialize] = result.value.queues[1]?.entries ?? [];
    const said = (e: typeof document) =>
      e?.statusMessages.map((m) => [`${m.lead}${m.facility}-${m.severity}-${m.ident}`, m.continuation.map((c) => `${c.lead}${c.facility}-${c.severity}-${c.ident}`)]);
    expect(said(document)).toEqual([['%RMU-F-WRITEERR', ['-RMS-F-FUL']]]);
    expect(said(initialize)).toEqual([['%INIT-F-MEDOFL', []]]);
  });

  it('reads the brief listing: rows only, a long name, a message, no blank line between jobs', () => {
    const result = parseShowQueue(fixture('show-queue', 'v55-brief.txt'));
    if (!result.ok || result.refused) throw new Error('unreadable');
    expect(result.warnings).toEqual([]);
    expect(result.value.queues[0]?.entries.map((e) => [e.entry, e.jobName, e.status.state, e.statusMessages.map((m) => m.ident)])).toEqual([
      [395, 'RMU_BACKUP_DOCUMENT', 'retained-on-error', ['FATALERR']],
      [402, 'BLT_CLEANUP', 'executing', []],
      [405, 'INVOICE_STATEMENT_GENERATE', 'holding-until', []],
      [406, 'RMU_BACKUP_DATA', 'retained-on-completion', []],
    ]);
  });

  it('reads a queue description, and warns about a line under a queue header it does not read instead of stopping', () => {
    const text = [
      'Batch queue TIME_BLT4, idle, on BLT4::',
      '    <Lease batch jobs>',
      '    /BASE_PRIORITY=4 /JOB_LIMIT=3 /OWNER=[SYSTEM] /PROTECTION=(S:M,O:D,G:R,W:S)',
      '         (IDENTIFIER=LEASE_OPS,ACCESS=READ+WRITE+EXECUTE+DELETE+CONTROL)',
      '',
      '  Entry  Jobname         Username             Status',
      '  -----  -------         --------             ------',
      '    402  BLT_CLEANUP     LEASE_BATCH          Executing',
      '         Spooled to nowhere',
    ].join('\r\n');
    const result = parseShowQueue(text);
    if (!result.ok || result.refused) throw new Error(`unreadable: ${JSON.stringify(result)}`);
    const [queue] = result.value.queues;
    expect(queue).toMatchObject({ description: 'Lease batch jobs', jobLimit: 3, otherLines: ['(IDENTIFIER=LEASE_OPS,ACCESS=READ+WRITE+EXECUTE+DELETE+CONTROL)'] });
    expect(queue?.entries[0]?.details).toEqual(['Spooled to nowhere']);
    expect(result.warnings.map((w) => w.line)).toEqual([4, 9]);
  });
});
