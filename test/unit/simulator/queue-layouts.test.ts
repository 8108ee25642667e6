/**
 * The simulator's SHOW QUEUE/FULL/ALL_JOBS, SHOW ENTRY/FULL and SUBMIT against the fixtures of the
 * OpenVMS V5.5+ layouts (test/fixtures/vms/show-queue/v55-*, show-entry/v55-full-blocks.txt,
 * submit/holding-until-padded.txt): the same column names at the same columns, the same line
 * shapes for each job state, and the parser reading the simulator's answer back to the entries
 * its queue manager holds. A simulator that drifts from the fixtures, or a parser that stops
 * reading them, fails here.
 */
import { describe, expect, it } from 'vitest';
import { parseShowEntry, parseShowQueue, parseSubmit, type QueueEntry } from '../../../shared/vms/parsers';
import type { MessageLine } from '../../../shared/vms/messages';
import type { BatchEntry } from '../../../src-main/simulator/batch/queue-manager';
import { vmsDateTime } from '../../../src-main/simulator/time/vms-time';
import { fixture } from '../vms/parsers/fixtures';
import { nextSubmission, run, siteAt } from './site-fixture';

const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';
// %RMS-F-FUL as a condition value: severity F, so the job ended in error
const RMS_FUL = 0x1828c;

/** What a line of a queue display is, by its indentation and first characters. */
type Shape =
  | 'queue-header'
  | 'qualifiers'
  | 'blank'
  | 'column-names'
  | 'rule'
  | 'row'
  | 'long-name-row'
  | 'row-rest'
  | 'message'
  | 'message-continuation'
  | 'on-queue'
  | 'submitted'
  | 'submitted-continuation'
  | 'file'
  | 'completed'
  | 'unknown';

function shapeOf(line: string): Shape {
  if (line === '') return 'blank';
  if (/^(Generic )?Batch queue \S+/.test(line)) return 'queue-header';
  if (/^ {4}\/\S/.test(line)) return 'qualifiers';
  if (/^ {2}Entry {2}Jobname {9}Username/.test(line)) return 'column-names';
  if (/^ {2}-{5} {2}-{7} {9}-{8}/.test(line)) return 'rule';
  if (/^ {0,6}\d{1,7} {2}\S{1,15} +\S/.test(line) && line.length > 25) return 'row';
  if (/^ {0,6}\d{1,7} {2}\S{16,}$/.test(line)) return 'long-name-row';
  if (/^ {25}\S/.test(line)) return 'row-rest';
  if (/^ {7}%\S/.test(line)) return 'message';
  if (/^ {7}-\S/.test(line)) return 'message-continuation';
  if (/^ {9}On (stopped )?batch queue \S+$/.test(line)) return 'on-queue';
  if (/^ {9}Submitted (\d\d| \d)-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d\.\d\d( \/\S+)*$/.test(line)) return 'submitted';
  if (/^ {9}\/\S+( \/\S+)*$/.test(line)) return 'submitted-continuation';
  if (/^ {9}File: \S+$/.test(line)) return 'file';
  if (/^ {9}Completed (\d\d| \d)-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d\.\d\d on queue \S+$/.test(line)) return 'completed';
  return 'unknown';
}

/** Each job of a display as the shapes of its lines (the qualifier lines that continue one another as one), keyed by its status. */
function jobShapes(lines: string[]): { status: string; shapes: string }[] {
  const jobs: { status: string; shapes: Shape[] }[] = [];
  let current: { status: string; shapes: Shape[] } | null = null;
  for (const line of lines) {
    const shape = shapeOf(line);
    if (shape === 'row' || shape === 'long-name-row') {
      current = { status: shape === 'row' ? statusAt(line) : '', shapes: [shape] };
      jobs.push(current);
      continue;
    }
    if (shape === 'queue-header' || shape === 'column-names') current = null;
    if (current === null) continue;
    if (shape === 'row-rest') current.status = statusAt(line);
    const last = current.shapes[current.shapes.length - 1];
    if (shape === 'submitted-continuation' && (last === 'submitted' || last === 'submitted-continuation')) continue;
    current.shapes.push(shape);
  }
  return jobs.map((job) => ({ status: job.status.replace(/^Holding until.*/, 'Holding until'), shapes: job.shapes.join(' ') }));
}

const STATUS_COLUMN = 46;

function statusAt(line: string): string {
  return line.slice(STATUS_COLUMN);
}

/** The column where each name of the column-names line starts (or, for the right-aligned Entry and Blocks, ends). */
function columns(lines: string[]): Record<string, number> {
  const names = lines.find((line) => shapeOf(line) === 'column-names') ?? '';
  const found: Record<string, number> = {};
  for (const name of ['Jobname', 'Username', 'Status']) found[name] = names.indexOf(name);
  found.EntryEnd = names.indexOf('Entry') + 'Entry'.length;
  if (names.includes('Blocks')) found.BlocksEnd = names.indexOf('Blocks') + 'Blocks'.length;
  return found;
}

