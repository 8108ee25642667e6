/**
 * Dates as a label prints them, in AP style: "Aug. 3, 2010", "May 9, 2011", "Sept. 14, 2010".
 * AP style because the plan writes its dates that way ("Aug. 3, 2010"); AP abbreviates only the
 * months of six letters or more, spells out March to July, and writes September as "Sept.".
 */
import { requireLocalDate, weekdayOf, type IsoDate } from '../calendar/iso-date';

const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;

/** "Aug. 3, 2010". */
export function apDate(date: IsoDate): string {
  const day = requireLocalDate(date);
  return `${AP_MONTHS[day.getMonth()]} ${day.getDate()}, ${day.getFullYear()}`;
}

/** "Monday, Aug. 9, 2010": the weekday helps the operator place a date the sentence names. */
export function apDateWithWeekday(date: IsoDate): string {
  const weekday = weekdayOf(date);
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${apDate(date)}`;
}

/** "Aug. 3, 2010 (2010-08-03)": the words for people, the ISO form for matching with the logs. */
export function apDateWithIso(date: IsoDate): string {
  return `${apDate(date)} (${date})`;
}
