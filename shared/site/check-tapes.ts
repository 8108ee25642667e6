/**
 * The tapes, the drive and the tape preparation: what the operator loads each morning must
 * match the jobs that write it and fit in the magazine.
 */
import { entryNamed, isKnown, writesTape } from './check-jobs';
import { problem, type SiteProblem } from './problems';
import type { ProfileView } from './view';

export function checkTapes(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  checkBillRunTapes(out, view);
  checkDailyTapes(out, view);
  checkDrive(out, view);
  checkInitializeTapes(out, view);
  return out;
}

function checkBillRunTapes(out: SiteProblem[], view: ProfileView): void {
  const billRun = view.tapes?.billRun;
  if (!billRun) return;
  const letters = new Map<string, number>();
  billRun.tapes.forEach((tape, t) => {
    const path = ['tapes', 'billRun', 'tapes', t];
    const first = letters.get(tape.letter);
    if (first !== undefined) out.push(problem([...path, 'letter'], `duplicate tape letter "${tape.letter}" (also tapes.billRun.tapes[${first}])`));
    else letters.set(tape.letter, t);
    if (!isKnown(view.jobs, tape.job)) {
      out.push(problem([...path, 'job'], `unknown job "${tape.job}"`));
      return;
    }
    const job = entryNamed(view.jobs, tape.job)?.value;
    if (!job) return;
    if (job.when !== 'billrun') out.push(problem([...path, 'job'], `${tape.job} does not run on Bill Run days (when: ${job.when})`));
    else if (!writesTape(job)) out.push(problem([...path, 'job'], `${tape.job} does not write to tape (type: ${job.type})`));
  });
  if (billRun.initializedByJobs > billRun.tapes.length)
    out.push(problem(['tapes', 'billRun', 'initializedByJobs'], `${billRun.initializedByJobs} is more than the ${billRun.tapes.length} Bill Run tapes`));
  // a Bill Run job that writes tape but has no tape would stop at a mount request
  const withTape = new Set(billRun.tapes.map((t) => t.job));
  for (const { index, value: job } of view.jobs.entries) {
    if (job.when === 'billrun' && writesTape(job) && !withTape.has(job.name))
      out.push(problem(['jobs', index, 'name'], `${job.name} writes to tape on Bill Run days but no Bill Run tape names it (tapes.billRun.tapes)`));
  }
}

function checkDailyTapes(out: SiteProblem[], view: ProfileView): void {
  const daily = view.tapes?.daily;
  if (!daily) return;
  if (!isKnown(view.jobs, daily.job)) {
    out.push(problem(['tapes', 'daily', 'job'], `unknown job "${daily.job}"`));
  } else {
    const job = entryNamed(view.jobs, daily.job)?.value;
    if (job && job.when !== 'daily') out.push(problem(['tapes', 'daily', 'job'], `${daily.job} is not a daily job (when: ${job.when})`));
    else if (job && !writesTape(job)) out.push(problem(['tapes', 'daily', 'job'], `${daily.job} does not write to tape (type: ${job.type})`));
  }
  const labels = new Map<string, number>();
  daily.labels.forEach((label, l) => {
    const first = labels.get(label);
    if (first !== undefined) out.push(problem(['tapes', 'daily', 'labels', l], `duplicate label "${label}" (also tapes.daily.labels[${first}])`));
    else labels.set(label, l);
  });
}

function checkDrive(out: SiteProblem[], view: ProfileView): void {
  const drive = view.drive;
  if (!drive) return;
  if (!isKnown(view.hosts, drive.host)) out.push(problem(['drive', 'host'], `unknown host "${drive.host}"`));
  const tapes = view.tapes;
  if (!tapes) return;
  if (tapes.media !== drive.media) out.push(problem(['drive', 'media'], `"${drive.media}" differs from tapes.media "${tapes.media}"`));
  // the plan loads a daily tape behind the Bill Run tapes so that the next morning's daily job finds it
  const needed = tapes.billRun.tapes.length + 1;
  if (needed > drive.slots)
    out.push(problem(['drive', 'slots'], `${tapes.billRun.tapes.length} Bill Run tapes and a daily tape need ${needed} slots, the drive has ${drive.slots}`));
}

function checkInitializeTapes(out: SiteProblem[], view: ProfileView): void {
  const init = view.initializeTapes;
  if (!init) return;
  if (!isKnown(view.jobs, init.job)) {
    out.push(problem(['initializeTapes', 'job'], `unknown job "${init.job}"`));
    return;
  }
  const job = entryNamed(view.jobs, init.job)?.value;
  if (!job) return;
  const path = ['initializeTapes', 'command'];
  const command = init.command.toUpperCase();
  const queue = /\/QUEUE=([A-Z0-9$_]+)/.exec(command)?.[1];
  if (queue !== job.queue) out.push(problem(path, `does not submit to ${job.queue}, the queue of job ${job.name}`));
  if (!command.split(/\s+/).includes(job.procedure)) out.push(problem(path, `does not name ${job.procedure}, the procedure of job ${job.name}`));
  const parameters = parametersOf(command);
  if (parameters.join(',') !== job.parameters.map((p) => p.toUpperCase()).join(','))
    out.push(problem(path, `passes parameters (${parameters.join(', ')}), job ${job.name} has (${job.parameters.join(', ')})`));
}

function parametersOf(command: string): string[] {
  const value = /\/PARAM[A-Z]*=(\([^)]*\)|[^/\s]+)/.exec(command)?.[1];
  if (value === undefined) return [];
  return value
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((p) => p.trim().replace(/^"|"$/g, ''));
}
