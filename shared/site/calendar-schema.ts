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
});
