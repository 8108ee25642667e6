/** The day and the month being planned, with their plans as main answered them. */
import type { StateCreator } from 'zustand';
import type { DayPlan } from '../../../shared/calendar/day-plan';
import type { MonthCalendar } from '../../../shared/calendar/month';
import type { ConsoleState } from '../console-store';
import type { ShownError } from '../shown-error';

export interface DaySlice {
  /** The day the Today screen plans (today by main's clock until the operator picks another). */
  date: string | null;
  plan: DayPlan | null;
  planError: ShownError | null;
  month: string | null;
  /** Null until the Calendar screen is first opened. */
  calendar: MonthCalendar | null;
  calendarError: ShownError | null;
}

export const createDaySlice: StateCreator<ConsoleState, [], [], DaySlice> = () => ({
  date: null,
  plan: null,
  planError: null,
  month: null,
  calendar: null,
  calendarError: null,
});
