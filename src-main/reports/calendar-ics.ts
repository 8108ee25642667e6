/**
 * The backup calendar as an iCalendar file, for the operators' own calendars. Which events and
 * their words are the calendar's own (shared/calendar/calendar-events); this is the file format.
 * Every event's UID is made from the site, its kind and its date, so importing a newer export
 * updates the events instead of adding them again.
 */
import ical from 'ical-generator';
import { calendarEvents, type CalendarEventKind, type CalendarEventOptions } from '../../shared/calendar/calendar-events';
import { addDaysIso } from '../../shared/calendar/iso-date';
import { weekendSettingText } from '../../shared/calendar/weekend-bill-run';
import type { SiteProfile } from '../../shared/site/schema';

export interface CalendarIcsOptions extends CalendarEventOptions {
  /** DTSTAMP of every event; the time of the export when not given. */
  stamp?: Date;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'site'
  );
}

export function eventUid(profile: SiteProfile, kind: CalendarEventKind, date: string): string {
  return `${kind}-${date}@${slug(profile.site.name)}.tapeops`;
}

// All-day values are written from the UTC fields of a Date, so the date is built in UTC.
function allDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function calendarName(profile: SiteProfile): string {
  return `${profile.site.name} — tape backups`;
}

/** The file name of an export starting at `month`. */
export function icsFileName(profile: SiteProfile, month: string): string {
  return `${slug(profile.site.name)}-backup-calendar-${month}.ics`;
}

/** The months as iCalendar text; a malformed month or count is a CalendarInputError. */
export function calendarIcs(profile: SiteProfile, fromMonth: string, months: number, options: CalendarIcsOptions = {}): string {
  const events = calendarEvents(profile, fromMonth, months, options.daily === undefined ? {} : { daily: options.daily });
  const calendar = ical({
    name: calendarName(profile),
    description: weekendSettingText(profile.calendar.weekendBillRuns),
    prodId: { company: profile.site.organisation, product: 'TapeOps Console', language: 'EN' },
  });
  for (const event of events) {
    calendar.createEvent({
      id: eventUid(profile, event.kind, event.date),
      allDay: true,
      start: allDay(event.date),
      end: allDay(addDaysIso(event.date, 1)),
      summary: event.summary,
      description: event.description,
      categories: event.categories.map((name) => ({ name })),
      ...(options.stamp === undefined ? {} : { stamp: options.stamp }),
    });
  }
  return calendar.toString();
}
