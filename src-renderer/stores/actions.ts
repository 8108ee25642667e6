import { errorMessage, errorProblems } from '../api/api-error';
import { getApi, useConsole, type Screen, type ShownError } from './console-store';
import { downloadFile } from '../download';

export function shown(error: unknown): ShownError {
  return { message: errorMessage(error), problems: errorProblems(error) };
}

export async function start(): Promise<void> {
  try {
    const info = await getApi().request('app.info', {});
    useConsole.setState({ info, date: info.today, month: info.today.slice(0, 7) });
    getApi().subscribe('site.changed', (site) => {
      const current = useConsole.getState().info;
      if (current) useConsole.setState({ info: { ...current, site } });
      void reloadViews();
    });
  } catch (error) {
    useConsole.setState({ startError: shown(error) });
  }
}

export async function signIn(initials: string, name: string): Promise<ShownError | null> {
  try {
    const operator = await getApi().request('session.signIn', { initials, name: name.trim() || undefined });
    useConsole.setState({ operator });
    await reloadViews();
    return null;
  } catch (error) {
    return shown(error);
  }
}

export function showScreen(screen: Screen): void {
  useConsole.setState({ screen });
  if (screen === 'calendar' && !useConsole.getState().calendar) void loadMonth(useConsole.getState().month);
}

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

async function reloadViews(): Promise<void> {
  const { date, month, calendar } = useConsole.getState();
  await Promise.all([loadDay(date), calendar ? loadMonth(month) : Promise.resolve()]);
}

/** The whole audit log as a CSV file, saved by the browser. */
export async function exportAuditCsv(): Promise<ShownError | string> {
  try {
    const file = await getApi().request('audit.csv', {});
    downloadFile(file.fileName, file.content, 'text/csv');
    return file.fileName;
  } catch (error) {
    return shown(error);
  }
}

/** Asks main for the .ics text and hands it to the browser as a download. */
export async function exportIcs(month: string, months: number): Promise<ShownError | null> {
  try {
    const file = await getApi().request('calendar.ics', { month, months });
    downloadFile(file.fileName, file.content, 'text/calendar');
    return null;
  } catch (error) {
    return shown(error);
  }
}

export async function chooseSite(file: string): Promise<ShownError | null> {
  try {
    const site = await getApi().request('site.choose', { file });
    const info = useConsole.getState().info;
    if (info) useConsole.setState({ info: { ...info, site } });
    await reloadViews();
    return null;
  } catch (error) {
    return shown(error);
  }
}
