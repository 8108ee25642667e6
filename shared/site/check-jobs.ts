/**
 * References from and between jobs: where each job runs, who submits whom, what it backs up.
 * The console follows a job chain by these links, so a broken link is a chain that stops.
 */
import { problem, type SiteProblem } from './problems';
import type { SiteJob, SiteQueue } from './schema';
import type { Collection, Entry, ProfileView } from './view';

const WRITES_TAPE: ReadonlySet<SiteJob['type']> = new Set(['disk-to-tape', 'disk-to-disk-and-tape']);
const USES_DRIVE: ReadonlySet<SiteJob['type']> = new Set([...WRITES_TAPE, 'tape-preparation']);
const BACKS_UP: ReadonlySet<SiteJob['type']> = new Set(['disk-to-disk', 'disk-to-tape', 'disk-to-disk-and-tape']);

export function writesTape(job: SiteJob): boolean {
  return WRITES_TAPE.has(job.type);
}

/** Whether a name is known; an absent list is reported by the schema and not again for every reference. */
export function isKnown<T>(collection: Collection<T>, name: string): boolean {
  return collection.names === undefined || collection.names.has(name);
}

export function entryNamed<T extends { name: string }>(collection: Collection<T>, name: string): Entry<T> | undefined {
  return collection.entries.find((e) => e.value.name === name);
}

export function checkJobs(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  for (const entry of view.jobs.entries) {
    checkPlace(out, view, entry);
    checkSubmittedBy(out, view, entry);
    checkSubmits(out, view, entry);
    checkContents(out, view, entry);
    checkProcedureName(out, entry);
    checkAdhocName(out, view, entry);
  }
  checkSubmissionLoops(out, view);
  return out;
}

function checkPlace(out: SiteProblem[], view: ProfileView, { index, value: job }: Entry<SiteJob>): void {
  const hostKnown = isKnown(view.hosts, job.host);
  if (!hostKnown) out.push(problem(['jobs', index, 'host'], `unknown host "${job.host}"`));
  if (!isKnown(view.queues, job.queue)) {
    out.push(problem(['jobs', index, 'queue'], `unknown queue "${job.queue}"`));
  } else {
    const queue = entryNamed(view.queues, job.queue);
    if (queue && hostKnown && isKnown(view.hosts, queue.value.host) && queue.value.host !== job.host)
      out.push(problem(['jobs', index, 'queue'], `queue ${job.queue} is on host ${queue.value.host}, not on ${job.host}`));
    if (queue) checkQueueKind(out, view, index, job, queue.value.kind);
  }
  const drive = view.drive;
  if (drive && hostKnown && isKnown(view.hosts, drive.host) && USES_DRIVE.has(job.type) && job.host !== drive.host)
    out.push(problem(['jobs', index, 'host'], `a ${job.type} job must run on ${drive.host}, the host of the tape drive`));
}

/**
 * "All backups involving a tape drive should run in the TAPE_BACKUP queue. All backups involving
 * disk-to-disk operations should run in the TIME_BLT4 queue": a job that uses the drive belongs in
 * a queue of kind tape, a disk-to-disk job in one of kind disk-to-disk. The plan adds that backup
 * jobs "can run in any queue", but the console submits to the profile's queue, so the profile
 * keeps the plan's rule. Jobs of other types (billing, housekeeping) may run in either.
 */
function checkQueueKind(out: SiteProblem[], view: ProfileView, index: number, job: SiteJob, kind: SiteQueue['kind']): void {
  const wanted: SiteQueue['kind'] | null = USES_DRIVE.has(job.type) ? 'tape' : job.type === 'disk-to-disk' ? 'disk-to-disk' : null;
  if (wanted === null || kind === wanted) return;
  const fitting = view.queues.entries.filter((q) => q.value.kind === wanted && q.value.host === job.host).map((q) => q.value.name);
  const where = fitting.length > 0 ? fitting.join(' or ') : `a queue of kind ${wanted} on ${job.host}`;
  const what = wanted === 'tape' ? `uses the tape drive (a ${job.type} job)` : 'is a disk-to-disk backup';
  out.push(problem(['jobs', index, 'queue'], `${job.name} ${what}, so it runs in ${where}, not in ${job.queue}, a ${kind} queue`));
}

function describeSubmitter(by: SiteJob['submittedBy']): string {
  switch (by.kind) {
    case 'job':
      return `job ${by.job}`;
    case 'scheduler':
      return `the scheduler ${by.by}`;
    case 'operator':
      return 'the operator';
  }
}

function checkSubmittedBy(out: SiteProblem[], view: ProfileView, { index, value: job }: Entry<SiteJob>): void {
  const by = job.submittedBy;
  if (by.kind !== 'job') return;
  const path = ['jobs', index, 'submittedBy', 'job'];
  if (by.job === job.name) {
    out.push(problem(path, `${job.name} cannot submit itself`));
    return;
  }
  if (!isKnown(view.jobs, by.job)) {
    out.push(problem(path, `unknown job "${by.job}"`));
    return;
  }
  const submitter = entryNamed(view.jobs, by.job);
  if (!submitter) return;
  if (!submitter.value.submits.some((s) => s.job === job.name))
    out.push(problem(path, `${by.job} does not submit ${job.name} (jobs[${submitter.index}].submits does not name it)`));
  if (submitter.value.when !== job.when)
    out.push(problem(['jobs', index, 'when'], `"${job.when}" differs from "${submitter.value.when}" of ${by.job}, the job that submits it`));
}

