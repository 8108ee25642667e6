/** The courier's pickup days: one weekday, from the site profile. */
import { weekdayOf, type IsoDate } from './iso-date';
import type { SiteProfile } from '../site/schema';

export function isCourierPickupDay(courier: Pick<SiteProfile['courier'], 'pickupWeekday'>, date: IsoDate): boolean {
  return weekdayOf(date) === courier.pickupWeekday;
}
