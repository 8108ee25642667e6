/**
 * Runs a batch job: creates its process (BATCH_<entry>, under the job's user), opens its log (a
 * new version, held open while the job runs), plays its script event by event in simulated time,
 * writes out its output to the log once a minute (SET OUTPUT_RATE, ./output-rate), writes the
 * accounting trailer and tells the queue manager how it ended: with the status the
 * procedure exited with (the last command's $STATUS), or the one that stopped it.
 */
import type { SiteJob } from '../../../shared/site/schema';
import { MSG, messageLine } from '../dcl/messages';
import type { HostState } from '../host/host-state';
import type { SiteLayout } from '../host/site-layout';
import type { VmsFile } from '../files/volumes';
import type { TapeDrive } from '../drive/tape-drive';
import type { Faults } from '../faults/fault-control';
import { accountingTrailer } from './accounting';
import { DEFAULT_OUTPUT_RATE_MS } from './output-rate';
import { submitCommand } from './commands';
import { loginEcho } from './log-header';
import { errorHandlingOf, JobFailure, type JobContext } from './job-context';
import { scriptFor } from './job-scripts';
import { batchProcessName, type BatchEntry, type QueueManager } from './queue-manager';

export interface RunnerDeps {
  host: HostState;
  layout: SiteLayout;
  manager: QueueManager;
  drive: TapeDrive | undefined;
  faults: Faults;
  now(): Date;
  schedule(at: Date, run: () => void): void;
  /** Submits a profile job from inside a job, as the job's own user; returns SUBMIT's confirmation line. */
  submitFromJob(host: HostState, job: SiteJob, at: string | undefined, username: string): string;
}

function openLog(deps: RunnerDeps, entry: BatchEntry): VmsFile | null {
  const { host } = deps;
  const user = host.users.get(entry.username);
  const defaults = user?.login ?? deps.layout.logs;
  try {
    const spec = host.resolve(host.processTables(entry.username, entry.process?.pid ?? '00000000'), defaults, entry.logFile);
    const directory = spec.disk.ensureDirectory(spec.directory, deps.now());
    return directory.add({
      name: spec.parts.name ?? entry.jobName,
      type: spec.parts.type ?? 'LOG',
      blocks: 1,
      created: deps.now(),
      modified: deps.now(),
      owner: `[${entry.username}]`,
      records: [],
      openForWrite: true,
    });
  } catch {
    return null;
  }
}

export function runJob(deps: RunnerDeps, entry: BatchEntry, job: SiteJob | null): void {
  const started = deps.now();
  entry.process = { pid: deps.host.nextPid(), name: batchProcessName(entry.entry), username: entry.username, entry: entry.entry, startedAt: started };
  const log = openLog(deps, entry);
  let mounted = 0;
  let bytes = 0;
  // what the job has written but the batch system has not yet put in the log file
  const buffered: string[] = [];
  const write = (line: string) => {
    if (log !== null && log.records !== null) buffered.push(line);
  };
  const flush = () => {
    if (log === null || log.records === null || buffered.length === 0) return;
    for (const line of buffered) bytes += line.length + 2;
    log.records.push(...buffered);
    buffered.length = 0;
    log.blocks = Math.max(1, Math.ceil(bytes / 512));
    log.modified = deps.now();
  };
  const outputRate = entry.outputRateMs ?? DEFAULT_OUTPUT_RATE_MS;
  const flushOnTime = () => {
    if (finished) return;
    flush();
    deps.schedule(new Date(deps.now().getTime() + outputRate), flushOnTime);
  };
  const ctx: JobContext = {
    entry,
    host: deps.host,
    layout: deps.layout,
    job,
    faults: deps.faults,
    drive: deps.drive,
    errorHandling: entry.errorHandling ?? errorHandlingOf(null),
    status: 1,
    statusMessages: [],
    now: deps.now,
    log: (...lines) => lines.forEach(write),
    command: (text) => {
      write(`$ ${text}`);
      // every command sets $STATUS; EXIT with no value leaves it as the last command set it
      if (!/^EXIT\b/.test(text)) {
        ctx.status = 1;
        ctx.statusMessages = [];
      }
    },
    submit: (target, at) => {
      write(`$ ${submitCommand(deps.layout, target, at)}`);
      const line = deps.submitFromJob(deps.host, target, at, entry.username);
      write(line);
      // SUBMIT leaves its own status: the confirmation is success, a %SUBMIT-F-CREJOB a severe error
      const refused = line.startsWith('%SUBMIT-F-');
      ctx.status = refused ? MSG.CREJOB.status : 1;
      ctx.statusMessages = refused ? line.split('\r\n') : [];
      return line;
    },
    createFile: () => {
      throw new Error('not used');
    },
    mounted: () => {
      mounted += 1;
    },
  };
  // the job logs in: SYLOGIN's lines are verified before the procedure's own
  for (const line of loginEcho()) write(line);
  const script = scriptFor(ctx);
  let finished = false;
  const finish = (status: number, messages: string[]) => {
    if (finished) return;
    finished = true;
    for (const line of accountingTrailer(entry.username, started, deps.now(), mounted, `${entry.entry}`, deps.host.arch)) write(line);
    // the job's end writes out what is left, and closes the file
    flush();
    if (log !== null) log.openForWrite = false;
    if (deps.drive?.mount?.owner === entry.jobName) deps.drive.mount = null;
    deps.manager.complete(entry, status, messages);
  };
  entry.abort = () => {
    write(messageLine({ facility: 'SYSTEM', severity: 'F', ident: 'ABORT', text: 'abort', status: 0x2c }));
    finish(0x2c, ['%SYSTEM-F-ABORT, abort']);
    deps.manager.delete(entry);
  };
  const step = () => {
    if (finished) return;
    let next: IteratorResult<number, void>;
    try {
      next = script.next();
    } catch (error) {
      if (error instanceof JobFailure) return finish(error.status, error.messages);
      write(messageLine(MSG.IVVALU));
      return finish(MSG.IVVALU.status, [String(error)]);
    }
    // the procedure ran to its EXIT: the job's status is what $STATUS holds then
    if (next.done === true) return finish(ctx.status, (ctx.status & 1) === 1 ? [] : ctx.statusMessages);
    deps.schedule(new Date(deps.now().getTime() + Math.max(0, next.value)), step);
  };
  // the job starts on the next event, so that a queue's dispatch never runs a job inside itself
  deps.schedule(deps.now(), step);
  deps.schedule(new Date(started.getTime() + outputRate), flushOnTime);
}
