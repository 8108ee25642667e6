/** The real site profile (the plan as data) for the calendar, tape and report tests. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CalendarRules, SiteProfile } from '../../../shared/site/schema';
import { validateSiteProfile } from '../../../shared/site/validate';

const PROFILE_FILE = new URL('../../../assets/sites/microfinancial.yaml', import.meta.url);

let cached: SiteProfile | undefined;

export function microfinancial(): SiteProfile {
  if (cached === undefined) {
    const result = validateSiteProfile(parse(readFileSync(PROFILE_FILE, 'utf8')));
    if (!result.ok) throw new Error(`the site profile is not valid:\n${result.problems.join('\n')}`);
    cached = result.profile;
  }
  return cached;
}

/** The profile with some calendar settings changed, as another site might set them. */
export function withCalendar(changes: Partial<Omit<CalendarRules, 'firstBillRun'>> & { firstBillRun?: Partial<CalendarRules['firstBillRun']> }): SiteProfile {
  const profile = microfinancial();
  const { firstBillRun, ...rest } = changes;
  return {
    ...profile,
    calendar: { ...profile.calendar, ...rest, firstBillRun: { ...profile.calendar.firstBillRun, ...firstBillRun } },
  };
}

/** Every month from one to another, inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
