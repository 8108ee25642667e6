/** One step of a run: the profile's step with the day's magazine notes, its picture and its exact SUBMIT. */
import type { SiteProfile } from '../site/schema';
import { DclBuildError, submitJob } from '../vms/dcl';
import type { ProcedureStepDef, RunStep } from './procedure-types';

export interface StepContext {
  profile: SiteProfile;
  /** Notes for the step that checks the magazine (./run-magazine). */
  magazineNotes: string[];
  uniquePart: string;
  /** The adhoc backup job chosen when the run started, for a step that lets the operator choose. */
  chosenJob?: string;
  /** The day's DAILY tape, for `{dailyTape}` in a step's text and notes. */
  dailyTape?: string;
  /** A courier step's list: the Bill Run tapes since the last pickup. */
  courierTapes?: { code: string; detail: string }[];
}

/** A step's words with the day's values: `{dailyTape}`. */
function filled(text: string, context: StepContext): string {
  return text.replace(/\{dailyTape\}/g, context.dailyTape ?? 'the DAILY tape of the day');
}

/** The jobs an operator may choose for an adhoc backup: the profile's adhoc jobs. */
export function adhocJobs(profile: SiteProfile): { name: string; title: string }[] {
  return profile.jobs.filter((job) => job.when === 'adhoc').map((job) => ({ name: job.name, title: job.title }));
}

/** The adhoc job chosen at the start, or what to do. */
function jobOf(context: StepContext, wanted: string | undefined): SiteProfile['jobs'][number] | { problem: string } {
  const names = adhocJobs(context.profile)
    .map((j) => j.name)
    .join(', ');
  if (wanted === undefined) return { problem: `choose the database to back up: ${names}` };
  const job = context.profile.jobs.find((candidate) => candidate.name === wanted && candidate.when === 'adhoc');
  return job ?? { problem: `${wanted} is not an adhoc backup job; the adhoc jobs are ${names}` };
}

export function runStepOf(step: ProcedureStepDef, context: StepContext): RunStep | { problem: string } {
  const checksMagazine = step.sense?.kind === 'magazine-matches-plan';
  const run: RunStep = {
    id: step.id,
    text: filled(step.text, context),
    kind: step.kind,
    notes: [...(step.notes ?? []).map((note) => filled(note, context)), ...(checksMagazine ? context.magazineNotes : [])],
    showsMagazine: checksMagazine || step.illustrates === 'magazine',
  };
  if (step.sense) run.sense = { ...step.sense };
  if (step.illustrates !== undefined && step.illustrates !== 'magazine') run.showsDrive = step.illustrates;
  if (step.reads !== undefined) run.reads = step.reads;
  if (step.receipt === true) run.receipt = true;
  if (step.lists === 'courier-tapes') run.items = [...(context.courierTapes ?? [])];
  if (step.sense?.kind === 'procedure-listed') {
    const job = jobOf(context, context.chosenJob);
    if ('problem' in job) return job;
    const file = job.procedure.slice(job.procedure.lastIndexOf(']') + 1);
    run.procedure = { host: job.host, directory: context.profile.directories.procedures.path, file };
  }
  if (!step.command) return run;

  const { profile } = context;
  const command = step.command;
  const named = 'job' in command;
  const wanted = 'job' in command ? command.job : context.chosenJob;
  const adhocNames = () =>
    adhocJobs(profile)
      .map((j) => j.name)
      .join(', ');
  if (wanted === undefined) return { problem: `choose the database to back up: ${adhocNames()}` };
  // a job chosen at the start must be one of the adhoc jobs; a named one is any job of the profile
  const job = profile.jobs.find((candidate) => candidate.name === wanted && (named || candidate.when === 'adhoc'));
  if (!job) {
    return named
      ? { problem: `step ${step.id}: the site profile has no job ${wanted}` }
      : { problem: `${wanted} is not an adhoc backup job; the adhoc jobs are ${adhocNames()}` };
  }
  const parameters = command.parameters ?? job.parameters;
  try {
    const submission = submitJob(job, {
      uniquePart: context.uniquePart,
      proceduresDirectory: profile.directories.procedures.path,
      batchUser: profile.batchUser,
      parameters,
    });
    run.command = { job: job.name, host: job.host, queue: job.queue, dcl: submission.command, parameters: [...parameters] };
  } catch (error) {
    if (error instanceof DclBuildError) return { problem: `step ${step.id}: ${error.message}` };
    throw error;
  }
  return run;
}
