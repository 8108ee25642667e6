import { useState, type FormEvent } from 'react';
import type { RequestInput, SimulatedDriveView } from '../../../shared/api';
import { getApi } from '../../stores/console-api';
import { shown, type ShownError } from '../../stores/shown-error';
import { ErrorBox } from '../ErrorBox';

const ACTS = [
  { act: 'eject', label: 'Press Eject' },
  { act: 'remove-magazine', label: 'Take the magazine out' },
  { act: 'empty-magazine', label: 'Empty the magazine' },
  { act: 'insert-magazine', label: 'Put the magazine in' },
  { act: 'close-door', label: 'Close the door' },
  { act: 'load', label: 'Press Load' },
  { act: 'look', label: 'Look at the magazine' },
] as const;

/**
 * The hands at the simulated drive: with the console's own simulated site there is no drive to
 * walk to, so the physical acts of a procedure are done here (demo and tests). Never shown for
 * real hosts.
 */
export function SimulatedDrivePanel({ slots, drive }: { slots: { slot: number; code: string | null }[]; drive?: string | undefined }) {
  const [view, setView] = useState<SimulatedDriveView | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [slot, setSlot] = useState('1');
  const [code, setCode] = useState(slots[0]?.code ?? '');

  async function send(input: RequestInput<'simulator.drive'>) {
    try {
      setView(await getApi().request('simulator.drive', input));
      setError(null);
    } catch (e) {
      setError(shown(e));
    }
  }

  function insert(event: FormEvent) {
    event.preventDefault();
    void send({ act: 'insert', slot: Number(slot), code });
    const next = slots.find((s) => s.slot === Number(slot) + 1);
    setSlot(String(Number(slot) + 1));
    setCode(next?.code ?? '');
  }

  return (
    <section className="card simulated-drive no-print" aria-labelledby="sim-drive-heading">
      <h2 id="sim-drive-heading">At the simulated drive</h2>
      <p className="help">The console runs its own simulated site: do here what you would do at the {drive ?? 'drive'}.</p>
      <div className="row">
        {ACTS.map(({ act, label }) => (
          <button key={act} type="button" onClick={() => void send({ act })}>
            {label}
          </button>
        ))}
      </div>
      <form className="row" onSubmit={insert}>
        <label htmlFor="sim-slot">Slot</label>
        <input id="sim-slot" className="narrow" value={slot} onChange={(e) => setSlot(e.target.value)} inputMode="numeric" />
        <label htmlFor="sim-code">Tape</label>
        <input id="sim-code" value={code} onChange={(e) => setCode(e.target.value)} spellCheck={false} />
        <button type="submit">Put the tape in the slot</button>
      </form>
      {error && <ErrorBox error={error} />}
      {view && (
        <p role="status">
          {view.done} Door {view.doorOpen ? 'open' : 'closed'}; magazine {view.magazineInDrive ? 'in the drive' : 'on the table'}; loaded: {view.loaded ?? 'none'}.
        </p>
      )}
    </section>
  );
}
