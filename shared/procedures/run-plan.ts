/**
 * The plan of one run of a procedure: the profile's steps with the day's values filled in,
 * frozen when the run starts (./procedure-types). Problems come back as a sentence for the
 * operator, never as a throw, because the caller is a screen with a date picker.
 */
import { CalendarInputError } from '../calendar/calendar-input-error';
import { planDay, type DayPlan } from '../calendar/day-plan';
import { dailyTapeFor } from '../calendar/daily-tape';
import { addDaysIso, weekdayOf, type IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { apDateWithWeekday } from '../tapes/label-date';
import { volumeLabelOf } from '../tapes/volume-label';
import { courierSets } from './courier-tapes';
import type { ProcedureDef, ProcedureRunPlan, RunStep, SlotPlan } from './procedure-types';
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
  const rule = profile.tapes.billRun.volumeLabel;
  const magazine = magazineFor(procedure.when, day, rule);
  if ('problem' in magazine) return { ok: false, problem: magazine.problem };

  const weekday = weekdayOf(date);
  const dailyTape = day.tapesToPull.find((tape) => tape.kind === 'daily')?.code;
  const slots = procedure.when === 'adhoc' ? adhocSlots(profile, date) : magazine.slots;
  const courierTapes =
    procedure.when === 'courier'
      ? courierSets(profile, date).flatMap((set) => set.codes.map((code) => ({ code, detail: `${set.retention} (Bill Run of ${apDateWithWeekday(set.date)})` })))
      : [];
  const steps: RunStep[] = [];
  for (const step of procedure.steps) {
    if (step.onlyOn && !step.onlyOn.includes(weekday)) continue;
    const run = runStepOf(step, {
      profile,
      magazineNotes: magazine.notes,
      uniquePart: options.uniquePart,
      ...(options.chosenJob === undefined ? {} : { chosenJob: options.chosenJob }),
      ...(dailyTape === undefined ? {} : { dailyTape }),
      courierTapes,
    });
    if ('problem' in run) return { ok: false, problem: `${procedure.id}, ${run.problem}` };
    // the tapes the SUBMIT initialises, each paper code beside the volume label it gets
    if (run.command && day.initializeTapes && run.command.job === day.initializeTapes.job) {
      const tapes = day.initializeTapes.initializes.map((tape) => `${tape.code} → volume ${volumeLabelOf(tape.code, rule)}`);
      run.notes.push(`Volume labels it writes: ${tapes.join(', ')}.`);
    }
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
      slots,
      steps,
      notes: [...procedure.notes, ...dayNotes(procedure, day)],
      warnings: dayWarnings(profile, procedure, day),
      next: whatComesNext(profile, procedure, day),
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

/** How the profile decided the date where the plan is silent. */
function dayNotes(procedure: ProcedureDef, day: DayPlan): string[] {
  return procedure.when === 'billrun' || procedure.when === 'daily' ? [...day.notes] : [];
}

/** A courier run on another weekday than the pickup's: said above every step. */
function dayWarnings(profile: SiteProfile, procedure: ProcedureDef, day: DayPlan): string[] {
  const { company, pickupWeekday } = profile.courier;
  if (procedure.when !== 'courier' || day.weekday === pickupWeekday) return [];
  return [`The ${company} courier picks up on ${capitalised(pickupWeekday)}s; this run is for ${apDateWithWeekday(day.date)}.`];
}

/**
 * The tape of an adhoc backup: the plan says to set one up with the Procedure for Daily Backups,
 * so the DAILY tape that procedure loads next (plan silent on which: the next daily day's).
 */
function adhocSlots(profile: SiteProfile, date: IsoDate): SlotPlan[] {
  for (let ahead = 1; ahead <= 14; ahead++) {
    const use = dailyTapeFor(profile, addDaysIso(date, ahead));
    if (use !== null) return [{ slot: 1, code: use.tape, volume: volumeLabelOf(use.tape, profile.tapes.billRun.volumeLabel) }];
  }
  return [];
}

/** The jobs a Bill Run or daily run prepared the tapes for, and when they run: said once the steps are done. */
function whatComesNext(profile: SiteProfile, procedure: ProcedureDef, day: DayPlan): string[] {
  const follow = 'Follow them on the Queues screen: the queue entry, its status and its log.';
  const daily = day.tapesToPull
    .filter((tape) => tape.kind === 'daily')
    .map((tape) => `${tape.job} runs at ${profile.calendar.dailyBackup.at} on ${apDateWithWeekday(tape.runs)} and writes ${tape.code}.`);
  if (procedure.when === 'billrun') {
    const chain = day.timeline.map((entry) => `${entry.job} (${entry.queue}): ${entry.when.text}${entry.tapes ? `, ${entry.tapes.join(', ')}` : ''}.`);
    return ['The backups have not run yet. The Bill Run chain:', ...chain, ...daily, follow];
  }
  if (procedure.when === 'daily') return ['The backup has not run yet.', ...daily, follow];
  if (procedure.when === 'adhoc') return ['The adhoc backup job runs in its queue now.', follow];
  return [];
}

function capitalised(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
