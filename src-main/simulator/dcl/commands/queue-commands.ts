/** SHOW QUEUE, SHOW ENTRY, SUBMIT, DELETE/ENTRY, SET ENTRY: the queue manager from DCL. */
import type { CommandDef, ParsedCommand } from '../command-table';
import { has, valueOf, valuesOf } from '../command-table';
import { DclFailure, MSG, messageLine } from '../messages';
import type { DclProcess } from '../process';
import { parseVmsTime } from '../../time/vms-time';
import { showEntries, showQueue, submitConfirmation } from './queue-display';
import { wildcardMatch } from '../../files/file-spec';
import type { BatchEntry } from '../../batch/queue-manager';

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
  qualifiers: [{ name: 'FULL' }, { name: 'ALL_JOBS' }, { name: 'BATCH' }, { name: 'BRIEF' }, { name: 'BY_JOB_STATUS', value: 'optional' }, { name: 'SUMMARY' }, { name: 'OUTPUT', value: 'optional' }, { name: 'DEVICE', value: 'optional' }, { name: 'GENERIC' }],
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
  qualifiers: [{ name: 'FULL' }, { name: 'BRIEF' }, { name: 'USER_NAME', value: 'optional' }, { name: 'BY_JOB_STATUS', value: 'optional' }, { name: 'OUTPUT', value: 'optional' }],
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
    { name: 'RETAIN', value: 'optional', negatable: true },
    { name: 'CLI', value: 'required' },
  ],
  run(process, command) {
    const afterText = valueOf(command, 'AFTER');
    let after: Date | null = null;
    if (afterText !== undefined) {
      after = parseVmsTime(afterText, process.site.now());
      if (after === null) throw DclFailure.of(MSG.IVATIME, [], afterText);
    }
    const { confirmation } = process.site.submit(process.host, {
      file: (command.parameters[0] as { text: string }).text,
      defaults: process.defaults,
      tables: process.tables,
      queue: valueOf(command, 'QUEUE'),
      jobName: valueOf(command, 'NAME'),
      username: valueOf(command, 'USER') ?? process.username,
      parameters: valuesOf(command, 'PARAMETERS'),
      after,
      hold: has(command, 'HOLD'),
      logFile: valueOf(command, 'LOG_FILE'),
      keep: has(command, 'KEEP'),
      printer: !command.qualifiers.get('PRINTER')?.negated,
    });
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
  qualifiers: [{ name: 'RELEASE' }, { name: 'HOLD', negatable: true }, { name: 'AFTER', value: 'required' }, { name: 'PARAMETERS', value: 'required' }, { name: 'NAME', value: 'required' }, { name: 'PRIORITY', value: 'required' }],
  run(process, command) {
    const qm = manager(process);
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
      if (has(command, 'RELEASE') || command.qualifiers.get('HOLD')?.negated === true) qm.release(entry);
    }
    return [];
  },
};
