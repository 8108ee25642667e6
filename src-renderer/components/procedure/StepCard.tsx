import { useState, type FormEvent } from 'react';
import type { RunStep, SenseCondition } from '../../../shared/procedures/procedure-types';
import { counted } from '../../../shared/plural';
import type { RunView } from '../../../shared/procedures/run-view';
import { DriveFront } from '../DriveFront';
import { MagazinePlan } from '../MagazinePlan';
import { VolumeLabels } from './VolumeLabels';
import '../../styles/procedures.css';
import { wrapDcl } from '../DclText';

export type RunAction =
  | { action: 'confirm'; receipt?: { takenBy: string; takenAt: string } }
  | { action: 'back' }
  | { action: 'recheck' }
  | { action: 'skip'; reason: string }
  | { action: 'abandon'; reason: string }
  | { action: 'scan'; slot: number; code: string | null };

interface Props {
  run: RunView;
  step: RunStep;
  busy: boolean;
  onAct(action: RunAction): void;
}

/** What the console can really see for each sensed step, and so what it waits for. */
const WAITS_FOR: Record<SenseCondition['kind'], string> = {
  'drive-unloaded':
    'The console reads the drive (SHOW DEVICE/FULL): it sees Eject pressed only as a change, the tape it saw loaded now unloaded. It cannot see the door.',
  'drive-loaded': 'The console reads the drive (SHOW DEVICE/FULL): it sees Load pressed only as a change, no tape before, a tape loaded now.',
  'queue-entry': 'The console reads the queue (SHOW QUEUE/FULL/ALL_JOBS) and goes on by itself when the job is in it.',
  'magazine-matches-plan': 'Scan (or type) the label of each tape as it goes into its slot; the console goes on by itself when every slot holds the tape of the plan.',
  'procedure-listed': 'The console asks the host for the folder (DIRECTORY) and goes on by itself when the chosen command procedure is listed.',
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
  const [abandoning, setAbandoning] = useState(false);
  const [why, setWhy] = useState('');
  const [takenBy, setTakenBy] = useState('');
  const [takenAt, setTakenAt] = useState('');
  const needsReceipt = step.receipt === true && run.state !== 'rehearsal';
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

  function abandon(event: FormEvent) {
    event.preventDefault();
    if (why.trim() === '') return;
    onAct({ action: 'abandon', reason: why });
    setAbandoning(false);
    setWhy('');
  }

  return (
    <section className="card step-card" aria-labelledby="step-heading">
      <p className="step-count">
        Step {run.index + 1} of {total} ·{' '}
        {run.plan?.rehearsal
          ? 'rehearsal: you walk through it, nothing is sent or checked'
          : step.kind === 'manual'
            ? 'you confirm'
            : step.kind === 'sensed'
              ? 'the console checks'
              : 'the console sends a command'}
      </p>
      <h2 id="step-heading" className="step-text">
        {step.text}
      </h2>
      {step.notes.map((note) => (
        <p key={note} className="help step-note">
          {note}
        </p>
      ))}
      {step.items && (
        <table className="grid courier-tapes">
          <caption>{step.items.length === 0 ? 'No Bill Run tapes were written since the last pickup.' : `${counted(step.items.length, 'tape')} for the courier`}</caption>
          <thead>
            <tr>
              <th scope="col">Tape</th>
              <th scope="col">Return date</th>
            </tr>
          </thead>
          <tbody>
            {step.items.map((item) => (
              <tr key={item.code}>
                <td>
                  <code>{item.code}</code>
                </td>
                <td>{item.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {needsReceipt && (
        <fieldset className="receipt">
          <legend>Receipt (kept in the audit log)</legend>
          <div className="row">
            <label htmlFor="receipt-by">Taken by</label>
            <input id="receipt-by" value={takenBy} onChange={(e) => setTakenBy(e.target.value)} autoComplete="off" />
            <label htmlFor="receipt-at">When</label>
            <input id="receipt-at" value={takenAt} onChange={(e) => setTakenAt(e.target.value)} placeholder="e.g. 15:20" autoComplete="off" />
          </div>
        </fieldset>
      )}
      {step.showsDrive && <DriveFront highlight={step.showsDrive} model={run.plan?.drive.model} />}
      {step.showsMagazine && run.plan && (
        <MagazinePlan slots={run.plan.slots} found={found} {...(step.sense?.kind === 'magazine-matches-plan' ? { current: slot } : {})} />
      )}
      {(step.sense?.kind === 'magazine-matches-plan' || step.command !== undefined) && run.plan && <VolumeLabels slots={run.plan.slots} />}

      {step.kind === 'manual' && step.reads === 'drive' && (
        <div className="sense" role="status" aria-live="polite">
          <p>The console cannot see this: you confirm it. What it reads from the drive (SHOW DEVICE/FULL) is kept with your confirmation.</p>
          {run.state === 'manualRead' && <p className="sense-now">Reading the drive…</p>}
          {run.reading && (
            <p className="sense-read">
              <strong>The console reads:</strong> {run.reading.read ?? run.reading.detail}
            </p>
          )}
        </div>
      )}
      {step.kind === 'sensed' && step.sense && !run.plan?.rehearsal && (
        <div className="sense" role="status" aria-live="polite">
          <p>{WAITS_FOR[step.sense.kind]}</p>
          {run.state === 'sensing' && <p className="sense-now">Checking now…</p>}
          {run.before && (
            <p className="sense-before">
              <strong>Seen at the start:</strong> {run.before.read} at {run.before.at.slice(11, 19)}
            </p>
          )}
          {run.reading && !run.reading.satisfied && (
            <p className={run.reading.personConfirms ? 'sense-cannot' : 'sense-not-yet'}>
              <strong>{run.reading.personConfirms ? 'The console cannot see it:' : 'Not yet:'}</strong> {run.reading.detail}
            </p>
          )}
        </div>
      )}
      {step.sense?.kind === 'magazine-matches-plan' && !run.plan?.rehearsal && (
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
            {run.plan?.rehearsal
              ? `Rehearsal: the console does not send this to ${step.command.host} (${step.command.queue}):`
              : `The console will send exactly this to ${step.command.host} (${step.command.queue}):`}
          </p>
          <pre>{wrapDcl(step.command.dcl)}</pre>
          {run.commandError && (
            <p className="error-box" role="alert">
              Not sent: {run.commandError}
            </p>
          )}
        </div>
      )}

      <div className="step-actions">
        {run.state === 'rehearsal' && (
          <button type="button" className="primary big" disabled={busy} onClick={() => onAct({ action: 'confirm' })}>
            {step.command ? 'Rehearsed: next step, not sent (Enter)' : 'Rehearsed: next step (Enter)'}
          </button>
        )}
        {run.state !== 'rehearsal' && (step.kind === 'manual' || run.state === 'review' || run.state === 'commandFailed') && (
          <button
            type="button"
            className="primary big"
            disabled={busy || (needsReceipt && (takenBy.trim() === '' || takenAt.trim() === ''))}
            onClick={() => onAct(needsReceipt ? { action: 'confirm', receipt: { takenBy, takenAt } } : { action: 'confirm' })}
          >
            {step.kind === 'manual' ? 'Done: next step (Enter)' : run.state === 'commandFailed' ? 'Send it again (Enter)' : 'Send this command (Enter)'}
          </button>
        )}
        {step.kind === 'sensed' && run.state === 'waiting' && run.reading?.personConfirms && (
          <button type="button" className="primary big" disabled={busy} onClick={() => onAct({ action: 'confirm' })}>
            I did it: confirm this step myself (Enter)
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
        <button type="button" className="big danger" onClick={() => setAbandoning(!abandoning)} aria-expanded={abandoning}>
          Abandon this run…
        </button>
      </div>
      {abandoning && (
        <form className="skip-form" onSubmit={abandon}>
          <label htmlFor="abandon-reason">Why is this run abandoned? (kept in the audit log; the run cannot be continued)</label>
          <div className="row">
            <input id="abandon-reason" value={why} onChange={(e) => setWhy(e.target.value)} autoFocus />
            <button type="submit" disabled={busy || why.trim() === ''}>
              Abandon with this reason
            </button>
          </div>
        </form>
      )}
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
