/** SHOW QUEUE, SHOW ENTRY, SUBMIT, DELETE/ENTRY, SET ENTRY: the queue manager from DCL. */
import type { CommandDef, ParsedCommand } from '../command-table';
import { has, matchName, valueOf, valuesOf } from '../command-table';
import { DclFailure, MSG, messageLine } from '../messages';
import type { DclProcess } from '../process';
import { parseVmsTime } from '../../time/vms-time';
import { showEntries, showQueue, submitConfirmation } from './queue-display';
import { wildcardMatch } from '../../files/file-spec';
import type { BatchEntry, JobRetention } from '../../batch/queue-manager';

function manager(process: DclProcess) {
  const found = process.site.queues(process.host.name);
  if (found === undefined) throw DclFailure.of(MSG.NOSUCHQUE);
  return found;
}

function noSuchQueue(): DclFailure {
  return new DclFailure([messageLine(MSG.NOSUCHQUE)], MSG.NOSUCHQUE.status);
}

export const SHOW_QUEUE: CommandDef<DclProcess> = {
  name: 'QUEUE',
  maxParameters: 1,
  qualifiers: [
    { name: 'FULL' },
    { name: 'ALL_JOBS' },
    { name: 'BATCH' },
    { name: 'BRIEF' },
    { name: 'BY_JOB_STATUS', value: 'optional' },
    { name: 'SUMMARY' },
    { name: 'OUTPUT', value: 'optional' },
    { name: 'DEVICE', value: 'optional' },
    { name: 'GENERIC' },
  ],
  run(process, command) {
    const qm = manager(process);
    const pattern = command.parameters[0]?.text ?? '*';
    const queues = qm.queues.filter((q) => pattern.split(',').some((p) => wildcardMatch(p.replace(/:$/, ''), q.name)));
    if (queues.length === 0) throw noSuchQueue();
    return showQueue(qm, queues, { full: has(command, 'FULL'), all: has(command, 'ALL_JOBS'), username: process.username });
  },
};

function entryNumbers(process: DclProcess, command: ParsedCommand, values: string[]): BatchEntry[] {
  const qm = manager(process);
  const entries: BatchEntry[] = [];
  for (const value of values.flatMap((v) => v.split(',')).filter((v) => v !== '')) {
    if (!/^\d+$/.test(value)) throw DclFailure.of(MSG.IVVALU, [], value);
    const entry = qm.entry(Number(value));
    if (entry === undefined) throw new DclFailure([messageLine(MSG.NOSUCHENT)], MSG.NOSUCHENT.status);
    entries.push(entry);
  }
  void command;
  return entries;
}

export const SHOW_ENTRY: CommandDef<DclProcess> = {
  name: 'ENTRY',
  maxParameters: 1,
  qualifiers: [
    { name: 'FULL' },
    { name: 'BRIEF' },
    { name: 'USER_NAME', value: 'optional' },
    { name: 'BY_JOB_STATUS', value: 'optional' },
    { name: 'OUTPUT', value: 'optional' },
  ],
  run(process, command) {
    const qm = manager(process);
    const given = command.parameters[0]?.text;
    const user = valueOf(command, 'USER_NAME');
    const entries =
      given === undefined
        ? qm.entries.filter((e) => e.username === (user ?? process.username))
        : given === '*'
          ? [...qm.entries]
          : entryNumbers(process, command, [given]);
    if (entries.length === 0) throw new DclFailure([messageLine(MSG.NOSUCHENT)], MSG.NOSUCHENT.status);
    return showEntries(entries, has(command, 'FULL'));
  },
};

const RETAIN_OPTIONS = ['ALWAYS', 'DEFAULT', 'ERROR', 'UNTIL'];
const DELTA_WITH_DAYS = /^(\d{1,4})-(?:(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,2}))?)?)?)?$/;
const DELTA_CLOCK = /^()(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,2}))?)?$/;

