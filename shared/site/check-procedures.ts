/**
 * References from the operator procedures: the jobs their command steps submit and the queue
 * entries their sensed steps wait for. A broken one would only show halfway through a run, with
 * the magazine already out of the drive.
 */
import { entryNamed, isKnown } from './check-jobs';
import { problem, type SiteProblem } from './problems';
import type { SiteProcedureStep } from './schema';
import type { ProfileView } from './view';

export function checkProcedures(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  for (const { index, value: procedure } of view.operatorProcedures.entries) {
    procedure.steps.forEach((step, s) => checkStep(out, view, ['operatorProcedures', index, 'steps', s], step));
  }
  return out;
}

function checkStep(out: SiteProblem[], view: ProfileView, path: (string | number)[], step: SiteProcedureStep): void {
  const command = step.command;
  if (command && 'job' in command && !isKnown(view.jobs, command.job)) out.push(problem([...path, 'command', 'job'], `unknown job "${command.job}"`));
  if (command && 'choose' in command && !view.jobs.entries.some((entry) => entry.value.when === 'adhoc'))
    out.push(problem([...path, 'command', 'choose'], 'the site profile has no adhoc job to choose from'));
  const sense = step.sense;
  if (sense?.kind !== 'queue-entry') return;
  const queueKnown = isKnown(view.queues, sense.queue);
  if (!queueKnown) out.push(problem([...path, 'sense', 'queue'], `unknown queue "${sense.queue}"`));
  if (!isKnown(view.jobs, sense.job)) {
    out.push(problem([...path, 'sense', 'job'], `unknown job "${sense.job}"`));
    return;
  }
  // waiting in a queue the job never goes to would wait for ever
  const job = entryNamed(view.jobs, sense.job);
  if (job && queueKnown && job.value.queue !== sense.queue)
    out.push(problem([...path, 'sense', 'queue'], `${sense.job} runs in ${job.value.queue} (jobs[${job.index}].queue), not in ${sense.queue}`));
}
