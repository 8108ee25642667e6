import { useState, type FormEvent } from 'react';
import type { RunStep, SenseCondition } from '../../../shared/procedures/procedure-types';
import type { RunView } from '../../../shared/procedures/run-view';
import { DriveFront } from '../DriveFront';
import { MagazinePlan } from '../MagazinePlan';

export type RunAction =
  { action: 'confirm' } | { action: 'back' } | { action: 'recheck' } | { action: 'skip'; reason: string } | { action: 'scan'; slot: number; code: string | null };

interface Props {
  run: RunView;
  step: RunStep;
  busy: boolean;
  onAct(action: RunAction): void;
}

const WAITS_FOR: Record<SenseCondition['kind'], string> = {
  'drive-unloaded': 'The console reads the drive (SHOW DEVICE/FULL) and goes on by itself when no tape is loaded.',
  'drive-loaded': 'The console reads the drive (SHOW DEVICE/FULL) and goes on by itself when a tape is loaded.',
  'queue-entry': 'The console reads the queue (SHOW QUEUE/FULL/ALL_JOBS) and goes on by itself when the job is in it.',
  'magazine-matches-plan': 'Scan (or type) the label of each tape as it goes into its slot; the console goes on by itself when every slot holds the tape of the plan.',
};

/** The slot to read next: the first of the plan not read yet, or one read wrong. */
function nextSlot(run: RunView): number {
  const plan = run.plan?.slots ?? [];
  const wrong = plan.find((s) => String(s.slot) in run.found && (run.found[String(s.slot)] ?? '').toUpperCase() !== (s.code ?? '').toUpperCase());
  const unread = plan.find((s) => s.code !== null && !(String(s.slot) in run.found));
  return wrong?.slot ?? unread?.slot ?? 1;
}

/** One step, large: the plan's words, what to press or fill, and the one thing to do now. */
export function StepCard({ run, step, busy, onAct }: Props) {
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const [label, setLabel] = useState('');
  const total = run.plan?.steps.length ?? 0;
  const slot = nextSlot(run);
  const found = Object.fromEntries(Object.entries(run.found).map(([k, v]) => [Number(k), v]));

  function scan(event: FormEvent) {
    event.preventDefault();
    const code = label.trim();
    onAct({ action: 'scan', slot, code: code === '' || /^empty$/i.test(code) ? null : code });
    setLabel('');
  }

  function skip(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return;
    onAct({ action: 'skip', reason });
    setSkipping(false);
    setReason('');
  }

  return (
    <section className="card step-card" aria-labelledby="step-heading">
      <p className="step-count">
        Step {run.index + 1} of {total} · {step.kind === 'manual' ? 'you confirm' : step.kind === 'sensed' ? 'the console checks' : 'the console sends a command'}
      </p>
      <h2 id="step-heading" className="step-text">
        {step.text}
      </h2>
      {step.notes.map((note) => (
        <p key={note} className="help step-note">
          {note}
        </p>
      ))}
      {step.showsDrive && <DriveFront highlight={step.showsDrive} model={run.plan?.drive.model} />}
      {step.showsMagazine && run.plan && (
        <MagazinePlan slots={run.plan.slots} found={found} {...(step.sense?.kind === 'magazine-matches-plan' ? { current: slot } : {})} />
      )}

      {step.kind === 'sensed' && step.sense && (
        <div className="sense" role="status" aria-live="polite">
          <p>{WAITS_FOR[step.sense.kind]}</p>
          {run.state === 'sensing' && <p className="sense-now">Checking now…</p>}
          {run.reading && !run.reading.satisfied && (
            <p className="sense-not-yet">
              <strong>Not yet:</strong> {run.reading.detail}
            </p>
          )}
        </div>
      )}
      {step.sense?.kind === 'magazine-matches-plan' && (
        <form className="scan-form" onSubmit={scan}>
          <label htmlFor="scan-label">Label of the tape in slot {slot}</label>
          <div className="row">
            <input
              id="scan-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              placeholder="scan the barcode, or type it"
            />
            <button type="submit" className="primary big" disabled={busy}>
              Slot {slot} read
            </button>
          </div>
        </form>
      )}
      {step.command && (
        <div className="command">
          <p>
            The console will send exactly this to {step.command.host} ({step.command.queue}):
          </p>
          <pre>{step.command.dcl}</pre>
          {run.commandError && (
            <p className="error-box" role="alert">
              Not sent: {run.commandError}
            </p>
          )}
        </div>
      )}

      <div className="step-actions">
        {(step.kind === 'manual' || run.state === 'review' || run.state === 'commandFailed') && (
          <button type="button" className="primary big" disabled={busy} onClick={() => onAct({ action: 'confirm' })}>
            {step.kind === 'manual' ? 'Done: next step (Enter)' : run.state === 'commandFailed' ? 'Send it again (Enter)' : 'Send this command (Enter)'}
          </button>
        )}
        {run.state === 'waiting' && step.sense?.kind !== 'magazine-matches-plan' && (
          <button type="button" className="big" disabled={busy} onClick={() => onAct({ action: 'recheck' })}>
            Check now
          </button>
        )}
        {run.state === 'sending' && <p aria-busy="true">Sending…</p>}
        <button type="button" className="big" disabled={busy || run.index === 0} onClick={() => onAct({ action: 'back' })}>
          Back (Backspace)
        </button>
        <button type="button" className="big" onClick={() => setSkipping(!skipping)} aria-expanded={skipping}>
          Skip this step…
        </button>
      </div>
      {skipping && (
        <form className="skip-form" onSubmit={skip}>
          <label htmlFor="skip-reason">Why is this step skipped? (kept in the audit log)</label>
          <div className="row">
            <input id="skip-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            <button type="submit" disabled={busy || reason.trim() === ''}>
              Skip with this reason
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