function checkSubmits(out: SiteProblem[], view: ProfileView, { index, value: job }: Entry<SiteJob>): void {
  const listed = new Set<string>();
  job.submits.forEach((submit, k) => {
    const path = ['jobs', index, 'submits', k, 'job'];
    if (listed.has(submit.job)) {
      out.push(problem(path, `${submit.job} is listed twice`));
      return;
    }
    listed.add(submit.job);
    if (submit.job === job.name) {
      out.push(problem(path, `${job.name} cannot submit itself`));
      return;
    }
    if (!isKnown(view.jobs, submit.job)) {
      out.push(problem(path, `unknown job "${submit.job}"`));
      return;
    }
    const target = entryNamed(view.jobs, submit.job);
    if (!target) return;
    const by = target.value.submittedBy;
    if (by.kind !== 'job' || by.job !== job.name)
      out.push(problem(path, `${submit.job} is not submitted by ${job.name} (jobs[${target.index}].submittedBy says ${describeSubmitter(by)})`));
    if (submit.at !== undefined && target.value.at !== undefined && submit.at !== target.value.at)
      out.push(
        problem(['jobs', index, 'submits', k, 'at'], `"${submit.at}" differs from the start time of ${submit.job} ("${target.value.at}", jobs[${target.index}].at)`),
      );
  });
}

function checkContents(out: SiteProblem[], view: ProfileView, { index, value: job }: Entry<SiteJob>): void {
  job.databases.forEach((name, d) => {
    if (!isKnown(view.databases, name)) out.push(problem(['jobs', index, 'databases', d], `unknown database "${name}"`));
  });
  const devices = new Set<string>();
  job.devices.forEach((device, d) => {
    if (devices.has(device)) out.push(problem(['jobs', index, 'devices', d], `device ${device} is listed twice`));
    devices.add(device);
  });
  for (const device of Object.keys(job.deviceNotes ?? {})) {
    if (!devices.has(device)) out.push(problem(['jobs', index, 'deviceNotes', device], `${device} is not one of the job's devices`));
  }
  const savesets = new Map<string, number>();
  job.savesets.forEach((saveset, s) => {
    const first = savesets.get(saveset.name);
    if (first !== undefined) out.push(problem(['jobs', index, 'savesets', s, 'name'], `duplicate saveset "${saveset.name}" (also jobs[${index}].savesets[${first}])`));
    else savesets.set(saveset.name, s);
    (saveset.databases ?? []).forEach((name, d) => {
      if (!isKnown(view.databases, name)) out.push(problem(['jobs', index, 'savesets', s, 'databases', d], `unknown database "${name}"`));
    });
  });
}

/** SUBMIT names a batch job after its file, and the console finds queue entries by job name. */
function checkProcedureName(out: SiteProblem[], { index, value: job }: Entry<SiteJob>): void {
  const file = job.procedure.replace(/^.*[:\]]/, '');
  const base = file.replace(/\.COM$/, '');
  if (base !== job.name) out.push(problem(['jobs', index, 'procedure'], `file name ${file} does not match the job name ${job.name}`));
}

function checkAdhocName(out: SiteProblem[], view: ProfileView, { index, value: job }: Entry<SiteJob>): void {
  const pattern = view.adhocBackups?.jobPattern;
  if (pattern === undefined || job.when !== 'adhoc' || !BACKS_UP.has(job.type)) return;
  if (job.databases.length !== 1) {
    out.push(problem(['jobs', index, 'databases'], `an adhoc backup names exactly one database, found ${job.databases.length}`));
    return;
  }
  const database = entryNamed(view.databases, job.databases[0] as string);
  if (!database) return;
  const expected = pattern.replace('{short}', database.value.short);
  if (job.name !== expected)
    out.push(problem(['jobs', index, 'name'], `the adhoc backup of ${database.value.name} should be named ${expected} (adhocBackups.jobPattern)`));
}

/** A loop of submissions would never start (nothing outside submits it) or never end. */
function checkSubmissionLoops(out: SiteProblem[], view: ProfileView): void {
  const byName = new Map(view.jobs.entries.map((e) => [e.value.name, e] as const));
  for (const start of view.jobs.entries) {
    const chain = [start];
    let current = start;
    for (;;) {
      const by = current.value.submittedBy;
      if (by.kind !== 'job' || by.job === current.value.name) break;
      const next = byName.get(by.job);
      if (!next || chain.includes(next)) {
        if (next === start && chain.every((e) => e.index >= start.index)) {
          const names = [...chain, start].map((e) => e.value.name).reverse();
          out.push(problem(['jobs', start.index, 'submittedBy', 'job'], `jobs submit each other in a loop: ${names.join(' → ')}`));
        }
        break;
      }
      chain.push(next);
      current = next;
    }
  }
}
