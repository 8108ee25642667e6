import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProcedureChoice } from '../../shared/procedures/run-view';
import { ErrorBox } from '../components/ErrorBox';
import { RunSummary } from '../components/procedure/RunSummary';
import { StepCard, type RunAction } from '../components/procedure/StepCard';
import { StepList } from '../components/procedure/StepList';
import { SimulatedDrivePanel } from '../components/procedure/SimulatedDrivePanel';
import { useConsole } from '../stores/console-store';
import type { DayOffers } from '../../shared/procedures/day-offers';
import { actOnRun, dayOffersFor, ensureRuns, startRun } from '../stores/run-actions';
import type { ShownError } from '../stores/shown-error';

/** A procedure that asks for its job first: the adhoc backup of one database. */
function ChooseAndStart({ choice, busy, label, onStart }: { choice: ProcedureChoice; busy: boolean; label: string; onStart(job: string): void }) {
  const [job, setJob] = useState(choice.jobs?.[0]?.name ?? '');
  return (
    <div className="choose-and-start">
      <label htmlFor={`job-${choice.id}`}>Database to back up</label>
      <select id={`job-${choice.id}`} value={job} onChange={(e) => setJob(e.target.value)}>
        {choice.jobs?.map((j) => (
          <option key={j.name} value={j.name}>
            {j.name} — {j.title}
          </option>
        ))}
      </select>
      <button type="button" className="big" disabled={busy || job === ''} onClick={() => onStart(job)}>
        {label}
      </button>
    </div>
  );
}

