/** A day's plan, a month of the calendar, and the months as an iCalendar file. */
import type { calendarRequests } from '../../../shared/api';
import { planDay } from '../../../shared/calendar/day-plan';
import { monthCalendar } from '../../../shared/calendar/month';
import { calendarIcs, icsFileName } from '../../reports/calendar-ics';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './context';

export function calendarHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof calendarRequests> {
  const profile = () => deps.session().site.profile;
  return {
    'day.plan': ({ date }) => planDay(profile(), date),
    'calendar.month': ({ month }) => monthCalendar(profile(), month),
    'calendar.ics': ({ month, months, daily }) => {
      const site = profile();
      return { fileName: icsFileName(site, month), content: calendarIcs(site, month, months, { daily }) };
    },
  };
}
