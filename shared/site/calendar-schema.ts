/** The profile's calendar: which days are Bill Run days, and when the daily backup runs. */
import { z } from 'zod';
import { hhmm, vmsName } from './schema-values';

export const calendarSchema = z.strictObject({
  /** Bill Run days after the first one of the month. */
  billRunDays: z.array(z.number().int().min(1).max(31)).min(1),
  firstBillRun: z.strictObject({
    afterMonthOf31Days: z.number().int().min(1).max(28),
    afterMonthOf30Days: z.number().int().min(1).max(28),
    /** The plan is silent on the month after February. */
    afterFebruary: z.number().int().min(1).max(28),
  }),
  /** The plan is silent on a Bill Run day the month does not have (29 February in a common year). */
  missingDay: z.enum(['last-day-of-month', 'skip']),
  dailyBackup: z.strictObject({ job: vmsName, at: hhmm }),
  /**
   * The plan is silent on whether bills run on a Saturday or a Sunday. `on-the-day`: a Bill Run
   * that falls at a weekend runs on its date like any other (someone loads the magazine that
   * day); `confirm`: it is on the calendar, and the console asks the technician to confirm with
   * billing beforehand that it runs. Either way its events and screens flag it as a weekend one.
   */
  weekendBillRuns: z.enum(['on-the-day', 'confirm']).default('on-the-day'),
});
