/**
 * Bill Runs that fall on a Saturday or a Sunday. The plan is silent on whether bills run at
 * weekends; the profile's `weekendBillRuns` setting decides, and every screen and export that
 * shows such a day says so in these words.
 */
import { weekdayOf, type IsoDate, type Weekday } from './iso-date';
import type { CalendarRules } from '../site/schema';

export type WeekendBillRunSetting = CalendarRules['weekendBillRuns'];

const WEEKEND: readonly Weekday[] = ['saturday', 'sunday'];

export function isWeekend(date: IsoDate): boolean {
  return WEEKEND.includes(weekdayOf(date));
}

function dayName(weekday: Weekday): string {
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}`;
}

/** The profile's rule for weekend Bill Runs, in one sentence, for the Calendar screen and the export. */
export function weekendSettingText(setting: WeekendBillRunSetting): string {
  const silent = 'The plan does not say whether bills run on Saturdays and Sundays';
  return setting === 'on-the-day'
    ? `${silent}; the site profile's setting (weekendBillRuns: on-the-day) runs a weekend Bill Run on its date like any other, so someone loads the magazine that day.`
    : `${silent}; the site profile's setting (weekendBillRuns: confirm) keeps a weekend Bill Run on its date, to be confirmed with billing beforehand.`;
}

/** The flag of one Bill Run day at a weekend, or null on a weekday. */
export function weekendBillRunNote(setting: WeekendBillRunSetting, date: IsoDate): string | null {
  const weekday = weekdayOf(date);
  if (!WEEKEND.includes(weekday)) return null;
  return setting === 'on-the-day'
    ? `Weekend Bill Run (${dayName(weekday)}): it runs on its date, so someone loads the magazine that day (site profile setting weekendBillRuns: on-the-day; the plan is silent on weekends).`
    : `Weekend Bill Run (${dayName(weekday)}): confirm with billing beforehand that bills run that day (site profile setting weekendBillRuns: confirm; the plan is silent on weekends).`;
}
