/**
 * The simulated site: every host of the profile with its DCL, disks, logical names, queues and
 * (on the drive's host) the tape loader; the plan's jobs as timed simulations; the scheduler that
 * submits the daily backup at its time on non-Bill Run days (and, unless switched off, starts the
 * Bill Run on Bill Run days); faults on demand.
 */
import type { Clock } from '../../../shared/clock';
import { localDate, systemClock } from '../../../shared/clock';
import { isBillRunDay } from '../../../shared/calendar/bill-run-search';
import type { SiteJob, SiteProfile } from '../../../shared/site/schema';
import { volumeLabelOf } from '../../../shared/tapes/volume-label';
import { logFileOf } from '../batch/commands';
import { outputRateOf } from '../batch/output-rate';
import { errorHandlingOf } from '../batch/job-context';
import { runJob } from '../batch/job-runner';
import { QueueManager, type BatchEntry, type BatchQueue } from '../batch/queue-manager';
import { submitConfirmation } from '../dcl/commands/queue-display';
import { DclFailure, MSG, messageLine } from '../dcl/messages';
import { DclProcess } from '../dcl/process';
import { InteractiveSession, type DclSession } from '../dcl/session';
import { TapeDrive } from '../drive/tape-drive';
import { Faults, type FaultControl } from '../faults/fault-control';
import { ResolveError } from '../files/resolve';
import { buildHosts } from '../host/build-hosts';
import type { HostState } from '../host/host-state';
import { planLayout, type SiteLayout } from '../host/site-layout';
import { EventQueue } from '../time/event-queue';
import { SimulatedTime } from '../time/simulated-time';
import { parseVmsTime } from '../time/vms-time';
import { aijBackupProcedureFile, AIJ_BACKUP_QUEUE } from './aij-backup-procedure';
import type { SiteServices, SubmitRequest } from './site-services';

export interface SimulatedSiteOptions {
  clock?: Clock;
  /** Real seconds one simulated hour takes (3600: real time). */
  secondsPerSimulatedHour?: number;
  /** Simulated time at start (default: the clock's now). */
  startAt?: Date;
  /** When the Bill Run (the billing job) is submitted on Bill Run days; null: never by itself. */
  billRunAt?: string | null;
  /** Whether the daily backup is submitted at its time on non-Bill Run days (default true). */
  dailyBackup?: boolean;
  /** First queue entry number (default 1217). */
  firstEntry?: number;
  /** Real ms a new interactive session waits for the terminal's identification answer. */
  identifyTimeoutMs?: number;
}

const DAY = 24 * 3600 * 1000;

export class SimulatedSiteCore implements SiteServices {
  readonly layout: SiteLayout;
  readonly faults: Faults;
  private readonly time: SimulatedTime;
  private readonly events = new EventQueue();
  private eventTime: number | null = null;
  readonly hostStates: Map<string, HostState>;
  private readonly managers = new Map<string, QueueManager>();
  private readonly sessions = new Map<string, Set<DclSession>>();
  private readonly linkDropListeners = new Set<(host: string | undefined) => void>();
  private readonly options: SimulatedSiteOptions;

  constructor(
    readonly profile: SiteProfile,
    options: SimulatedSiteOptions = {},
  ) {
    this.options = options;
    const clock = options.clock ?? systemClock;
    const start = options.startAt ?? clock.now();
    this.time = new SimulatedTime(clock, options.secondsPerSimulatedHour ?? 3600, start);
    this.layout = planLayout(profile);
    this.hostStates = buildHosts(this.layout, start);
    this.faults = new Faults({
      fillBackupArea: (on) => this.fillBackupArea(on),
      setFileOpen: (spec, on) => this.setFileOpen(spec, on),
      setTapeLabelStale: (slot) => this.setTapeLabelStale(slot),
      setQueueStopped: (queue, on) => this.setQueueStopped(queue, on),
      dropLink: (host) => this.dropLink(host),
      setDriveOffline: (on) => {
        const drive = this.drive(profile.drive.host);
        if (drive !== undefined) drive.offline = on;
      },
    });
    this.setUpDrive(start);
    this.setUpQueues(options.firstEntry ?? 1217);
    // the nightly AIJ backup's procedure has been in the procedures directory for a long time
    const driveHost = this.hostStates.get(profile.drive.host);
    if (driveHost !== undefined) aijBackupProcedureFile(driveHost, this.layout, new Date(start.getTime() - 400 * DAY));
    this.planDay(new Date(start.getFullYear(), start.getMonth(), start.getDate()), start);
  }

