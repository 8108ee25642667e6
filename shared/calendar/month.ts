/** A month of the backup calendar, for the calendar screen, the CLI and the .ics export. */
import { billRunDates } from './bill-run-days';
import { calendarDay, type CalendarDay, type CalendarProfile } from './calendar-day';
import { weekendSettingText } from './weekend-bill-run';
import { datesOfMonth, requireMonthStart, type IsoDate, type IsoMonth } from './iso-date';

export interface MonthCalendar {
  month: IsoMonth;
  billRunDays: IsoDate[];
  /** Every day of the month, in order. */
  days: CalendarDay[];
  /** Every setting-decided note of the month's days, once each. */
  notes: string[];
  /** The month's Bill Runs that fall on a Saturday or a Sunday. */
  weekendBillRuns: IsoDate[];
  /** The profile's rule for weekend Bill Runs, in words: the plan is silent on them. */
  weekendRule: string;
}

/** The month's calendar; a malformed month is a CalendarInputError. */
export function monthCalendar(profile: CalendarProfile, month: IsoMonth): MonthCalendar {
  requireMonthStart(month);
  const days = datesOfMonth(month).map((date) => calendarDay(profile, date));
  return {
    month,
    billRunDays: billRunDates(profile.calendar, month),
    days,
    notes: [...new Set(days.flatMap((day) => day.notes))],
    weekendBillRuns: days.filter((day) => day.weekendBillRun !== undefined).map((day) => day.date),
    weekendRule: weekendSettingText(profile.calendar.weekendBillRuns),
  };
}
