/**
 * Pre-flight, as Amanda's amcheck does for its site: before a Bill Run (and on demand), every
 * condition the day's jobs need that can be seen beforehand, each passing or failing with what to
 * do in plain words. Pure: the facts are gathered elsewhere; the jobs, queues and tapes come from
 * the profile and the day's plan.
 */
import type { DayPlan } from '../calendar/day-plan';
import { checkMagazine } from '../procedures/magazine-check';
import type { SlotPlan } from '../procedures/procedure-types';
import { sameCode } from '../procedures/scanned-code';
import type { SiteJob, SiteProfile } from '../site/schema';
import { volumeLabelOf } from '../tapes/volume-label';
import { DEFAULT_NAME_PREFIX } from '../vms/dcl/submit-job';
import { BLOCKS_PER_GB, estimateSaveset, latestFullBackup } from './backup-sizes';
import type { EntryFact, PreflightFacts, QueueFact } from './preflight-facts';

export type PreflightCheckId = 'queues-started' | 'magazine' | 'tapes-initialized' | 'backup-area-space' | 'tape-capacity' | 'daily-backup-queued';

export interface PreflightCheck {
  id: PreflightCheckId;
  title: string;
  ok: boolean;
  /** What was seen, in words: why it passes, or why it fails. */
  reason: string;
  /** What to do, in the plan's words where it has them; null when the check passes. */
  fix: string | null;
}

export interface PreflightReport {
  date: string;
  checks: PreflightCheck[];
}

/**
 * A new full backup is written before the old one is purged, and it is seldom the size of the old:
 * the database has grown since the last Bill Run, and RMU allocates its output in extents. 10%
 * over the last sizes covers that growth, so a check that passes is not a near miss.
 */
export const BACKUP_AREA_MARGIN = 0.1;

/** Entry states of a job still to run or running: it will do its work without anyone's help. */
const ON_ITS_WAY = new Set<EntryFact['state']>(['pending', 'holding-until', 'starting', 'executing']);

/** Queue states in which a queue runs no job. */
const NOT_RUNNING = ['stopped', 'stopping', 'paused', 'pausing', 'closed', 'unavailable', 'stalled'];

const blocks = (n: number): string => `${n.toLocaleString('en-US')} blocks`;
const gb = (n: number): string => `${(n / BLOCKS_PER_GB).toFixed(1)} GB`;

const reconnect = (host: string): string => `Connect ${host} (the Hosts screen says why it is not) and run pre-flight again.`;

function pass(id: PreflightCheckId, title: string, reason: string): PreflightCheck {
  return { id, title, ok: true, reason, fix: null };
}

function fail(id: PreflightCheckId, title: string, reason: string, fix: string): PreflightCheck {
  return { id, title, ok: false, reason, fix };
}

/** The jobs the day's plan runs, as the profile defines them. */
function dayJobs(profile: SiteProfile, day: DayPlan): SiteJob[] {
  return day.timeline.map((entry) => profile.jobs.find((job) => job.name === entry.job)).filter((job): job is SiteJob => job !== undefined);
}

/** An entry of a job: by the job's own name, or by the /NAME the console gives its submissions. */
function entriesOf(queue: QueueFact | undefined, job: string): EntryFact[] {
  return (queue?.entries ?? []).filter((entry) => entry.jobName === job || entry.jobName.startsWith(`${DEFAULT_NAME_PREFIX}_${job}`));
}

