/** The calendar rules must agree with themselves and with the daily job they schedule. */
import { entryNamed, isKnown } from './check-jobs';
import { problem, type SiteProblem } from './problems';
import type { ProfileView } from './view';

export function checkCalendar(view: ProfileView): SiteProblem[] {
  const out: SiteProblem[] = [];
  const calendar = view.calendar;
  if (!calendar) return out;

  let previous: number | undefined;
  calendar.billRunDays.forEach((day, d) => {
    const path = ['calendar', 'billRunDays', d];
    if (previous !== undefined && day === previous) out.push(problem(path, `day ${day} is listed twice`));
    else if (previous !== undefined && day < previous) out.push(problem(path, `days must be in ascending order: ${day} comes after ${previous}`));
    previous = day;
  });
  const earliest = Math.min(...calendar.billRunDays);
  for (const key of ['afterMonthOf31Days', 'afterMonthOf30Days', 'afterFebruary'] as const) {
    const day = calendar.firstBillRun[key];
    if (day >= earliest) out.push(problem(['calendar', 'firstBillRun', key], `day ${day} is not before the first of calendar.billRunDays (${earliest})`));
  }

  const daily = calendar.dailyBackup;
  const path = ['calendar', 'dailyBackup', 'job'];
  if (!isKnown(view.jobs, daily.job)) {
    out.push(problem(path, `unknown job "${daily.job}"`));
    return out;
  }
  if (view.tapes && view.tapes.daily.job !== daily.job)
    out.push(problem(path, `${daily.job} is not the job of the daily tapes (tapes.daily.job: ${view.tapes.daily.job})`));
  const job = entryNamed(view.jobs, daily.job);
  if (job && job.value.at !== undefined && job.value.at !== daily.at)
    out.push(problem(['calendar', 'dailyBackup', 'at'], `"${daily.at}" differs from the start time of ${daily.job} ("${job.value.at}", jobs[${job.index}].at)`));
  return out;
}