  now(): Date {
    return this.eventTime === null ? this.time.now() : new Date(this.eventTime);
  }

  advance(): void {
    this.events.playUntil(this.time.now().getTime(), (at) => {
      this.eventTime = at;
    });
  }

  private schedule = (at: Date, run: () => void): void => {
    this.events.schedule(at, run);
  };

  host(name: string): HostState {
    const host = this.hostStates.get(name.toUpperCase());
    if (host === undefined) throw new Error(`no host ${name} in the site profile (hosts: ${[...this.hostStates.keys()].join(', ')})`);
    return host;
  }

  queues(host: string): QueueManager | undefined {
    return this.managers.get(host);
  }

  drive(host: string): TapeDrive | undefined {
    return this.hostStates.get(host)?.drive;
  }

  private setUpDrive(start: Date): void {
    const { drive } = this.profile;
    const host = this.hostStates.get(drive.host);
    if (host === undefined) return;
    const tapeDrive = new TapeDrive(drive.model, this.layout.tapeDevice, drive.slots, this.layout.tapeCapacityBlocks);
    // yesterday's daily tape sits in the top slot, as the operator left it
    const label = this.profile.tapes.daily.labels[(start.getDate() - 1) % this.profile.tapes.daily.labels.length] ?? 'DAILY';
    tapeDrive.slots[0] = {
      ...tapeDrive.blankTape(label),
      volumeLabel: volumeLabelOf(label, this.profile.tapes.billRun.volumeLabel),
      initializedAt: new Date(start.getTime() - 400 * DAY),
    };
    host.drive = tapeDrive;
  }

  private setUpQueues(firstEntry: number): void {
    for (const host of this.hostStates.values()) {
      const manager = new QueueManager(
        host.name,
        firstEntry + (host.name.charCodeAt(host.name.length - 1) % 10) * 1000,
        () => this.now(),
        this.schedule,
        (entry) => {
          const job = this.layout.profile.jobs.find((j) => j.name === entry.profileJob) ?? null;
          runJob(
            {
              host,
              layout: this.layout,
              manager,
              drive: host.drive,
              faults: this.faults,
              now: () => this.now(),
              schedule: this.schedule,
              submitFromJob: (h, target, at, username) => this.submitJob(h, target, at, username),
            },
            entry,
            job,
          );
        },
      );
      const base = (name: string, jobLimit: number, kind: BatchQueue['kind'], description: string | null, retain: BatchQueue['retain']): BatchQueue => ({
        name,
        host: host.name,
        jobLimit,
        basePriority: 4,
        owner: '[SYSTEM]',
        protection: '(S:M,O:D,G:R,W:S)',
        retain,
        stopped: false,
        description,
        kind,
      });
      manager.addQueue(base('SYS$BATCH', 4, 'general', null, 'ERROR'));
      for (const queue of this.profile.queues.filter((q) => q.host === host.name)) {
        // the tape queue runs one job at a time: there is one drive. The plan gives the site's
        // queues no /RETAIN, so a finished job leaves them unless its own SUBMIT /RETAIN keeps it.
        manager.addQueue(base(queue.name, queue.kind === 'tape' ? 1 : 3, queue.kind, queue.description, null));
      }
      this.managers.set(host.name, manager);
    }
  }