function queuesStarted(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck {
  const id = 'queues-started';
  const names = [...new Set(dayJobs(profile, day).map((job) => job.queue))];
  const title = `The batch queues of the day's jobs are started (${names.join(', ')})`;
  const seen: string[] = [];
  const problems: string[] = [];
  const fixes: string[] = [];
  for (const name of names) {
    const queue = facts.queues.find((q) => q.name === name);
    const host = profile.queues.find((q) => q.name === name)?.host ?? queue?.host ?? '';
    if (queue === undefined || queue.states === null) {
      problems.push(`${name} could not be read: ${queue?.problem ?? 'not asked'}`);
      fixes.push(reconnect(host));
      continue;
    }
    const down = queue.states.filter((state) => NOT_RUNNING.includes(state));
    if (down.length > 0) {
      problems.push(`${name} on ${host} is ${queue.states.join(', ')}: its jobs will not start`);
      fixes.push(`Start the queue on ${host}: START/QUEUE ${name} (from the system manager account).`);
    } else {
      seen.push(`${name} ${queue.states.join(', ')}`);
    }
  }
  if (problems.length > 0) return fail(id, title, `${problems.join('; ')}.`, [...new Set(fixes)].join(' '));
  return pass(id, title, `${seen.join('; ')}.`);
}

function slotPlan(day: DayPlan): SlotPlan[] {
  return day.slots.map((code, index) => ({ slot: index + 1, code }));
}

function magazine(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck {
  const id = 'magazine';
  const title = "The magazine holds the day's tapes in the planned slots, loaded";
  const slots = slotPlan(day);
  const planned = slots.filter((slot) => slot.code !== null);
  const order = planned.map((slot) => `slot ${slot.slot}: ${slot.code}`).join(', ');
  const install = profile.operatorProcedures?.find((procedure) => procedure.when === day.kind)?.steps.find((step) => step.sense?.kind === 'magazine-matches-plan')?.text;
  const loadFix = `${install === undefined ? 'Load the magazine as planned' : install.replace(/\.$/, '')}: ${order}.`;
  if (planned.length === 0) return pass(id, title, `No tape goes in the magazine today. ${day.tapesNotes.join(' ')}`.trim());
  const { drive } = facts;
  if (drive.problem !== null) return fail(id, title, `The drive could not be read: ${drive.problem}.`, reconnect(profile.drive.host));
  if (!drive.online)
    return fail(
      id,
      title,
      `${drive.words}.`,
      `Check the ${profile.drive.model} on ${profile.drive.host}: the drive must be online, its door closed, before the jobs start.`,
    );
  const reading = facts.magazine;
  if (reading.source === 'unseen') {
    return fail(id, title, `${reading.why} The plan: ${order}.`, `${loadFix} Scan or type the label of the tape in each slot.`);
  }
  const found = Object.fromEntries(slots.map((slot) => [String(slot.slot), reading.slots[slot.slot - 1]?.code ?? null]));
  const check = checkMagazine(slots, found);
  if (!check.matches) return fail(id, title, check.problems.join(' '), loadFix);
  if (!drive.loaded) return fail(id, title, `Every slot holds its tape, but ${drive.words}.`, 'Press the Load button to load the top tape into the tape drive.');
  return pass(id, title, `Every slot holds the tape of the plan (${order}); ${drive.words}.`);
}

function tapesInitialized(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck | null {
  const plan = day.initializeTapes;
  if (day.kind !== 'billrun' || plan === null || plan.initializes.length === 0) return null;
  const id = 'tapes-initialized';
  const positions = plan.initializes.map((tape) => tape.position);
  const title = `Tapes ${positions.join(', ')} are initialised, or about to be (${plan.job})`;
  const job = profile.jobs.find((j) => j.name === plan.job);
  const queue = facts.queues.find((q) => q.name === job?.queue);
  if (queue === undefined || queue.states === null) {
    return fail(id, title, `${job?.queue ?? plan.job} could not be read: ${queue?.problem ?? 'not asked'}.`, reconnect(queue?.host ?? job?.host ?? ''));
  }
  const entries = entriesOf(queue, plan.job);
  const coming = entries.find((entry) => ON_ITS_WAY.has(entry.state));
  const done = entries.find((entry) => entry.state === 'retained-on-completion');
  const failed = entries.find((entry) => entry.state === 'retained-on-error');
  const submit = `${profile.initializeTapes.command}${profile.initializeTapes.description === undefined ? '' : ` (${profile.initializeTapes.description})`}`;
  const rule = profile.tapes.billRun.volumeLabel;

  const reading = facts.magazine;
  const unlabelled: string[] = [];
  let tapeOutOfPlace = false;
  if (reading.source !== 'unseen' && reading.volumeLabelsKnown) {
    for (const tape of plan.initializes) {
      const slot = day.tapesToPull.find((t) => t.code === tape.code)?.slot ?? tape.position;
      const there = reading.slots[slot - 1] ?? null;
      const wanted = volumeLabelOf(tape.code, rule);
      if (there === null || !sameCode(there.code, tape.code)) {
        tapeOutOfPlace = true;
        unlabelled.push(`slot ${slot} does not hold ${tape.code}`);
      } else if (!sameCode(there.volumeLabel, wanted)) {
        const carries = there.volumeLabel === null ? 'no volume label' : `the volume label ${there.volumeLabel}`;
        unlabelled.push(`${tape.code} in slot ${slot} carries ${carries}, not ${wanted}`);
      }
    }
    if (unlabelled.length === 0) return pass(id, title, `${plan.initializes.map((t) => t.code).join(', ')} carry today's volume labels.`);
  }
  if (coming !== undefined) {
    const before = unlabelled.length > 0 ? `${unlabelled.join('; ')}; ` : '';
    return pass(id, title, `${before}${coming.jobName} is entry ${coming.entry} in ${queue.name} (${coming.statusText}): it initialises them.`);
  }
  const seen = unlabelled.length > 0 ? `${unlabelled.join('; ')}. ` : '';
  if (failed !== undefined) {
    const ended = `${failed.jobName} (entry ${failed.entry}) ended ${failed.statusText.toLowerCase()}.`;
    return fail(id, title, `${seen}${ended}`, `Read its log for the E or F message, resolve it, then submit it again: ${submit}`);
  }
  if (done !== undefined && unlabelled.length === 0) {
    return pass(id, title, `${done.jobName} (entry ${done.entry}) ${done.statusText.toLowerCase()}.`);
  }
  // INITIALIZE_TAPES counts tapes from the top of the magazine: with one out of place it would label the wrong ones
  const first = tapeOutOfPlace ? 'Put each tape in its slot first (see the magazine check), then submit' : 'Submit';
  return fail(id, title, `${seen}No ${plan.job} entry is in ${queue.name}.`, `${first} the tape initialisation: ${submit}`);
}

function backupAreaSpace(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck | null {
  const jobs = dayJobs(profile, day).filter((job) => job.databases.length > 0);
  if (jobs.length === 0) return null;
  const id = 'backup-area-space';
  const area = facts.backupArea;
  const title = `Free space in ${area.device} for the day's database backups`;
  const knownError = profile.knownErrors.find((error) => error.messages.some((message) => /-F-FUL$/.test(message)));
  // of the plan's actions, the sentence that frees space applies before a run; the rest follow a failure
  const freeing = (knownError?.action ?? []).flatMap((action) => action.split(/(?<=\.)\s+/)).filter((sentence) => /\bfree space\b/i.test(sentence));
  const remedy = `Before the jobs start: ${freeing.length > 0 ? freeing.join(' ') : 'free up space in the backup area.'}`;
  if (area.problem !== null || area.freeBlocks === null) {
    return fail(id, title, `The backup area could not be read: ${area.problem ?? 'no free blocks shown'}.`, reconnect(area.host));
  }
  // Each job writes its databases one after the other, each new RBF beside the old one until the
  // old is purged; the jobs of a disk queue may run at once. So the peak is the largest RBF of each
  // job, added up over the jobs.
  const missing: string[] = [];
  const parts = jobs.map((job) => {
    const sizes = job.databases.map((name) => {
      const short = profile.databases.find((db) => db.name === name)?.short ?? name;
      const file = latestFullBackup(area.files, short);
      if (file === undefined) missing.push(name);
      return { name, blocks: file?.blocks ?? 0 };
    });
    const largest = sizes.reduce((best, size) => (size.blocks > best.blocks ? size : best), { name: '', blocks: 0 });
    const all = sizes.reduce((total, size) => total + size.blocks, 0);
    return { job: job.name, largest, all };
  });
  const peak = parts.reduce((total, part) => total + part.largest.blocks, 0);
  const needed = Math.ceil(peak * (1 + BACKUP_AREA_MARGIN));
  const latest = parts.reduce((total, part) => total + part.all, 0);
  const how = parts.map((part) => `${part.largest.name} ${blocks(part.largest.blocks)} for ${part.job}`).join(', ');
  const measure = `${area.device} has ${blocks(area.freeBlocks)} free; the largest new backup of each job (${how}) needs ${blocks(needed)} with a ${Math.round(BACKUP_AREA_MARGIN * 100)}% margin (the latest RBF files of the day's ${jobs.reduce((n, job) => n + job.databases.length, 0)} databases total ${blocks(latest)}).`;
  const otherwise = knownError === undefined ? '' : ` Left so, a backup stops with the plan's "${knownError.title}" (${knownError.messages.join(', ')}).`;
  if (missing.length > 0) {
    return fail(
      id,
      title,
      `No RBF file of ${missing.join(', ')} in the backup area: the space its backup needs is not known. ${measure}`,
      `Check the backup area (DIRECTORY/SIZE ${profile.directories.backupArea.path}) for the missing backup files.`,
    );
  }
  if (area.freeBlocks < needed) return fail(id, title, `${measure}${otherwise}`, remedy);
  return pass(id, title, measure);
}

function tapeCapacity(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck | null {
  const billRunTapes = day.tapesToPull.filter((tape) => tape.kind === 'billrun');
  const jobs = dayJobs(profile, day).filter((job) => job.savesets.length > 0 && billRunTapes.some((tape) => tape.job === job.name));
  if (jobs.length === 0) return null;
  const id = 'tape-capacity';
  const perTape = Math.round(profile.drive.capacityGB * BLOCKS_PER_GB);
  const tapesOf = (job: SiteJob) => billRunTapes.filter((tape) => tape.job === job.name).map((tape) => tape.code);
  const title = `The savesets fit on their tapes (${jobs.flatMap(tapesOf).join(', ')}; ${profile.drive.capacityGB} GB per ${profile.drive.media} tape)`;
  if (facts.backupArea.problem !== null) return fail(id, title, `The backup area could not be read: ${facts.backupArea.problem}.`, reconnect(facts.backupArea.host));
  const problems: string[] = [];
  const seen: string[] = [];
  for (const job of jobs) {
    const tapes = tapesOf(job);
    const estimates = job.savesets.map((saveset) => estimateSaveset(profile, saveset, facts.backupArea.files));
    const total = estimates.reduce((sum, e) => sum + (e.blocks ?? 0), 0);
    const unknown = estimates.filter((e) => e.blocks === null).map((e) => e.saveset);
    const room = perTape * tapes.length;
    const line = `${job.name}'s ${estimates.length} savesets come to about ${gb(total)} (${blocks(total)}) on ${tapes.length} tapes of ${gb(perTape)} (${blocks(room)})${unknown.length > 0 ? `; nothing in the backup area yet for ${unknown.join(', ')}` : ''}`;
    if (total > room) problems.push(`${line}: ${gb(total - room)} will not fit`);
    else seen.push(line);
  }
  if (problems.length > 0) {
    return fail(
      id,
      title,
      `${problems.join('; ')}.`,
      `The tape job would wait at the end of its last tape for one more. Free space in the savesets' sources, or check the profile's tapes for the job (tapes.billRun.tapes).`,
    );
  }
  return pass(id, title, `${seen.join('; ')}.`);
}

function dailyBackupQueued(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightCheck | null {
  if (day.kind !== 'daily' || day.dailyBackupToday === null) return null;
  const id = 'daily-backup-queued';
  const { job: name, at } = day.dailyBackupToday;
  const job = profile.jobs.find((j) => j.name === name);
  const title = `${name} waits in ${job?.queue ?? 'its queue'} for ${at}`;
  const queue = facts.queues.find((q) => q.name === job?.queue);
  const by = job?.submittedBy.kind === 'scheduler' ? job.submittedBy.by : 'its scheduler';
  const fix = `The plan: "a job called ${name}.COM will be submitted automatically" at ${at}. Check that ${by} runs on ${job?.host ?? 'its host'} and keeps the entry, or submit ${name} to ${job?.queue ?? 'its queue'} to run at ${at}.`;
  if (queue === undefined || queue.states === null)
    return fail(id, title, `${job?.queue ?? name} could not be read: ${queue?.problem ?? 'not asked'}.`, reconnect(queue?.host ?? job?.host ?? ''));
  const entries = entriesOf(queue, name);
  const running = entries.find((entry) => entry.state === 'executing' || entry.state === 'starting' || entry.state === 'pending');
  const held = entries.find((entry) => entry.state === 'holding-until' && entry.releaseAt?.slice(11, 16) === at && entry.releaseAt.slice(0, 10) >= day.date);
  if (held !== undefined) return pass(id, title, `${held.jobName} is entry ${held.entry} in ${queue.name} (${held.statusText}).`);
  if (running !== undefined) return pass(id, title, `${running.jobName} is entry ${running.entry} in ${queue.name} (${running.statusText}).`);
  const other = entries[0];
  if (other !== undefined) return fail(id, title, `${other.jobName} is entry ${other.entry} in ${queue.name} (${other.statusText}), not waiting for ${at}.`, fix);
  return fail(id, title, `No ${name} entry is in ${queue.name}.`, fix);
}

/** Every check that applies to the day, in the order the technician deals with them. */
export function preflightChecks(profile: SiteProfile, day: DayPlan, facts: PreflightFacts): PreflightReport {
  const checks = [
    queuesStarted(profile, day, facts),
    magazine(profile, day, facts),
    tapesInitialized(profile, day, facts),
    backupAreaSpace(profile, day, facts),
    tapeCapacity(profile, day, facts),
    dailyBackupQueued(profile, day, facts),
  ].filter((check): check is PreflightCheck => check !== null);
  return { date: day.date, checks };
}
