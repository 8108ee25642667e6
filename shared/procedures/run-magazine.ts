/**
 * The magazine of a run: the day plan's slots (planDay), so that a guided run, the Today screen
 * and the labels never disagree about which tape goes where. Only the Bill Run and daily
 * procedures load the magazine; the others leave it alone.
 */
import type { DayPlan } from '../calendar/day-plan';
import { apDateWithWeekday } from '../tapes/label-date';
import { volumeLabelOf, type VolumeLabelRule } from '../tapes/volume-label';
import type { ProcedureWhen, SlotPlan } from './procedure-types';

export interface RunMagazine {
  slots: SlotPlan[];
  /** Shown under the step that checks the magazine: the order, and why a slot is empty. */
  notes: string[];
}

export function magazineFor(when: ProcedureWhen, day: DayPlan, rule: VolumeLabelRule = 'last-six'): RunMagazine | { problem: string } {
  if (when === 'billrun' && day.kind !== 'billrun') {
    return { problem: `${day.date} is not a Bill Run day; the next Bill Run is ${apDateWithWeekday(day.nextBillRun)}.` };
  }
  if (when === 'daily') {
    if (day.kind === 'billrun') {
      return {
        problem: `${day.date} is a Bill Run day: the daily backup job does not run; follow the Bill Run procedure, which loads the magazine.`,
      };
    }
    if (!day.tapesToPull.some((tape) => tape.kind === 'daily')) {
      return {
        problem: `No DAILY tape is loaded on ${day.date}: the next day, ${apDateWithWeekday(day.tomorrow.date)}, is a Bill Run day, when the daily backup job does not run.`,
      };
    }
  }
  if (when !== 'billrun' && when !== 'daily') return { slots: [], notes: [] };
  const slots = day.slots.map((code, index): SlotPlan => (code === null ? { slot: index + 1, code } : { slot: index + 1, code, volume: volumeLabelOf(code, rule) }));
  return { slots, notes: magazineNotes(day) };
}

function magazineNotes(day: DayPlan): string[] {
  const order = day.slots.flatMap((code, index) => (code === null ? [] : [`slot ${index + 1}: ${code}`])).join(', ');
  // the daily tape goes in today but is written tomorrow: say when, or it looks like today's
  const dailies = day.tapesToPull
    .filter((tape) => tape.kind === 'daily')
    .map((tape) => `${tape.code} is for the daily backup job ${tape.job} on ${apDateWithWeekday(tape.runs)}.`);
  return [`${order.charAt(0).toUpperCase()}${order.slice(1)}.`, ...dailies, ...day.tapesNotes];
}
