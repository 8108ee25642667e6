/** One step of a run: the profile's step with the day's magazine notes, its picture and its exact SUBMIT. */
import type { SiteProfile } from '../site/schema';
import { DclBuildError, submitJob } from '../vms/dcl';
import type { ProcedureStepDef, RunStep } from './procedure-types';

export interface StepContext {
  profile: SiteProfile;
  /** Notes for the step that checks the magazine (./run-magazine). */
  magazineNotes: string[];
  uniquePart: string;
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
  const job = profile.jobs.find((candidate) => candidate.name === step.command?.job);
  if (!job) return { problem: `step ${step.id}: the site profile has no job ${step.command.job}` };
  const parameters = step.command.parameters ?? job.parameters;
  try {
    const submission = submitJob(job, {
      uniquePart: context.uniquePart,
      proceduresDirectory: profile.directories.procedures.path,
      parameters,
    });
    run.command = { job: job.name, host: job.host, queue: job.queue, dcl: submission.command, parameters: [...parameters] };
  } catch (error) {
    if (error instanceof DclBuildError) return { problem: `step ${step.id}: ${error.message}` };
    throw error;
  }
  return run;
}
