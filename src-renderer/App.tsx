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

export function App() {
  const info = useConsole((s) => s.info);
  const startError = useConsole((s) => s.startError);
  const operator = useConsole((s) => s.operator);
  const screen = useConsole((s) => s.screen);

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
        {screen === 'calendar' && <CalendarScreen />}
        {screen === 'hosts' && <HostsScreen />}
        {screen === 'queues' && <QueuesScreen />}
        {screen === 'where' && <WhereScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
    </>
  );
}
