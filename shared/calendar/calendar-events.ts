/**
 * The events of the backup calendar export, without the noise: one event per Bill Run day and
 * one per courier pickup. The daily tape of a day is a line in that day's event; an event for
 * every daily backup day is an option, off unless asked for.
 */
import { CalendarInputError } from './calendar-input-error';
import { planDay } from './day-plan';
import { addMonthsIso, requireMonthStart, type IsoDate } from './iso-date';
import { monthCalendar } from './month';
import { billRunDescription, billRunSummary, courierDescription, courierSummary, dailyDescription, dailySummary } from './calendar-event-text';
import type { SiteProfile } from '../site/schema';

export type CalendarEventKind = 'billrun' | 'courier' | 'daily';

export interface CalendarEvent {
  kind: CalendarEventKind;
  /** An all-day event on this date. */
  date: IsoDate;
  summary: string;
  description: string;
  categories: string[];
}

export interface CalendarEventOptions {
  /** An event for each daily backup day too (off by default: the daily tape is a line of the day's other events). */
  daily?: boolean;
}

export const WEEKEND_CATEGORY = 'Weekend Bill Run';

/** The events of `months` whole months from `fromMonth`, in date order; bad input is a CalendarInputError. */
export function calendarEvents(profile: SiteProfile, fromMonth: string, months: number, options: CalendarEventOptions = {}): CalendarEvent[] {
  requireMonthStart(fromMonth);
  if (!Number.isInteger(months) || months < 1) {
    throw new CalendarInputError('bad-month-count', String(months), `Export at least one whole month, not ${months}.`);
  }
  const events: CalendarEvent[] = [];
  for (let index = 0; index < months; index += 1) {
    for (const day of monthCalendar(profile, addMonthsIso(fromMonth, index)).days) {
      const plan = planDay(profile, day.date);
      if (day.kind === 'billrun') {
        const categories = plan.weekendBillRun === null ? ['Bill Run'] : ['Bill Run', WEEKEND_CATEGORY];
        events.push({ kind: 'billrun', date: day.date, summary: billRunSummary(plan), description: billRunDescription(plan), categories });
      } else if (options.daily === true) {
        events.push({ kind: 'daily', date: day.date, summary: dailySummary(plan), description: dailyDescription(plan), categories: ['Daily backup'] });
      }
      if (day.courierPickup) {
        events.push({
          kind: 'courier',
          date: day.date,
          summary: courierSummary(profile.courier),
          description: courierDescription(profile.courier, plan),
          categories: ['Courier'],
        });
      }
    }
  }
  return events;
}
