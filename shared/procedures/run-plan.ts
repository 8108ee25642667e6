/**
 * The plan of one run of a procedure: the profile's steps with the day's values filled in,
 * frozen when the run starts (./procedure-types). Problems come back as a sentence for the
 * operator, never as a throw, because the caller is a screen with a date picker.
 */
import { CalendarInputError } from '../calendar/calendar-input-error';
import { planDay, type DayPlan } from '../calendar/day-plan';
import { weekdayOf, type IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { apDateWithWeekday } from '../tapes/label-date';
import type { ProcedureDef, ProcedureRunPlan, RunStep } from './procedure-types';
import { magazineFor } from './run-magazine';
import { runStepOf } from './run-steps';

export type ProcedureRunPlanResult = { ok: true; plan: ProcedureRunPlan } | { ok: false; problem: string };

export interface ProcedureRunOptions {
  /** The unique part of the command steps' /NAME (shared/vms/dcl `uniquePartFrom`). */
  uniquePart: string;
  /** The adhoc backup job chosen for this run (a step that lets the operator choose needs one). */
  chosenJob?: string;
}

export function planProcedureRun(profile: SiteProfile, procedureId: string, date: IsoDate, options: ProcedureRunOptions): ProcedureRunPlanResult {
  const procedures: readonly ProcedureDef[] = profile.operatorProcedures ?? [];
  const procedure = procedures.find((candidate) => candidate.id === procedureId);
  if (!procedure) return { ok: false, problem: noSuchProcedure(procedures, procedureId) };
  const day = dayPlanOf(profile, date);
  if (typeof day === 'string') return { ok: false, problem: day };
  const magazine = magazineFor(procedure.when, day);
  if ('problem' in magazine) return { ok: false, problem: magazine.problem };

  const weekday = weekdayOf(date);
  const steps: RunStep[] = [];
  for (const step of procedure.steps) {
    if (step.onlyOn && !step.onlyOn.includes(weekday)) continue;
    const run = runStepOf(step, {
      profile,
      magazineNotes: magazine.notes,
      uniquePart: options.uniquePart,
      ...(options.chosenJob === undefined ? {} : { chosenJob: options.chosenJob }),
    });
    if ('problem' in run) return { ok: false, problem: `${procedure.id}, ${run.problem}` };
    steps.push(run);
  }
  const { drive } = profile;
  return {
    ok: true,
    plan: {
      procedureId: procedure.id,
      title: procedure.title,
      date,
      drive: { host: drive.host, model: drive.model, slots: drive.slots, device: drive.device },
      slots: magazine.slots,
      steps,
      notes: [...procedure.notes, ...dayNotes(profile, procedure, day)],
    },
  };
}

function noSuchProcedure(procedures: readonly ProcedureDef[], id: string): string {
  if (procedures.length === 0) return `no procedure ${id}; the site profile has no operator procedures`;
  return `no procedure ${id}; the procedures are ${procedures.map((p) => p.id).join(', ')}`;
}

function dayPlanOf(profile: SiteProfile, date: IsoDate): DayPlan | string {
  try {
    return planDay(profile, date);
  } catch (error) {
    if (error instanceof CalendarInputError) return error.message;
    throw error;
  }
}

/** How the profile decided the date where the plan is silent, and a courier run on another weekday. */
function dayNotes(profile: SiteProfile, procedure: ProcedureDef, day: DayPlan): string[] {
  const notes = procedure.when === 'billrun' || procedure.when === 'daily' ? [...day.notes] : [];
  const { company, pickupWeekday } = profile.courier;
  if (procedure.when === 'courier' && day.weekday !== pickupWeekday)
    notes.push(`The ${company} courier picks up on ${capitalised(pickupWeekday)}s; this run is for ${apDateWithWeekday(day.date)}.`);
  return notes;
}

function capitalised(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
