import { planDay, type DayPlan } from '../../shared/calendar/day-plan';
import { loadCliSite } from './cli-site';

function text(plan: DayPlan): string {
  const lines: string[] = [];
  lines.push(`${plan.date} (${plan.weekday}): ${plan.kind === 'billrun' ? 'Bill Run day' : 'daily backup day'}`);
  for (const note of plan.notes) lines.push(`  note: ${note}`);
  if (plan.weekendBillRun) lines.push(`  note: ${plan.weekendBillRun}`);
  if (plan.courier) lines.push(`  courier: ${plan.courier.company}, ${plan.courier.pickupTime}: ${plan.courier.handOff}`);
  if (plan.dailyBackupToday) lines.push(`  ${plan.dailyBackupToday.job} at ${plan.dailyBackupToday.at} on ${plan.dailyBackupToday.tape}`);
  lines.push('', 'Jobs:');
  for (const entry of plan.timeline) lines.push(`  ${entry.job.padEnd(28)} ${entry.queue.padEnd(12)} ${entry.when.text}`);
  lines.push('', 'Tapes to pull:');
  for (const tape of plan.tapesToPull) lines.push(`  ${tape.code.padEnd(9)} slot ${tape.slot}  ${tape.title}${tape.label ? ' (new label)' : ''}`);
  for (const note of plan.tapesNotes) lines.push(`  ${note}`);
  lines.push('', 'Magazine:');
  plan.slots.forEach((code, i) => lines.push(`  slot ${i + 1}: ${code ?? 'empty'}`));
  if (plan.initializeTapes) {
    lines.push('', `Then enter: ${plan.initializeTapes.command}`);
    lines.push(`  initialises ${plan.initializeTapes.initializes.map((t) => t.code).join(', ')}`);
    for (const tape of plan.initializeTapes.notInitialized) lines.push(`  not ${tape.code}: ${tape.reason}`);
  }
  if (plan.preparesFor) {
    lines.push('', `Tomorrow's Bill Run, to label today: ${plan.preparesFor.note}`);
    if (plan.preparesFor.weekendBillRun) lines.push(`  note: ${plan.preparesFor.weekendBillRun}`);
    for (const tape of plan.preparesFor.tapes) lines.push(`  ${tape.code.padEnd(9)} slot ${tape.slot}  ${tape.title}${tape.label ? ' (new label)' : ''}`);
    lines.push(`  labels: tapeops labels --date ${plan.preparesFor.date} --format pdf --out FILE`);
  }
  lines.push('', `Tomorrow ${plan.tomorrow.date}: ${plan.tomorrow.kind === 'billrun' ? 'Bill Run day' : `daily, ${plan.tomorrow.dailyTape}`}`);
  return `${lines.join('\n')}\n`;
}

export function runToday(options: { date: string; json: boolean; siteFile?: string }): string {
  const plan = planDay(loadCliSite(options.siteFile).profile, options.date);
  return options.json ? `${JSON.stringify(plan, null, 2)}\n` : text(plan);
}
