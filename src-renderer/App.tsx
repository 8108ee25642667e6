import { useConsole } from './stores/console-store';
import { ErrorBox } from './components/ErrorBox';
import { Header } from './components/Header';
import { SignInScreen } from './screens/SignInScreen';
import { TodayScreen } from './screens/TodayScreen';
import { CalendarScreen } from './screens/CalendarScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { HostsScreen } from './screens/HostsScreen';
import { QueuesScreen } from './screens/QueuesScreen';
import { WhereScreen } from './screens/WhereScreen';
import { LabelsScreen } from './screens/LabelsScreen';
import { ProceduresScreen } from './screens/ProceduresScreen';
import { JobsScreen } from './screens/JobsScreen';
import { useEffect } from 'react';
import { ensureChains } from './stores/job-actions';
import { askNotificationPermission } from './notifications';

export function App() {
  const info = useConsole((s) => s.info);
  const startError = useConsole((s) => s.startError);
  const operator = useConsole((s) => s.operator);
  const screen = useConsole((s) => s.screen);
  const signedIn = operator !== null;

  // the chains are held from the start, whatever screen is open: Today's line and the notifications need them
  useEffect(() => {
    if (!signedIn) return;
    askNotificationPermission();
    void ensureChains();
  }, [signedIn]);

  if (startError) {
    return (
      <main className="page narrow">
        <h1>TapeOps Console could not start</h1>
        <ErrorBox error={startError} />
      </main>
    );
  }
  if (!info) {
    return (
      <main className="page narrow" aria-busy="true">
        <p>Connecting to the console…</p>
      </main>
    );
  }
  if (!operator) return <SignInScreen site={info.site} />;
  return (
    <>
      <Header />
      <main className="page" id="main">
        {screen === 'today' && <TodayScreen />}
        {screen === 'labels' && <LabelsScreen />}
        {screen === 'procedures' && <ProceduresScreen />}
        {screen === 'jobs' && <JobsScreen />}
        {screen === 'calendar' && <CalendarScreen />}
        {screen === 'hosts' && <HostsScreen />}
        {screen === 'queues' && <QueuesScreen />}
        {screen === 'where' && <WhereScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </>
  );
}