/** Where the fields of each entry row sit, with a long name's row and the line after it as one. */
function rowFields(lines: string[]): { entryEnd: number; jobname: number; username: number; status: number; blocksEnd?: number }[] {
  const rows: { entryEnd: number; jobname: number; username: number; status: number; blocksEnd?: number }[] = [];
  lines.forEach((line, i) => {
    const shape = shapeOf(line);
    if (shape !== 'row' && shape !== 'long-name-row') return;
    const rest = shape === 'row' ? line : (lines[i + 1] ?? '');
    const entryEnd = (/^ *\d+/.exec(line)?.[0] ?? '').length;
    const usernameAt = shape === 'row' ? line.slice(24).search(/\S/) + 24 : rest.search(/\S/);
    const blocks = /\S+ +(\d+) {2}\S/.exec(rest.slice(usernameAt));
    rows.push({
      entryEnd,
      jobname: line.slice(entryEnd).search(/\S/) + entryEnd,
      username: usernameAt,
      status: rest.length - rest.slice(STATUS_COLUMN).length,
      ...(blocks === null ? {} : { blocksEnd: usernameAt + (blocks.index ?? 0) + blocks[0].length - 3 }),
    });
  });
  return rows;
}

/** The lines of an answer, without the line end after the last one. */
function lines(text: string): string[] {
  return text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
}

/** A site on 3-AUG-2010 holding one job in each state that matters, and its queue manager. */
async function siteWithEveryState() {
  const { site, clock } = siteAt('2010-08-03T09:00:00', { dailyBackup: false });
  const manager = site.inspect('BLT4').queues;
  if (manager === undefined) throw new Error('BLT4 has no queue manager');
  // a job that fails on its own: no tape in the drive, %MOUNT-F-MEDOFL
  site.faults.mediumOffline();
  await run(site, 'SUBMIT/QUEUE=TIME_BLT4/RETAIN=ERROR/NAME=INITIALIZE_TAPES/PARAMETER=3/NOPRINTER/KEEP SYS$LOGIN:INITIALIZE_TAPES.COM');
  // one whose last message has a "-" line under it, ended through the queue manager as a job ends
  const held = nextSubmission(site);
  await run(site, `SUBMIT/QUEUE=TIME_BLT4/RETAIN=ERROR/HOLD/NAME=RMU_BACKUP_DOCUMENT/USER=LEASE_BATCH/NOPRINTER/KEEP ${PROCEDURES}RMU_BACKUP_DOCUMENT.COM`);
  manager.complete(await held, RMS_FUL, [
    '%RMU-F-WRITEERR, error writing DISK$BACKUP_01:[LEASE_BACKUP]DOCUMENT_DATA_BACKUP.RBF;',
    '-RMS-F-FUL, device full (insufficient space for allocation)',
  ]);
  clock.advanceMinutes(30);
  const submits = [
    `SUBMIT/QUEUE=TAPE_BACKUP/NAME=DAILY_BACKUP/USER=LEASE_BATCH/NOPRINTER/KEEP ${PROCEDURES}DAILY_BACKUP.COM`,
    `SUBMIT/QUEUE=TAPE_BACKUP/NAME=CONSOLIDATED_BACKUP_TO_TAPE/USER=LEASE_BATCH/NOPRINTER/KEEP ${PROCEDURES}BLT_CLEANUP.COM`,
    `SUBMIT/QUEUE=TAPE_BACKUP/NAME=BLT_CLEANUP/HOLD/NOPRINTER/KEEP ${PROCEDURES}BLT_CLEANUP.COM`,
    `SUBMIT/QUEUE=TIME_BLT4/NAME=INVOICE_STATEMENT_GENERATE/USER=LEASE_BATCH/AFTER=TOMORROW+07:30/NOPRINTER/KEEP ${PROCEDURES}BLT_CLEANUP.COM`,
  ];
  const confirmations: string[] = [];
  for (const submit of submits) confirmations.push((await run(site, submit)).output);
  return { site, manager, confirmations };
}

function expectSameEntries(parsed: QueueEntry[], held: BatchEntry[]): void {
  const mine = [...held].sort((a, b) => a.entry - b.entry);
  expect(parsed.map((e) => e.entry)).toEqual(mine.map((e) => e.entry));
  parsed.forEach((entry, i) => {
    const own = mine[i] as BatchEntry;
    expect(entry).toMatchObject({
      jobName: own.jobName,
      username: own.username,
      queue: own.queue.name,
      file: own.file,
      logFile: own.logFile,
      submitted: { text: vmsDateTime(own.submitted, { pad: true }).trim() },
      completed: own.completedAt === null ? null : { text: vmsDateTime(own.completedAt, { pad: true }).trim() },
      details: [],
    });
    const state = {
      executing: 'executing',
      pending: 'pending',
      holding: 'holding',
      'holding-until': 'holding-until',
      'retained-error': 'retained-on-error',
      'retained-completion': 'retained-on-completion',
    }[own.state];
    expect(entry.status.state).toBe(state);
    if (own.state === 'holding-until') expect(entry.status.until?.text).toBe(vmsDateTime(own.after as Date, { pad: true, hundredths: false }).trim());
  });
}