/** The plan's procedures, one step at a time; a run interrupted by a crash shows where it stopped. */
export function ProceduresScreen() {
  const planned = useConsole((s) => s.date ?? s.info?.today ?? '');
  const simulated = useConsole((s) => s.info?.simulated ?? false);
  const siteDrive = useConsole((s) => s.info?.site.drive.model);
  const [date, setDate] = useState(planned);
  const choices = useConsole((s) => s.choices);
  const listError = useConsole((s) => s.runsError);
  const openId = useConsole((s) => s.openRunId);
  const setOpenId = useConsole((s) => s.runOpened);
  const open = useConsole((s) => s.runs.find((r) => r.runId === s.openRunId) ?? null);
  const underway = useConsole(useShallow((s) => s.runs.filter((r) => r.status === 'active' || r.status === 'refused')));
  const finished = useConsole(useShallow((s) => s.runs.filter((r) => r.status === 'done' || r.status === 'abandoned')));
  const [actError, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const error = actError ?? listError;

  useEffect(() => {
    void ensureRuns();
  }, []);

  // what applies on the chosen day: information beside each procedure, never an error
  const [offers, setOffers] = useState<DayOffers | null>(null);
  useEffect(() => {
    if (date === '') return;
    let current = true;
    void dayOffersFor(date).then((outcome) => {
      if (!current) return;
      setOffers(outcome.ok ? outcome.value : null);
      if (!outcome.ok) setError(outcome.error);
    });
    return () => {
      current = false;
    };
  }, [date]);

  const act = useCallback(
    async (action: RunAction) => {
      if (open === null) return;
      setBusy(true);
      const outcome = await actOnRun({ runId: open.runId, ...action });
      setBusy(false);
      setError(outcome.ok ? null : outcome.error);
    },
    [open],
  );

  // Enter confirms, Backspace goes back; not while the operator types in a field
  useEffect(() => {
    if (open === null || open.status !== 'active') return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
      const step = open.plan?.steps[open.index];
      const personConfirms = open.state === 'waiting' && open.reading?.personConfirms === true;
      const confirms =
        (step?.kind === 'manual' && step.receipt !== true) || personConfirms || open.state === 'rehearsal' || open.state === 'review' || open.state === 'commandFailed';
      if (event.key === 'Enter' && confirms) {
        event.preventDefault();
        void act({ action: 'confirm' });
      } else if (event.key === 'Backspace' && open.index > 0) {
        event.preventDefault();
        void act({ action: 'back' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, act]);

  async function begin(procedureId: string, job?: string, on = date) {
    setBusy(true);
    const outcome = await startRun(procedureId, on, job, on !== (offers?.today ?? planned));
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setOpenId(outcome.value.runId);
  }

  if (open !== null) {
    const step = open.plan?.steps[open.index];
    return (
      <>
        <div className="run-head no-print">
          <button type="button" onClick={() => setOpenId(null)}>
            All procedures
          </button>
          <h1>
            {open.plan?.rehearsal ? 'Rehearsal: ' : ''}
            {open.plan?.title} <span className="run-date">for {open.date}</span>
          </h1>
        </div>
        {open.plan?.warnings?.map((warning) => (
          <p key={warning} className="warning-box" role="note">
            <strong>Not the pickup day:</strong> {warning}
          </p>
        ))}
        {open.plan?.rehearsal && (
          <p className="notice rehearsal-banner" role="note">
            <strong>Rehearsal for {open.date}.</strong> Nothing is sent to {open.plan.drive.host} and nothing is checked there: you walk through each step.
          </p>
        )}
        {error && <ErrorBox error={error} />}
        {open.message && <p className="error-box">{open.message}</p>}
        {open.status === 'active' && step ? (
          <>
            <div className="run-layout">
              <StepList run={open} />
              <StepCard key={step.id} run={open} step={step} busy={busy} onAct={(a) => void act(a)} />
            </div>
            {simulated && <SimulatedDrivePanel slots={open.plan?.slots ?? []} drive={open.plan?.drive.model ?? siteDrive} />}
          </>
        ) : (
          <>
            <RunSummary run={open} />
            {simulated && <SimulatedDrivePanel slots={open.plan?.slots ?? []} drive={open.plan?.drive.model ?? siteDrive} />}
          </>
        )}
      </>
    );
  }

  return (
    <>
      <h1>Procedures</h1>
      {error && <ErrorBox error={error} />}
      {underway.length > 0 && (
        <section className="card" aria-labelledby="underway-heading">
          <h2 id="underway-heading">Under way</h2>
          <ul className="run-list">
            {underway.map((run) => (
              <li key={run.runId}>
                <strong>{run.plan?.title ?? run.procedureId}</strong> for {run.date}:{' '}
                {run.status === 'refused'
                  ? run.message
                  : `stopped at step ${run.index + 1} of ${run.plan?.steps.length ?? '?'}, “${run.plan?.steps[run.index]?.text.slice(0, 60) ?? ''}”`}
                {run.status === 'active' && (
                  <button type="button" className="primary" onClick={() => setOpenId(run.runId)}>
                    Continue at step {run.index + 1}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="start-heading">
        <h2 id="start-heading">Start a procedure</h2>
        <div className="field">
          <label htmlFor="procedure-day">For the day</label>
          <input id="procedure-day" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        {offers?.notes.map((note) => (
          <p key={note} className="notice" role="note">
            {note}
          </p>
        ))}
        <ul className="procedure-choices">
          {choices.map((choice) => {
            const offer = offers?.offers.find((o) => o.procedureId === choice.id);
            const rehearsal = offers?.rehearsal === true;
            const label = rehearsal ? `Rehearse: ${choice.title}` : choice.title;
            if (offer && !offer.applies) {
              return (
                <li key={choice.id} className="not-today">
                  <strong>{choice.title}</strong>
                  <p className="help">{offer.note}</p>
                  {offer.instead && (
                    <button type="button" disabled={busy} onClick={() => void begin(offer.instead?.procedureId ?? choice.id, undefined, offer.instead?.date)}>
                      {offer.instead.label}
                    </button>
                  )}
                </li>
              );
            }
            return (
              <li key={choice.id}>
                {choice.jobs ? (
                  <ChooseAndStart choice={choice} busy={busy} label={label} onStart={(job) => void begin(choice.id, job)} />
                ) : (
                  <button type="button" className="big" disabled={busy} onClick={() => void begin(choice.id)}>
                    {label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {finished.length > 0 && (
        <section className="card" aria-labelledby="finished-heading">
          <h2 id="finished-heading">Finished</h2>
          <ul className="run-list">
            {finished.map((run) => (
              <li key={run.runId}>
                {run.plan?.title} for {run.date}: {run.plan?.rehearsal ? 'rehearsal, ' : ''}
                {run.status === 'done' ? 'steps done' : 'abandoned'}{' '}
                <button type="button" onClick={() => setOpenId(run.runId)}>
                  Summary
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
