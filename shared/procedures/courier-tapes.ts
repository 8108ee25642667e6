/**
 * What goes with the courier: the Bill Run tapes written since the last pickup, from the
 * calendar's Bill Run days, each set with its return date by the profile's retention rules.
 * The plan says only "picked up on Tuesdays"; "since the last pickup" is taken as from the
 * previous pickup weekday (whose Bill Run is written after that afternoon's pickup) to the day
 * before the run (today's Bill Run is still being written).
 */
import { isBillRunDay } from '../calendar/bill-run-search';
import { addDaysIso, weekdayOf, type IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { billRunSet } from '../tapes/bill-run-set';
import { billRunRetention } from '../tapes/retention';

export interface CourierSet {
  date: IsoDate;
  codes: string[];
  /** "No return date" or "Return after Feb. 9, 2011", and why. */
  retention: string;
  reason: string;
}

/** The last pickup weekday strictly before `date`. */
export function lastPickupBefore(profile: Pick<SiteProfile, 'courier'>, date: IsoDate): IsoDate {
  for (let back = 1; back <= 7; back++) {
    const day = addDaysIso(date, -back);
    if (weekdayOf(day) === profile.courier.pickupWeekday) return day;
  }
  return addDaysIso(date, -7);
}

export function courierSets(profile: SiteProfile, date: IsoDate): CourierSet[] {
  const sets: CourierSet[] = [];
  for (let day = lastPickupBefore(profile, date); day < date; day = addDaysIso(day, 1)) {
    if (!isBillRunDay(profile.calendar, day)) continue;
    const retention = billRunRetention(profile, day);
    sets.push({ date: day, codes: billRunSet(profile, day).map((tape) => tape.code), retention: retention.text, reason: retention.reason });
  }
  return sets;
}
