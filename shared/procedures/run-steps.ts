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
}

/** The jobs an operator may choose for an adhoc backup: the profile's adhoc jobs. */
export function adhocJobs(profile: SiteProfile): { name: string; title: string }[] {
  return profile.jobs.filter((job) => job.when === 'adhoc').map((job) => ({ name: job.name, title: job.title }));
}

export function runStepOf(step: ProcedureStepDef, context: StepContext): RunStep | { problem: string } {
  const checksMagazine = step.sense?.kind === 'magazine-matches-plan';
  const run: RunStep = {
    id: step.id,
    text: step.text,
    kind: step.kind,
    notes: [...(step.notes ?? []), ...(checksMagazine ? context.magazineNotes : [])],
    showsMagazine: checksMagazine || step.illustrates === 'magazine',
  };
  if (step.sense) run.sense = { ...step.sense };
  if (step.illustrates !== undefined && step.illustrates !== 'magazine') run.showsDrive = step.illustrates;
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
