import { counted } from '../../shared/plural';
import { writeFileSync } from 'node:fs';
import { monthCalendar, type MonthCalendar } from '../../shared/calendar/month';
import { calendarIcs } from '../reports/calendar-ics';
import { loadCliSite } from './cli-site';

function text(calendar: MonthCalendar): string {
  const lines = [`${calendar.month}: Bill Run days ${calendar.billRunDays.join(', ')}`];
  for (const day of calendar.days) {
    const what = day.kind === 'billrun' ? 'Bill Run' : `daily, ${day.dailyTape}`;
    const weekend = day.weekendBillRun === undefined ? '' : ' (weekend Bill Run)';
    lines.push(`  ${day.date} ${day.weekday.slice(0, 3)}  ${what}${weekend}${day.courierPickup ? ', courier pickup' : ''}`);
  }
  lines.push(`weekends: ${calendar.weekendRule}`);
  for (const note of calendar.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

export function runCalendar(options: { month: string; months: number; json: boolean; ics?: string; siteFile?: string; dailyEvents?: boolean }): string {
  const { profile } = loadCliSite(options.siteFile);
  if (options.ics) {
    writeFileSync(options.ics, calendarIcs(profile, options.month, options.months, { daily: options.dailyEvents === true }));
    return `wrote ${options.ics} (${counted(options.months, 'month')} from ${options.month})\n`;
  }
  const calendar = monthCalendar(profile, options.month);
  return options.json ? `${JSON.stringify(calendar)}\n` : text(calendar);
}
