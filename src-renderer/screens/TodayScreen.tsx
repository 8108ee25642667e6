import type { DayPlan, PreparesFor } from '../../shared/calendar/day-plan';
import { counted } from '../../shared/plural';
import { DayPicker } from '../components/DayPicker';
import { ErrorBox } from '../components/ErrorBox';
import { JobTimeline } from '../components/JobTimeline';
import { MagazineSlots } from '../components/MagazineSlots';
import { PreparesNotes } from '../components/PreparesNotes';
import { longDate } from '../format';
import { useConsole } from '../stores/console-store';
import { showScreen } from '../stores/session-actions';
import '../styles/day.css';
import { TodaysChain } from '../components/jobs/TodaysChain';
import { wrapDcl } from '../components/DclText';

function DayBanner({ plan }: { plan: DayPlan }) {
  const billRun = plan.kind === 'billrun';
  return (
    <section className={`day-banner ${plan.kind}`} aria-labelledby="day-kind">
      <h2 id="day-kind" data-kind={plan.kind}>
        {billRun ? 'Bill Run day' : 'Daily backup day'}
      </h2>
      <p>
        {longDate(plan.date)}.{' '}
        {billRun
          ? `Full backups today: ${counted(plan.tapesToPull.filter((tape) => tape.kind === 'billrun').length, 'Bill Run tape')} go in the magazine.`
          : plan.dailyBackupToday
            ? `${plan.dailyBackupToday.job} runs at ${plan.dailyBackupToday.at} on ${plan.dailyBackupToday.tape} (loaded yesterday).`
            : ''}{' '}
        Next Bill Run: {longDate(plan.nextBillRun)}.
      </p>
    </section>
  );
}

function TapesToPull({ plan }: { plan: DayPlan }) {
  return (
    <section className="card" aria-labelledby="tapes-heading">
      <h2 id="tapes-heading">{plan.kind === 'billrun' ? 'Tapes to pull and label' : 'Tape to pull for tomorrow'}</h2>
      {plan.tapesToPull.length > 0 && (
        <ol className="tape-list">
          {plan.tapesToPull.map((tape) => (
            <li key={tape.code} data-code={tape.code}>
              <span className="tape-code">{tape.code}</span> — {tape.title} (<code>{tape.job}</code>, runs {tape.runs}){tape.label ? ', new label' : ', already labelled'}
              , slot {tape.slot}
            </li>
          ))}
        </ol>
      )}
      {plan.tapesNotes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </section>
  );
}

/** The day before a Bill Run: tomorrow's set, to pull and label today. */
function TomorrowsBillRun({ prepares }: { prepares: PreparesFor }) {
  return (
    <section className="card prepares-card" aria-labelledby="prepares-heading" data-testid="prepares-for" data-date={prepares.date}>
      <h2 id="prepares-heading">Tomorrow's Bill Run: labels to print today</h2>
      <PreparesNotes prepares={prepares} />
      <ol className="tape-list" aria-label={`Tomorrow's tapes, ${longDate(prepares.date)}`}>
        {prepares.tapes.map((tape) => (
          <li key={tape.code} data-code={tape.code}>
            <span className="tape-code">{tape.code}</span> — {tape.title} (<code>{tape.job}</code>, runs {tape.runs}){tape.label ? ', new label' : ', already labelled'},
            slot {tape.slot}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={() => showScreen('labels')}>
          Print tomorrow's labels
        </button>
      </div>
    </section>
  );
}

function InitializeTapes({ plan }: { plan: DayPlan }) {
  const init = plan.initializeTapes;
  const host = useConsole((s) => s.info?.site.drive.host);
  if (!init) return null;
  return (
    <section className="card" aria-labelledby="init-heading">
      <h2 id="init-heading">After loading the magazine: initialise tapes</h2>
      <p>At the {host} prompt, logged in as system manager, enter:</p>
      <pre className="command">{wrapDcl(init.command)}</pre>
      <p>
        It initialises{' '}
        {init.initializes.map((tape, i) => (
          <span key={tape.code}>
            {i > 0 && (i === init.initializes.length - 1 ? ' and ' : ', ')}
            <strong className="code">{tape.code}</strong> (tape {tape.position})
          </span>
        ))}{' '}
        before their use.
      </p>
      <ul>
        {init.notInitialized.map((tape) => (
          <li key={tape.code}>
            <strong className="code">{tape.code}</strong> (tape {tape.position}) is not: {tape.reason}.
          </li>
        ))}
      </ul>
      {init.notes.map((note) => (
        <p key={note} className="notice setting">
          {note}
        </p>
      ))}
    </section>
  );
}

export function TodayScreen() {
  const plan = useConsole((s) => s.plan);
  const planError = useConsole((s) => s.planError);
  return (
    <>
      <h1>Today</h1>
      <TodaysChain />
      <DayPicker />
      {planError && <ErrorBox error={planError} />}
      {plan && (
        <div data-testid="day-plan" data-date={plan.date}>
          <DayBanner plan={plan} />
          {plan.notes.map((note) => (
            <p key={note} className="notice setting" role="note">
              {note}
            </p>
          ))}
          {plan.weekendBillRun && (
            <p className="notice weekend" role="note">
              {plan.weekendBillRun}
            </p>
          )}
          {plan.courier && (
            <p className="notice" role="note">
              <strong>
                Courier today ({plan.courier.company}, {plan.courier.pickupTime}):
              </strong>{' '}
              {plan.courier.handOff}.
            </p>
          )}
          {plan.preparesFor && <TomorrowsBillRun prepares={plan.preparesFor} />}
          <div className="columns">
            <TapesToPull plan={plan} />
            <section className="card" aria-labelledby="slots-heading">
              <h2 id="slots-heading">Magazine slot plan</h2>
              {plan.slots.every((code) => code === null) && (
                <p className="slots-nothing">
                  Nothing goes into the magazine today.
                  {plan.preparesFor ? " Tomorrow's tapes and their slots are listed above." : ''}
                </p>
              )}
              <MagazineSlots slots={plan.slots} tapes={plan.tapesToPull} />
              <p className="help">Push each tape down until it locks. The drive always loads the next available tape, whatever slot it is in.</p>
            </section>
          </div>
          <InitializeTapes plan={plan} />
          <section className="card" aria-labelledby="jobs-heading">
            <h2 id="jobs-heading">Jobs</h2>
            <JobTimeline entries={plan.timeline} />
          </section>
        </div>
      )}
    </>
  );
}