describe('SHOW QUEUE/FULL/ALL_JOBS in the layout of OpenVMS V5.5 and later', () => {
  it('has the column names of the fixture, where the fixture has them, and no Blocks column', async () => {
    const { site } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS')).output);
    const model = lines(fixture('show-queue', 'v55-full-all-jobs.txt'));
    expect(columns(output)).toEqual(columns(model));
    expect(columns(output)).toEqual({ EntryEnd: 7, Jobname: 9, Username: 25, Status: STATUS_COLUMN });
    // the column names and the rule under them, to the character, in every queue that holds jobs
    const tableHead = (text: string[]) => [...new Set(text.filter((line) => shapeOf(line) === 'column-names' || shapeOf(line) === 'rule'))];
    expect(tableHead(output)).toEqual(tableHead(model));
  });

  it('puts every field of every row, and of the line after a long job name, under its column', async () => {
    const { site } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS')).output);
    const model = lines(fixture('show-queue', 'v55-full-all-jobs.txt'));
    const expected = { entryEnd: 7, jobname: 9, username: 25, status: STATUS_COLUMN };
    expect(rowFields(model).every((row) => JSON.stringify(row) === JSON.stringify(expected))).toBe(true);
    const rows = rowFields(output);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row).toEqual(expected);
  });

  it('prints each job in one of the line shapes the fixture has for its status', async () => {
    const { site } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS')).output);
    const model = lines(fixture('show-queue', 'v55-full-all-jobs.txt'));
    expect(output.filter((line) => shapeOf(line) === 'unknown')).toEqual([]);
    const modelShapes = jobShapes(model);
    const jobs = jobShapes(output);
    expect(new Set(jobs.map((job) => job.status))).toEqual(new Set(['Executing', 'Pending', 'Holding', 'Holding until', 'Retained on error']));
    for (const job of jobs) expect(modelShapes.filter((m) => m.status === job.status).map((m) => m.shapes)).toContain(job.shapes);
    // the states the test means: a long name, and an error message with its "-" line
    expect(jobs.some((job) => job.shapes.startsWith('long-name-row row-rest'))).toBe(true);
    expect(jobs.filter((job) => job.status === 'Retained on error').map((job) => job.shapes.split(' submitted')[0])).toEqual([
      'long-name-row row-rest message',
      'long-name-row row-rest message message-continuation',
    ]);
  });

  it('indents the queue qualifiers by four blanks, pads single-digit days, writes /NOPRINT, and the release time without hundredths', async () => {
    const { site } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS')).output);
    expect(output.filter((line) => line.startsWith('  /'))).toEqual([]);
    expect(output.filter((line) => shapeOf(line) === 'qualifiers').length).toBeGreaterThanOrEqual(3);
    expect(output.filter((line) => /Submitted|Completed/.test(line)).every((line) => / {9}(Submitted|Completed) {2}3-AUG-2010 /.test(line))).toBe(true);
    expect(output.join('\n')).not.toMatch(/NOPRINTER/);
    expect(output.some((line) => / \/NOPRINT( |$)/.test(line))).toBe(true);
    expect(output.find((line) => line.includes('Holding until'))).toMatch(/ {2}Holding until {2}4-AUG-2010 07:30:00$/);
  });

  it('is read back by the parser to the entries the queue manager holds, with no warning', async () => {
    const { site, manager } = await siteWithEveryState();
    const result = parseShowQueue((await run(site, 'SHOW QUEUE/FULL/ALL_JOBS')).output);
    if (!result.ok || result.refused) throw new Error(`unreadable: ${JSON.stringify(result)}`);
    expect(result.warnings).toEqual([]);
    for (const queue of result.value.queues) {
      const own = manager.queue(queue.name);
      if (own === undefined) throw new Error(`no queue ${queue.name}`);
      expectSameEntries(queue.entries, manager.entriesOf(own));
    }
    // each failed job's last message, and the "-" lines under it, as the job ended with them
    const failed = result.value.queues.flatMap((q) => q.entries).filter((e) => e.status.state === 'retained-on-error');
    expect(failed.map((e) => e.jobName).sort()).toEqual(['INITIALIZE_TAPES', 'RMU_BACKUP_DOCUMENT']);
    for (const entry of failed) {
      const own = manager.entries.find((e) => e.entry === entry.entry);
      const text = (m: MessageLine) => `${m.lead}${m.facility}-${m.severity}-${m.ident}, ${m.text}`;
      const read = entry.statusMessages.flatMap((m) => [text(m), ...m.continuation.map(text)]);
      const from = own?.completionMessages.findLastIndex((m) => m.startsWith('%')) ?? -1;
      expect(read).toEqual(own?.completionMessages.slice(from));
    }
    expect(failed.find((e) => e.jobName === 'RMU_BACKUP_DOCUMENT')?.statusMessages[0]?.continuation.map((m) => m.ident)).toEqual(['FUL']);
  });

  it("without /FULL: the rows and the error message only, no blank line between jobs, in the brief fixture's shapes", async () => {
    const { site } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW QUEUE/ALL_JOBS TIME_BLT4')).output);
    const model = lines(fixture('show-queue', 'v55-brief.txt'));
    expect(columns(output)).toEqual(columns(model));
    const modelShapes = new Set(jobShapes(model).map((job) => job.shapes.replace(/ message-continuation/g, '')));
    for (const job of jobShapes(output)) expect(modelShapes).toContain(job.shapes.replace(/ message-continuation/g, ''));
    const table = output.slice(output.findIndex((line) => shapeOf(line) === 'rule') + 1);
    expect(table.filter((line) => line === '')).toEqual([]);
  });
});

