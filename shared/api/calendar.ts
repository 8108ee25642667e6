/** The calendar requests: a day's plan, a month, and the month as an iCalendar file. */
import { z } from 'zod';
import type { DayPlan } from '../calendar/day-plan';
import type { MonthCalendar } from '../calendar/month';
import { isoDateSchema, LAST_YEAR, monthSchema, request, type IcsFile } from './common';

export const calendarRequests = {
  'day.plan': request<DayPlan>()(z.object({ date: isoDateSchema }).strict()),
  'calendar.month': request<MonthCalendar>()(z.object({ month: monthSchema }).strict()),
  'calendar.ics': request<IcsFile>()(
    z
      .object({
        month: monthSchema,
        months: z.number().int().min(1).max(24),
        /** An event for each daily backup day too; off by default (the DAILY tape is a line of the day's other events). */
        daily: z.boolean().default(false),
      })
      .strict()
      .refine(({ month, months }) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + months <= (LAST_YEAR + 1) * 12, {
        message: `the export must end by December ${LAST_YEAR}`,
        path: ['months'],
      }),
  ),
} as const;
