/** Starting the console, signing in, and the screen shown. */
import type { ConsoleApi } from '../../shared/api';
import { getApi, setApi } from './console-api';
import { listenToMain } from './console-events';
import { useConsole, type Screen } from './console-store';
import { loadMonth, reloadPlans } from './day-actions';
import { shown, type ShownError } from './shown-error';

/** Connects the store to main: what the console is, then every event main pushes from now on. */
export async function start(api: ConsoleApi): Promise<void> {
  setApi(api);
  try {
    const info = await api.request('app.info', {});
    useConsole.setState({ info, date: info.today, month: info.today.slice(0, 7) });
    listenToMain(api);
  } catch (error) {
    useConsole.setState({ startError: shown(error) });
  }
}

export async function signIn(initials: string, name: string): Promise<ShownError | null> {
  try {
    const operator = await getApi().request('session.signIn', { initials, name: name.trim() || undefined });
    useConsole.setState({ operator, signedOut: null });
    await reloadPlans();
    return null;
  } catch (error) {
    return shown(error);
  }
}

/** Signs the operator out (main audits it); the sign-in screen then asks who is at the console. */
export async function signOut(): Promise<ShownError | null> {
  try {
    const operator = await getApi().request('session.signOut', {});
    // the next operator starts from the day's overview, not from where the last one left off
    useConsole.setState({ operator: null, signedOut: operator, screen: 'today' });
    return null;
  } catch (error) {
    return shown(error);
  }
}

export function showScreen(screen: Screen): void {
  useConsole.setState({ screen });
  if (screen === 'calendar' && !useConsole.getState().calendar) void loadMonth(useConsole.getState().month);
}
