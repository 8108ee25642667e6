/**
 * The backup calendar as an iCalendar file, for the operators' own calendars.
 * Every event's UID is made from the site and the date, so importing a newer export updates the
 * events instead of adding them again.
 */
import ical from 'ical-generator';
import { CalendarInputError } from '../../shared/calendar/calendar-input-error';
import { planDay } from '../../shared/calendar/day-plan';
import { addMonthsIso, addDaysIso, requireMonthStart } from '../../shared/calendar/iso-date';
import { monthCalendar } from '../../shared/calendar/month';
import type { SiteProfile } from '../../shared/site/schema';
import { billRunDescription, billRunSummary, courierDescription, courierSummary, dailyDescription, dailySummary } from './calendar-ics-text';

export interface CalendarIcsOptions {
  /** DTSTAMP of every event; the time of the export when not given. */
  stamp?: Date;
}

type EventKind = 'billrun' | 'daily' | 'courier';

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'site'
  );
}

export function eventUid(profile: SiteProfile, kind: EventKind, date: string): string {
  return `${kind}-${date}@${slug(profile.site.name)}.tapeops`;
}

// All-day values are written from the UTC fields of a Date, so the date is built in UTC.
function allDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function calendarName(profile: SiteProfile): string {
  return `${profile.site.name} — tape backups`;
}

export function calendarIcs(profile: SiteProfile, fromMonth: string, months: number, options: CalendarIcsOptions = {}): string {
  requireMonthStart(fromMonth);
  if (!Number.isInteger(months) || months < 1) {
    throw new CalendarInputError('bad-month-count', String(months), `Export at least one whole month, not ${months}.`);
  }
  const calendar = ical({
    name: calendarName(profile),
    prodId: { company: profile.site.organisation, product: 'TapeOps Console', language: 'EN' },
  });
  const stamp = options.stamp === undefined ? {} : { stamp: options.stamp };
  const event = (kind: EventKind, date: string, summary: string, description: string) =>
    calendar.createEvent({
      id: eventUid(profile, kind, date),
      allDay: true,
      start: allDay(date),
      end: allDay(addDaysIso(date, 1)),
      summary,
      description,
      ...stamp,
    });

  for (let index = 0; index < months; index += 1) {
    for (const day of monthCalendar(profile, addMonthsIso(fromMonth, index)).days) {
      const plan = planDay(profile, day.date);
      if (day.kind === 'billrun') event('billrun', day.date, billRunSummary(plan), billRunDescription(plan));
      else event('daily', day.date, dailySummary(plan), dailyDescription(plan));
      if (day.courierPickup) event('courier', day.date, courierSummary(profile.courier), courierDescription(profile.courier));
    }
  }
  return calendar.toString();
}
