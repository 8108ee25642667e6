/** The words of the backup calendar's events: what a technician reads in a mail calendar. */
import type { DayPlan } from './day-plan';
import type { SiteProfile } from '../site/schema';

/** "100803P, D, E, F, G": the first code whole, the rest by the letter that tells them apart. */
export function shortTapeList(codes: readonly string[]): string {
  const [first, ...rest] = codes;
  if (first === undefined) return '';
  const stem = first.slice(0, -1);
  return [first, ...rest.map((code) => (code.length === first.length && code.startsWith(stem) ? code.slice(-1) : code))].join(', ');
}

function billRunCodes(plan: DayPlan): string[] {
  return plan.tapesToPull.filter((tape) => tape.kind === 'billrun').map((tape) => tape.code);
}

/** The day's daily tape in one line: the one the morning's job writes and the one loaded for tomorrow. */
export function dailyTapeNote(plan: DayPlan): string {
  const loaded = plan.tapesToPull.find((tape) => tape.kind === 'daily');
  const load = loaded === undefined ? 'no daily tape is loaded today (tomorrow is a Bill Run day)' : `load ${loaded.code} in slot ${loaded.slot} today for tomorrow`;
  const today = plan.dailyBackupToday;
  const runs = today === null ? 'The daily backup does not run today' : `${today.job} runs at ${today.at} on ${today.tape}`;
  return `Daily tape: ${runs}; ${load}.`;
}

export function billRunSummary(plan: DayPlan): string {
  const weekend = plan.weekendBillRun === null ? '' : ` (weekend: ${plan.weekday.charAt(0).toUpperCase()}${plan.weekday.slice(1)})`;
  return `Bill Run${weekend} — tapes ${shortTapeList(billRunCodes(plan))}`;
}

export function billRunDescription(plan: DayPlan): string {
  const lines: string[] = [];
  if (plan.weekendBillRun !== null) lines.push(plan.weekendBillRun);
  lines.push(...plan.notes, 'Tapes, in magazine slot order:');
  for (const tape of plan.tapesToPull) {
    const labelled = tape.label ? ', new label' : `, already labelled, for the daily backup of ${tape.runs}`;
    lines.push(`  slot ${tape.slot}: ${tape.code} — ${tape.job} (${tape.title})${labelled}`);
  }
  lines.push(...plan.tapesNotes, 'Jobs:');
  for (const entry of plan.timeline) lines.push(`  ${entry.job} — ${entry.queue} on ${entry.host} — ${entry.when.text}`);
  const initialize = plan.initializeTapes;
  if (initialize !== null) {
    lines.push(`After loading the magazine: ${initialize.command}`);
    lines.push(`  initialises ${shortTapeList(initialize.initializes.map((tape) => tape.code))}`);
  }
  return lines.join('\n');
}

export function courierSummary(courier: SiteProfile['courier']): string {
  return `${courier.company} courier pickup`;
}

/** The pickup, and on a day without a Bill Run event, the day's daily tape note. */
export function courierDescription(courier: SiteProfile['courier'], plan: DayPlan): string {
  const lines = [`The ${courier.company} courier picks up the Bill Run tapes: ${courier.pickupTime}.`, `Before then: ${courier.handOff}.`];
  if (plan.kind === 'daily') lines.push(dailyTapeNote(plan));
  return lines.join('\n');
}

export function dailySummary(plan: DayPlan): string {
  const today = plan.dailyBackupToday;
  return today === null ? 'Daily backup' : `${today.tape} — ${today.job} ${today.at}`;
}

export function dailyDescription(plan: DayPlan): string {
  return [...plan.notes, dailyTapeNote(plan), ...plan.tapesNotes].join('\n');
}
