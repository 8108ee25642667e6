/** A day's plan, a month of the calendar, and the months as an iCalendar file. */
import type { calendarRequests } from '../../../shared/api';
import { planDay } from '../../../shared/calendar/day-plan';
import { monthCalendar } from '../../../shared/calendar/month';
import { calendarIcs } from '../../reports/calendar-ics';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './context';

export function calendarHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof calendarRequests> {
  const profile = () => deps.session().site.profile;
  return {
    'day.plan': ({ date }) => planDay(profile(), date),
    'calendar.month': ({ month }) => monthCalendar(profile(), month),
    'calendar.ics': ({ month, months }) => {
      const site = profile();
      const slug =
        site.site.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'site';
      return { fileName: `${slug}-backup-calendar-${month}.ics`, content: calendarIcs(site, month, months) };
    },
  };
}
