import { create } from 'zustand';
import type { AppInfo, ConsoleApi, Operator } from '../../shared/api';
import type { DayPlan } from '../../shared/calendar/day-plan';
import type { MonthCalendar } from '../../shared/calendar/month';

export type Screen = 'today' | 'procedures' | 'labels' | 'calendar' | 'hosts' | 'queues' | 'where' | 'settings';

/** A failure as the operator sees it: the message and, when there are several, each problem. */
export interface ShownError {
  message: string;
  problems: string[];
}

export interface ConsoleState {
  info: AppInfo | null;
  startError: ShownError | null;
  operator: Operator | null;
  screen: Screen;
  date: string | null;
  plan: DayPlan | null;
  planError: ShownError | null;
  month: string | null;
  calendar: MonthCalendar | null;
  calendarError: ShownError | null;
}

export const useConsole = create<ConsoleState>()(() => ({
  info: null,
  startError: null,
  operator: null,
  screen: 'today',
  date: null,
  plan: null,
  planError: null,
  month: null,
  calendar: null,
  calendarError: null,
}));

let api: ConsoleApi | null = null;

/** The API client for actions; set once at start-up. */
export function setApi(client: ConsoleApi): void {
  api = client;
}

export function getApi(): ConsoleApi {
  if (!api) throw new Error('the console API is not connected yet');
  return api;
}