  /** The day's scheduled events, and the next day's planning at midnight. */
  private planDay(day: Date, notBefore: Date): void {
    const date = localDate(day);
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m);
    };
    const later = (when: Date, run: () => void) => {
      if (when.getTime() >= notBefore.getTime()) this.schedule(when, run);
    };
    const billRun = isBillRunDay(this.profile.calendar, date);
    // incremental (AIJ) backups made during the night, for the replication: a job of their own
    later(at('05:00'), () => this.replicationBackups());
    if (this.options.dailyBackup !== false) {
      // "submitted automatically": the scheduler's entry waits in its queue, holding until the next
      // daily backup's time; once that one starts, the next is held (as a job resubmitting itself)
      this.holdNextDailyBackup();
      later(new Date(at(this.profile.calendar.dailyBackup.at).getTime() + 1000), () => this.holdNextDailyBackup());
    }
    const billRunAt = this.options.billRunAt === undefined ? '07:30' : this.options.billRunAt;
    if (billRun && billRunAt !== null && at(billRunAt).getTime() >= notBefore.getTime()) {
      // the Bill Run's first jobs are in their queues from the start of the day, holding until then
      for (const job of this.profile.jobs.filter((j) => j.when === 'billrun' && j.submittedBy.kind === 'scheduler')) {
        this.submitJob(this.host(job.host), job, at(billRunAt));
      }
    }
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    this.schedule(next, () => this.planDay(next, next));
  }

  /** The daily backup's time on the next day it runs (not a Bill Run day), after now. */
  private nextDailyBackupTime(): Date {
    const [h, m] = this.profile.calendar.dailyBackup.at.split(':').map(Number) as [number, number];
    const now = this.now();
    for (let ahead = 0; ahead < 62; ahead += 1) {
      const time = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead, h, m);
      if (time.getTime() > now.getTime() && !isBillRunDay(this.profile.calendar, localDate(time))) return time;
    }
    throw new Error('the calendar has no daily backup day in the next two months');
  }

  /** Keeps one entry of the daily backup job holding until its next run, as the plan's scheduler does. */
  private holdNextDailyBackup(): void {
    const job = this.profile.jobs.find((j) => j.name === this.profile.calendar.dailyBackup.job);
    if (job === undefined) return;
    const host = this.host(job.host);
    const manager = this.managers.get(host.name);
    const queue = manager?.queue(job.queue);
    if (manager === undefined || queue === undefined) return;
    if (manager.entriesOf(queue).some((entry) => entry.profileJob === job.name && entry.state === 'holding-until')) return;
    this.submitJob(host, job, this.nextDailyBackupTime());
  }

  /**
   * Submits the night's after-image journal backup (RMU/BACKUP/AFTER_JOURNAL of the databases whose
   * AIJ files the plan collects) as the batch user, from its procedure in the procedures directory.
   * Plan silent on its queue: not one of the plan's backup jobs, it
   * runs in SYS$BATCH, so the plan's queues list only the plan's jobs.
   */
  private replicationBackups(): void {
    const host = this.hostStates.get(this.profile.drive.host);
    if (host === undefined) return;
    const procedure = aijBackupProcedureFile(host, this.layout, this.now());
    if (procedure === null) return;
    const user = host.users.get(this.profile.batchUser);
    try {
      this.submit(host, {
        file: procedure,
        defaults: user?.login ?? this.layout.logs,
        tables: host.processTables(this.profile.batchUser, '00000000'),
        queue: AIJ_BACKUP_QUEUE,
        jobName: undefined,
        username: this.profile.batchUser,
        parameters: [],
        after: null,
        hold: false,
        logFile: undefined,
        keep: true,
        printer: false,
      });
    } catch (error) {
      if (!(error instanceof DclFailure)) throw error;
    }
  }

  /** SUBMIT, from DCL or from a job. */
  submit(host: HostState, request: SubmitRequest): { entry: BatchEntry; confirmation: string } {
    const manager = this.managers.get(host.name);
    const queue = manager?.queue(request.queue ?? 'SYS$BATCH');
    if (manager === undefined || queue === undefined) {
      throw new DclFailure([messageLine(MSG.CREJOB), messageLine(MSG.NOSUCHQUE, [], true)], MSG.NOSUCHQUE.status);
    }
    let spec;
    try {
      spec = host.resolve(request.tables, request.defaults, request.file);
    } catch (error) {
      if (error instanceof ResolveError) throw new DclFailure([messageLine(MSG.DEV)], MSG.DEV.status);
      throw error;
    }
    const name = spec.parts.name ?? '';
    const type = spec.parts.type === undefined || spec.parts.type === '' ? 'COM' : spec.parts.type;
    const directory = spec.disk.directory(spec.directory);
    const version = typeof spec.parts.version === 'number' && spec.parts.version > 0 ? spec.parts.version : undefined;
    const file = version === undefined ? directory?.highest(name, type) : directory?.versionsOf(name, type).find((f) => f.version === version);
    const shown = `${spec.displayDevice}:[${spec.displayDirectory}]${name}.${type};`;
    if (file === undefined) {
      throw new DclFailure([`%SUBMIT-F-OPENIN, error opening ${shown} as input`, messageLine(directory === undefined ? MSG.DNF : MSG.FNF, [], true)], MSG.FNF.status);
    }
    const profileJob = this.profile.jobs.find((j) => j.host === host.name && j.procedure.endsWith(`${name}.${type}`)) ?? null;
    const jobName = (request.jobName ?? name).slice(0, 39);
    const user = host.users.get(request.username);
    if (user === undefined) throw new DclFailure([messageLine(MSG.CREJOB), '-JBC-E-INVUSER, invalid user name'], 0x00e98332);
    let logFile = request.logFile;
    if (logFile === undefined || logFile === '') logFile = `${user.login.device}:[${user.login.directory}]${jobName}.LOG`;
    else if (logFile.endsWith(']') || logFile.endsWith(':')) logFile = `${logFile}${jobName}.LOG`;
    const entry = manager.submit({
      jobName,
      username: request.username,
      queue,
      file: `_${spec.disk.device}:[${spec.directory}]${name}.${type};${file.version}`,
      blocks: file.blocks,
      profileJob: profileJob?.name ?? null,
      after: request.after,
      hold: request.hold,
      parameters: request.parameters,
      logFile,
      keep: request.keep,
      printer: request.printer,
      priority: 100,
      // as DCL meets the procedure's lines: SET NOON, ON ERROR THEN EXIT, or DCL's default
      errorHandling: errorHandlingOf(file.records),
      outputRateMs: outputRateOf(file.records),
    });
    return { entry, confirmation: submitConfirmation(entry) };
  }

  /**
   * Submits a profile job as the plan's procedures and schedulers do: as the batch user ("All
   * backups should run as USER=LEASE_BATCH"), or as the user of the job that submits it.
   */
  submitJob(host: HostState, job: SiteJob, at: string | Date | undefined, username = this.profile.batchUser): string {
    const user = host.users.get(username);
    const login = user?.login ?? this.layout.logs;
    try {
      const { confirmation } = this.submit(host, {
        file: job.procedure,
        defaults: login,
        tables: host.processTables(username, '00000000'),
        queue: job.queue,
        jobName: job.name,
        username,
        parameters: job.parameters,
        after: at === undefined ? null : at instanceof Date ? at : parseVmsTime(at, this.now()),
        hold: false,
        logFile: logFileOf(this.layout, job.name),
        keep: true,
        printer: false,
      });
      return confirmation;
    } catch (error) {
      if (error instanceof DclFailure) return error.lines.join('\r\n');
      throw error;
    }
  }

  // --- sessions ---

  openSession(hostName: string, username = 'SYSTEM'): DclSession {
    this.advance();
    const host = this.host(hostName);
    const process = new DclProcess(this, host, username.toUpperCase(), true);
    const session = new InteractiveSession(process, {
      identifyTimeoutMs: this.options.identifyTimeoutMs ?? 400,
      outputDelayMs: () => this.faults.slowLinkMs(host.name),
      lastLogin: new Date(this.now().getTime() - 19 * 3600 * 1000),
      // a made-up batch login of the small hours, so the banner has VMS's second line too
      lastNonInteractiveLogin: new Date(this.now().getTime() - 3 * 3600 * 1000),
    });
    const set = this.sessions.get(host.name) ?? new Set();
    set.add(session);
    this.sessions.set(host.name, set);
    session.onClose(() => set.delete(session));
    return session;
  }

  async exec(hostName: string, command: string, username = 'SYSTEM'): Promise<{ output: string; status: number }> {
    const host = this.host(hostName);
    const process = new DclProcess(this, host, username.toUpperCase(), false);
    const result = process.execute(command);
    const delay = this.faults.slowLinkMs(host.name);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return { output: result.lines.map((l) => `${l}\r\n`).join(''), status: result.status };
  }

  onLinkDrop(listener: (host: string | undefined) => void): () => void {
    this.linkDropListeners.add(listener);
    return () => this.linkDropListeners.delete(listener);
  }

  private dropLink(host: string | undefined): void {
    for (const [name, set] of this.sessions) if (host === undefined || host.toUpperCase() === name) for (const session of [...set]) session.close();
    for (const listener of this.linkDropListeners) listener(host?.toUpperCase());
  }

  // --- fault effects ---

  private fillBackupArea(on: boolean): void {
    const host = this.hostStates.get(this.profile.drive.host);
    const disk = host?.diskByLabel(this.layout.backupArea.device.replace(/^DISK\$/, ''));
    if (disk === undefined) return;
    const directory = disk.ensureDirectory(this.layout.backupArea.directory, this.now());
    for (const old of directory.files.filter((f) => f.type === 'TMP')) directory.remove(old);
    if (on) {
      // a sort work file left behind: deleting the temporary files (the plan's remedy) frees the space
      const blocks = Math.max(0, disk.freeBlocks() - 20_000);
      directory.add({ name: 'SORTWORK', type: 'TMP', blocks, created: this.now(), modified: this.now(), owner: '[SYSTEM]', records: null, openForWrite: false });
    }
  }

  private setFileOpen(spec: string | undefined, on: boolean): string {
    const host = this.host(this.profile.drive.host);
    const text = spec ?? this.defaultOpenFile(host);
    const resolved = host.resolve([], this.layout.logs, text);
    const directory = resolved.disk.ensureDirectory(resolved.directory, this.now());
    const name = resolved.parts.name ?? 'FILE';
    const type = resolved.parts.type ?? 'LOG';
    let file =
      typeof resolved.parts.version === 'number' ? directory.versionsOf(name, type).find((f) => f.version === resolved.parts.version) : directory.highest(name, type);
    if (file === undefined) {
      file = directory.add({
        name,
        type,
        blocks: 12,
        created: this.now(),
        modified: this.now(),
        owner: '[SYSTEM]',
        records: [],
        openForWrite: false,
        ...(typeof resolved.parts.version === 'number' ? { version: resolved.parts.version } : {}),
      });
    }
    file.openForWrite = on;
    return `${resolved.displayDevice}:[${resolved.displayDirectory}]${file.name}.${file.type};${file.version}`;
  }

  private defaultOpenFile(host: HostState): string {
    for (const example of this.profile.knownErrors.flatMap((e) => e.examples ?? [])) {
      const open = /^%BACKUP-W-ACCONFLICT, (\S+) is open for write/.exec(example);
      if (open !== null) return open[1] as string;
    }
    return `${this.layout.logs.device}:[${this.layout.logs.directory}]${host.name}_OPERATOR.LOG`;
  }

  private setTapeLabelStale(slot: number): void {
    const drive = this.drive(this.profile.drive.host);
    const tape = drive?.slots[slot - 1];
    if (tape === null || tape === undefined) return;
    // the label of the same tape six months ago
    const old = new Date(this.now().getTime() - 182 * DAY);
    tape.volumeLabel = volumeLabelOf(`${localDate(old).replace(/-/g, '').slice(2)}${tape.code.slice(-1)}`, this.profile.tapes.billRun.volumeLabel);
  }

  private setQueueStopped(queue: string, on: boolean): void {
    for (const manager of this.managers.values()) {
      const found = manager.queue(queue);
      if (found !== undefined) manager.setStopped(found, on);
    }
  }
}

export type { FaultControl };