describe('SHOW ENTRY/FULL with its Blocks column', () => {
  it('has the column names and columns of the fixture, and each job in a shape the fixture has', async () => {
    const { site, manager } = await siteWithEveryState();
    const output = lines((await run(site, 'SHOW ENTRY/FULL *')).output);
    const model = lines(fixture('show-entry', 'v55-full-blocks.txt'));
    expect(columns(output)).toEqual(columns(model));
    expect(columns(output)).toEqual({ EntryEnd: 7, Jobname: 9, Username: 25, BlocksEnd: 44, Status: STATUS_COLUMN });
    const expected = { entryEnd: 7, jobname: 9, username: 25, status: STATUS_COLUMN, blocksEnd: 44 };
    for (const row of rowFields(model)) expect(row).toEqual(expected);
    for (const row of rowFields(output)) expect(row).toEqual(expected);
    expect(output.filter((line) => shapeOf(line) === 'unknown')).toEqual([]);
    const modelShapes = new Set(jobShapes(model).map((job) => job.shapes));
    const jobs = jobShapes(output);
    for (const job of jobs) {
      const generic = job.shapes.replace(/^long-name-row row-rest/, 'row').replace(/ message( message-continuation)*/, '');
      expect([...modelShapes].map((s) => s.replace(/^long-name-row row-rest/, 'row').replace(/ message( message-continuation)*/, ''))).toContain(generic);
    }
    const result = parseShowEntry(output.join('\r\n'));
    if (!result.ok || result.refused) throw new Error(`unreadable: ${JSON.stringify(result)}`);
    expect(result.warnings).toEqual([]);
    expectSameEntries(result.value.entries, manager.entries);
    for (const entry of result.value.entries) expect(entry.blocks).toBe(manager.entries.find((e) => e.entry === entry.entry)?.blocks);
  });
});

describe('SUBMIT', () => {
  it('answers a held job with the release time padded, to the minute, as the fixture does, and the parser reads it', async () => {
    const { confirmations, manager } = await siteWithEveryState();
    const held = confirmations[3] ?? '';
    const model = fixture('submit', 'holding-until-padded.txt').trim();
    const shape = (text: string) => text.trim().replace(/^Job \S+ \(queue \S+, entry \d+\) holding until /, 'Job N (queue Q, entry E) holding until ');
    expect(shape(held).replace(/ [ \d]\d-[A-Z]{3}-\d{4} \d\d:\d\d$/, ' DATE')).toBe(shape(model).replace(/ [ \d]\d-[A-Z]{3}-\d{4} \d\d:\d\d$/, ' DATE'));
    expect(held.trim()).toMatch(/holding until {2}4-AUG-2010 07:30$/);
    const parsed = parseSubmit(held);
    if (!parsed.ok || parsed.refused) throw new Error('unreadable');
    const own = manager.entries.find((e) => e.entry === parsed.value.entry);
    expect(parsed.value).toMatchObject({
      jobName: 'INVOICE_STATEMENT_GENERATE',
      queue: 'TIME_BLT4',
      state: 'holding-until',
      holdingUntil: { iso: '2010-08-04T07:30:00.000' },
    });
    expect(own?.jobName).toBe('INVOICE_STATEMENT_GENERATE');
    const started = parseSubmit(confirmations[0] ?? '');
    expect(started.ok && !started.refused && started.value).toMatchObject({ jobName: 'DAILY_BACKUP', state: 'started', startedOn: 'TAPE_BACKUP', form: 'current' });
  });
});
