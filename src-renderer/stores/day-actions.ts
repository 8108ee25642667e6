/** The day and month plans: asked of main for the day or month the operator picks. */
import { downloadFile } from '../download';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { shown, type ShownError } from './shown-error';

export async function loadDay(date: string | null): Promise<void> {
  if (!date) return;
  useConsole.setState({ date });
  try {
    const plan = await getApi().request('day.plan', { date });
    // a slower answer for a date the operator has already left must not overwrite the newer one
    if (useConsole.getState().date === date) useConsole.setState({ plan, planError: null });
  } catch (error) {
    if (useConsole.getState().date === date) useConsole.setState({ plan: null, planError: shown(error) });
  }
}

export async function loadMonth(month: string | null): Promise<void> {
  if (!month) return;
  useConsole.setState({ month });
  try {
    const calendar = await getApi().request('calendar.month', { month });
    if (useConsole.getState().month === month) useConsole.setState({ calendar, calendarError: null });
  } catch (error) {
    if (useConsole.getState().month === month) useConsole.setState({ calendar: null, calendarError: shown(error) });
  }
}

/** The day's plan again, and the month's if the calendar was opened: after sign-in, after a profile change. */
export async function reloadPlans(): Promise<void> {
  const { date, month, calendar } = useConsole.getState();
  await Promise.all([loadDay(date), calendar ? loadMonth(month) : Promise.resolve()]);
}

/** Asks main for the .ics text and hands it to the browser as a download; `daily` adds an event per daily backup day. */
export async function exportIcs(month: string, months: number, daily = false): Promise<ShownError | null> {
  try {
    const file = await getApi().request('calendar.ics', { month, months, daily });
    downloadFile(file.fileName, file.content, 'text/calendar');
    return null;
  } catch (error) {
    return shown(error);
  }
}
