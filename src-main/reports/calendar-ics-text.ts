/** The words of the backup calendar's events, kept apart from the iCalendar plumbing. */
import type { DayPlan } from '../../shared/calendar/day-plan';
import type { SiteProfile } from '../../shared/site/schema';

/** "100803P, D, E, F, G": the first code whole, the rest by the letter that tells them apart. */
export function shortTapeList(codes: readonly string[]): string {
  const [first, ...rest] = codes;
  if (first === undefined) return '';
  const prefix = first.slice(0, -1);
  return [first, ...rest.map((code) => (code.length === first.length && code.startsWith(prefix) ? code.slice(-1) : code))].join(', ');
}

export function billRunSummary(plan: DayPlan): string {
  const codes = plan.tapesToPull.filter((tape) => tape.kind === 'billrun').map((tape) => tape.code);
  return `Bill Run — tapes ${shortTapeList(codes)}`;
}

export function billRunDescription(plan: DayPlan): string {
  const lines: string[] = [...plan.notes];
  lines.push('Tapes, in magazine slot order:');
  for (const tape of plan.tapesToPull) {
    const labelled = tape.label ? '' : `, already labelled, for the daily backup of ${tape.runs}`;
    lines.push(`  slot ${tape.slot}: ${tape.code} — ${tape.job} (${tape.title})${labelled}`);
  }
  lines.push(...plan.tapesNotes);
  lines.push('Jobs:');
  for (const entry of plan.timeline) {
    lines.push(`  ${entry.job} — ${entry.title} — ${entry.queue} on ${entry.host} — ${entry.when.text}`);
  }
  const initialize = plan.initializeTapes;
  if (initialize !== null) {
    lines.push(`Initialise: ${initialize.command}`);
    lines.push(`  initialises ${shortTapeList(initialize.initializes.map((tape) => tape.code))}`);
    for (const tape of initialize.notInitialized) lines.push(`  not ${tape.code}: ${tape.reason}`);
  }
  return lines.join('\n');
}

export function dailySummary(plan: DayPlan): string {
  const today = plan.dailyBackupToday;
  return today === null ? 'Daily backup' : `${today.job} ${today.at} — ${today.tape}`;
}

export function dailyDescription(plan: DayPlan): string {
  const lines: string[] = [...plan.notes];
  for (const entry of plan.timeline) {
    const tapes = entry.tapes === undefined ? '' : ` on ${entry.tapes.join(', ')}`;
    lines.push(`${entry.job} — ${entry.title} — ${entry.queue} on ${entry.host} — ${entry.when.text}${tapes}`);
    lines.push(...entry.notes);
  }
  const next = plan.tapesToPull.find((tape) => tape.kind === 'daily');
  if (next !== undefined) lines.push(`Load ${next.code} in slot ${next.slot} today for the daily backup of ${next.runs}.`);
  lines.push(...plan.tapesNotes);
  return lines.join('\n');
}

export function courierSummary(courier: SiteProfile['courier']): string {
  return `${courier.company} courier pickup — ${courier.handOff}`;
}

export function courierDescription(courier: SiteProfile['courier']): string {
  return `The ${courier.company} courier picks up the Bill Run tapes: ${courier.pickupTime}.\nBefore then: ${courier.handOff}.`;
}
