import { useEffect, useState } from 'react';
import type { ChainView } from '../../shared/api';
import { ChainLine } from '../components/jobs/ChainLine';
import { ChainTimeline } from '../components/jobs/ChainTimeline';
import { useConsoleNow } from '../components/jobs/console-now';
import { clockTime } from '../components/jobs/job-format';
import { ErrorBox } from '../components/ErrorBox';
import { longDate } from '../format';
import { useConsole } from '../stores/console-store';
import { ensureChains, followDay } from '../stores/job-actions';
import type { ShownError } from '../stores/shown-error';
import '../styles/jobs.css';

const kindWords: Record<ChainView['kind'], string> = { billrun: 'Bill Run', daily: 'daily backup' };
const statusWords: Record<ChainView['status'], string> = { active: 'followed now', done: 'ended', refused: 'not followed' };

/** Newest day first. */
function byDay(chains: Record<string, ChainView>): ChainView[] {
  return Object.values(chains).sort((a, b) => (a.date === b.date ? b.seq - a.seq : a.date < b.date ? 1 : -1));
}

/** The chain shown: the one picked, else today's, else the newest day's. */
export function shownChain(list: ChainView[], picked: string | null, today: string | undefined): ChainView | null {
  return list.find((c) => c.id === picked) ?? list.find((c) => c.date === today) ?? list[0] ?? null;
}

function ChainPicker({ list, shown }: { list: ChainView[]; shown: ChainView }) {
  const chainOpened = useConsole((s) => s.chainOpened);
  return (
    <div className="field chain-picker">
      <label htmlFor="chain-day">Day's chain</label>
      <select id="chain-day" value={shown.id} onChange={(e) => chainOpened(e.target.value)}>
        {list.map((chain) => (
          <option key={chain.id} value={chain.id}>
            {longDate(chain.date)} — {kindWords[chain.kind]}, {statusWords[chain.status]}
          </option>
        ))}
      </select>
    </div>
  );
}

function FollowToday({ today }: { today: string }) {
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const follow = async () => {
    setBusy(true);
    const outcome = await followDay(today);
    setBusy(false);
    setError(outcome.ok ? null : outcome.error);
  };
  return (
    <div className="follow-today">
      <p>The console follows no job chain for today ({longDate(today)}) yet.</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void follow()}>
        Follow today's chain
      </button>
      {error && <ErrorBox error={error} />}
    </div>
  );
}

/**
 * The day's chain of batch jobs as the host shows it, kept live by main's `jobs.changed`: each
 * job's state, progress, tape, errors with the plan's action, and the tail of its log.
 */
export function JobsScreen() {
  const chains = useConsole((s) => s.chains);
  const listed = useConsole((s) => s.chainsListed);
  const error = useConsole((s) => s.chainsError);
  const picked = useConsole((s) => s.openChainId);
  const today = useConsole((s) => s.info?.today);
  const nowMs = useConsoleNow();
  useEffect(() => {
    void ensureChains();
  }, []);
  const list = byDay(chains);
  const chain = shownChain(list, picked, today);
  const todayFollowed = list.some((c) => c.date === today);
  return (
    <>
      <h1>Jobs</h1>
      {error && <ErrorBox error={error} />}
      {!listed && list.length === 0 && !error && <p aria-busy="true">Asking the console for the job chains…</p>}
      {listed && today !== undefined && !todayFollowed && <FollowToday today={today} />}
      {chain && (
        <>
          <div className="chain-controls">
            <ChainPicker list={list} shown={chain} />
          </div>
          <section className="chain-head" aria-labelledby="chain-heading" data-testid="chain" data-chain={chain.id} data-date={chain.date}>
            <h2 id="chain-heading">
              {chain.kind === 'billrun' ? 'Bill Run chain' : 'Daily backup chain'}, {longDate(chain.date)}
            </h2>
            <ChainLine chain={chain} />
            <p className="help">
              {chain.status === 'active'
                ? 'Followed live from the queues and the jobs’ logs.'
                : chain.status === 'done'
                  ? 'This chain has ended.'
                  : 'The console did not follow this chain.'}{' '}
              {chain.queuesAt === null ? 'No queue reading yet.' : `Queues read at ${chain.queuesAt.slice(11, 19)}.`} Changed at {clockTime(chain.updatedAt)}.
            </p>
            {chain.queueProblems.length > 0 && (
              <div className="error-box" role="alert">
                <p>The queues could not be read as they should:</p>
                <ul>
                  {chain.queueProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <ChainTimeline chain={chain} nowMs={nowMs} />
        </>
      )}
      {listed && list.length === 0 && today === undefined && <p>No job chain is known to the console.</p>}
    </>
  );
}
