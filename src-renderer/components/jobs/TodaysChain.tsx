import { useConsole } from '../../stores/console-store';
import { showScreen } from '../../stores/session-actions';
import { ChainLine } from './ChainLine';
import '../../styles/jobs.css';

/** Today's line at the top of Today: the chain of the day planned, or of today, in one line with the way to its jobs. */
export function TodaysChain() {
  const chains = useConsole((s) => s.chains);
  const listed = useConsole((s) => s.chainsListed);
  const date = useConsole((s) => s.date);
  const today = useConsole((s) => s.info?.today);
  const chainOpened = useConsole((s) => s.chainOpened);
  const ofDay = (day: string | null | undefined) =>
    Object.values(chains)
      .filter((c) => c.date === day)
      .sort((a, b) => b.seq - a.seq)[0];
  const chain = ofDay(date) ?? ofDay(today);
  if (chain === undefined) {
    if (!listed || date !== today) return null;
    return (
      <section className="chain-line-area" aria-label="Today's job chain">
        <div className="chain-line tone-waiting" data-testid="chain-line" data-tone="none">
          <p>The console follows no job chain for today yet.</p>
          <button type="button" onClick={() => showScreen('jobs')}>
            Open the Jobs screen
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="chain-line-area" aria-label={chain.date === today ? "Today's job chain" : `Job chain of ${chain.date}`}>
      <ChainLine
        chain={chain}
        openLabel="Open the Jobs screen"
        onOpen={() => {
          chainOpened(chain.id);
          showScreen('jobs');
        }}
      />
    </section>
  );
}