/** A delta time `[dddd-][hh:mm[:ss[.cc]]]` in milliseconds, or null. */
function deltaMs(text: string): number | null {
  const match = DELTA_WITH_DAYS.exec(text) ?? DELTA_CLOCK.exec(text);
  if (match === null) return null;
  const [days, hours, minutes, seconds] = [1, 2, 3, 4].map((i) => Number(match[i] || 0)) as [number, number, number, number];
  const hundredths = Number((match[5] ?? '0').padEnd(2, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + hundredths * 10;
}

/**
 * /RETAIN=option of SUBMIT and SET ENTRY. An UNTIL time is read as OpenVMS reads it: first as a
 * delta time (counted from the job's end), then as a combination, then as an absolute time.
 */
function retentionOf(process: DclProcess, command: ParsedCommand): JobRetention | undefined {
  const qualifier = command.qualifiers.get('RETAIN');
  if (qualifier === undefined) return undefined;
  const value = qualifier.values?.[0] ?? '';
  if (value === '') throw DclFailure.of(MSG.VALREQ, [], 'RETAIN');
  const [keyword = '', ...rest] = value.split('=');
  const option = matchName(keyword, RETAIN_OPTIONS, MSG.IVKEYW, MSG.ABKEYW);
  switch (option) {
    case 'ALWAYS':
      return { kind: 'always' };
    case 'DEFAULT':
      return { kind: 'default' };
    case 'ERROR':
      return { kind: 'error' };
  }
  const time = rest.join('=');
  if (time === '') throw DclFailure.of(MSG.VALREQ, [], 'UNTIL');
  const delta = deltaMs(time.startsWith('+') ? time.slice(1) : time);
  if (delta !== null) return { kind: 'after-end', ms: delta };
  const at = parseVmsTime(time, process.site.now());
  if (at === null) throw DclFailure.of(MSG.IVATIME, [], time);
  return { kind: 'until', at };
}

/**
 * SUBMIT/USER runs the job as another user: OpenVMS asks for CMKRNL (and access to the UAF), and
 * the job controller refuses the job otherwise, whatever the user named.
 */
function checkMayRunAs(process: DclProcess): void {
  if (process.host.users.get(process.username)?.privileges.has('CMKRNL') === true) return;
  throw new DclFailure([messageLine(MSG.CREJOB), messageLine(MSG.NOPRIV, [], true)], MSG.NOPRIV.status);
}

export const SUBMIT: CommandDef<DclProcess> = {
  name: 'SUBMIT',
  minParameters: 1,
  maxParameters: 1,
  qualifiers: [
    { name: 'QUEUE', value: 'required' },
    { name: 'PARAMETERS', value: 'required' },
    { name: 'USER', value: 'required' },
    { name: 'AFTER', value: 'required' },
    { name: 'HOLD', negatable: true },
    { name: 'NAME', value: 'required' },
    { name: 'LOG_FILE', value: 'optional', negatable: true },
    { name: 'PRINTER', value: 'optional', negatable: true },
    { name: 'KEEP', negatable: true },
    { name: 'NOTIFY', negatable: true },
    { name: 'PRIORITY', value: 'required' },
    // SUBMIT takes no /NORETAIN (only the queue commands do); /RETAIN=DEFAULT is its way back
    { name: 'RETAIN', value: 'required', negatable: false },
    { name: 'CLI', value: 'required' },
  ],
  run(process, command) {
    const afterText = valueOf(command, 'AFTER');
    let after: Date | null = null;
    if (afterText !== undefined) {
      after = parseVmsTime(afterText, process.site.now());
      if (after === null) throw DclFailure.of(MSG.IVATIME, [], afterText);
    }
    const retention = retentionOf(process, command);
    const user = valueOf(command, 'USER')?.toUpperCase();
    if (user !== undefined) checkMayRunAs(process);
    const { entry, confirmation } = process.site.submit(process.host, {
      file: (command.parameters[0] as { text: string }).text,
      defaults: process.defaults,
      tables: process.tables,
      queue: valueOf(command, 'QUEUE'),
      jobName: valueOf(command, 'NAME'),
      username: user ?? process.username,
      parameters: valuesOf(command, 'PARAMETERS'),
      after,
      hold: has(command, 'HOLD'),
      logFile: valueOf(command, 'LOG_FILE'),
      keep: has(command, 'KEEP'),
      printer: !command.qualifiers.get('PRINTER')?.negated,
    });
    // the job starts on the site's next event at the earliest, so it has not ended yet
    if (retention !== undefined) manager(process).retain(entry, retention);
    return [confirmation];
  },
};

export const DELETE_ENTRY = (process: DclProcess, command: ParsedCommand): string[] => {
  const values = [...valuesOf(command, 'ENTRY'), ...command.parameters.map((p) => p.text)];
  if (values.length === 0) throw DclFailure.of(MSG.INSFPRM);
  const qm = manager(process);
  for (const entry of entryNumbers(process, command, values)) qm.delete(entry);
  return [];
};

export const SET_ENTRY: CommandDef<DclProcess> = {
  name: 'ENTRY',
  minParameters: 1,
  maxParameters: 1,
  qualifiers: [
    { name: 'RELEASE' },
    { name: 'HOLD', negatable: true },
    { name: 'AFTER', value: 'required' },
    { name: 'PARAMETERS', value: 'required' },
    { name: 'NAME', value: 'required' },
    { name: 'PRIORITY', value: 'required' },
    { name: 'RETAIN', value: 'required', negatable: false },
  ],
  run(process, command) {
    const qm = manager(process);
    const retention = retentionOf(process, command);
    for (const entry of entryNumbers(process, command, [(command.parameters[0] as { text: string }).text])) {
      if (has(command, 'HOLD')) qm.hold(entry);
      const after = valueOf(command, 'AFTER');
      if (after !== undefined) {
        const at = parseVmsTime(after, process.site.now());
        if (at === null) throw DclFailure.of(MSG.IVATIME, [], after);
        entry.after = at;
        if (entry.state === 'pending' || entry.state === 'holding') entry.state = 'holding-until';
      }
      const name = valueOf(command, 'NAME');
      if (name !== undefined) entry.jobName = name;
      const parameters = valuesOf(command, 'PARAMETERS');
      if (parameters.length > 0) entry.parameters = parameters;
      if (retention !== undefined) qm.retain(entry, retention);
      if (has(command, 'RELEASE') || command.qualifiers.get('HOLD')?.negated === true) qm.release(entry);
    }
    return [];
  },
};
