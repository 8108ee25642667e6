/**
 * What the Procedures screen offers for a day, before anything starts: which procedures apply,
 * whether a run would be a rehearsal (a day other than the console's today), and for one that
 * does not apply, why in plain words and what applies instead. A procedure that does not apply
 * is information, never an error: the day before a Bill Run has no DAILY tape and no Bill Run.
 */
import { CalendarInputError } from '../calendar/calendar-input-error';
import { planDay, type DayPlan } from '../calendar/day-plan';
import { addDaysIso, type IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { apDateWithWeekday } from '../tapes/label-date';
import type { ProcedureDef } from './procedure-types';
import { magazineFor } from './run-magazine';

export interface ProcedureOffer {
  procedureId: string;
  applies: boolean;
  /** Why it does not apply on this day, or what to know before it starts. */
  note: string | null;
  /** What applies instead: a rehearsal of the Bill Run of another day (tomorrow's). */
  instead?: { procedureId: string; date: IsoDate; label: string };
}

export interface DayOffers {
  date: IsoDate;
  today: IsoDate;
  /** A run for this day walks through the steps and sends nothing. */
  rehearsal: boolean;
  /** Said above the procedures: the day is not today, or tomorrow is a Bill Run. */
  notes: string[];
  offers: ProcedureOffer[];
}

export function dayOffers(profile: SiteProfile, date: IsoDate, today: IsoDate): DayOffers | { problem: string } {
  let day: DayPlan;
  try {
    day = planDay(profile, date);
  } catch (error) {
    if (error instanceof CalendarInputError) return { problem: error.message };
    throw error;
  }
  const rehearsal = date !== today;
  const notes: string[] = [];
  if (rehearsal) {
    notes.push(
      `${apDateWithWeekday(date)} is not today (${apDateWithWeekday(today)}): a procedure for it is a rehearsal. You walk through its steps; the console sends no command and checks nothing on the host.`,
    );
  }
  const billRunTomorrow = day.kind !== 'billrun' && day.tomorrow.kind === 'billrun';
  const tomorrow = addDaysIso(date, 1);
  const billRun = (profile.operatorProcedures ?? []).find((p) => p.when === 'billrun');
  if (billRunTomorrow) {
    notes.push(
      `Tomorrow, ${apDateWithWeekday(tomorrow)}, is a Bill Run day. Its tapes are loaded tomorrow morning with the Procedure for Bill Run Backups; their labels can be printed ${rehearsal ? 'the day before' : 'today'} on the Labels screen.`,
    );
  }
  const offers = (profile.operatorProcedures ?? []).map((procedure) =>
    offerOf(procedure, day, billRunTomorrow && billRun ? { procedureId: billRun.id, date: tomorrow } : null),
  );
  return { date, today, rehearsal, notes, offers };
}

function offerOf(procedure: ProcedureDef, day: DayPlan, tomorrowsBillRun: { procedureId: string; date: IsoDate } | null): ProcedureOffer {
  const magazine = magazineFor(procedure.when, day);
  if (!('problem' in magazine)) return { procedureId: procedure.id, applies: true, note: null };
  const offer: ProcedureOffer = { procedureId: procedure.id, applies: false, note: magazine.problem };
  // the one rehearsal is offered once, on the Bill Run's own card
  if (tomorrowsBillRun !== null && procedure.when === 'billrun') {
    offer.instead = { ...tomorrowsBillRun, label: `Rehearse tomorrow's Bill Run (${apDateWithWeekday(tomorrowsBillRun.date)})` };
  }
  return offer;
}
