import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { LabelSelection, LabelStocksView, PrinterView } from '../../shared/api/labels';
import type { PreparesFor } from '../../shared/calendar/day-plan';
import { ErrorBox } from '../components/ErrorBox';
import { LabelSheet } from '../components/LabelSheet';
import { PreparesNotes } from '../components/PreparesNotes';
import { getApi } from '../stores/console-api';
import { useConsole } from '../stores/console-store';
import { shown, type ShownError } from '../stores/shown-error';
import { longDate } from '../format';
import '../styles/day.css';

type SetChoice = 'all' | 'billrun' | 'daily';
const SET_CHOICES: { id: SetChoice; label: string }[] = [
  { id: 'all', label: "The morning's labels (Bill Run set and daily tape)" },
  { id: 'billrun', label: 'Bill Run set only' },
  { id: 'daily', label: 'Daily tape only' },
];

/** The Bill Run of the day after `date`, when there is one: its labels can be printed on `date`. */
function usePreparesFor(date: string | null): PreparesFor | null {
  const [prepares, setPrepares] = useState<{ date: string; value: PreparesFor | null } | null>(null);
  useEffect(() => {
    if (date === null) return;
    let live = true;
    // a date the plan refuses is already explained by the sheet above: the offer is simply absent
    getApi()
      .request('day.plan', { date })
      .then((plan) => live && setPrepares({ date, value: plan.preparesFor }))
      .catch(() => live && setPrepares({ date, value: null }));
    return () => {
      live = false;
    };
  }, [date]);
  return prepares !== null && prepares.date === date ? prepares.value : null;
}

/** Today's labels (or any day's) at true size, to print, reprint or save; cartridge labels for new stock. */
export function LabelsScreen() {
  const planned = useConsole((s) => s.date ?? s.info?.today ?? null);
  const media = useConsole((s) => s.info?.site.drive.media ?? 'tape');
  const [date, setDate] = useState(planned);
  const [set, setSet] = useState<SetChoice>('all');
  const [settings, setSettings] = useState<LabelStocksView | null>(null);
  const [printers, setPrinters] = useState<PrinterView[]>([]);
  const [setStock, setSetStock] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [range, setRange] = useState({ first: '', last: '' });
  const [cartridges, setCartridges] = useState<LabelSelection | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([getApi().request('labels.stocks', {}), getApi().request('labels.printers', {})])
      .then(([stocks, found]) => {
        if (!live) return;
        setSettings(stocks);
        setPrinters(found);
        setRange({ first: stocks.cartridge.firstSerial, last: stocks.cartridge.firstSerial });
      })
      .catch((e: unknown) => live && setError(shown(e)));
    return () => {
      live = false;
    };
  }, []);

  const selection = useMemo<LabelSelection | null>(() => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { kind: 'set', date, set } : null), [date, set]);
  const prepares = usePreparesFor(selection?.kind === 'set' ? selection.date : null);
  const tomorrow = useMemo<LabelSelection | null>(() => (prepares ? { kind: 'set', date: prepares.date, set } : null), [prepares, set]);

  if (error) return <ErrorBox error={error} />;
  if (settings === null) return <p aria-busy="true">Loading the label stocks…</p>;
  const stockId = setStock ?? settings.chosen.set;

  function showCartridges(event: FormEvent) {
    event.preventDefault();
    setCartridges({ kind: 'cartridges', first: range.first.trim().toUpperCase(), last: range.last.trim().toUpperCase() });
  }

  return (
    <>
      <h1>Labels</h1>
      {settings.instruction && <p className="lead">The plan: “{settings.instruction}”</p>}
      <section className="card" aria-labelledby="set-labels-heading">
        <h2 id="set-labels-heading">Tape labels</h2>
        <div className="label-controls">
          <div className="field">
            <label htmlFor="labels-day">Day</label>
            <input id="labels-day" type="date" value={date ?? ''} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="labels-stock">Label stock</label>
            <select id="labels-stock" value={stockId} onChange={(e) => setSetStock(e.target.value)}>
              {settings.stocks.map((stock) => (
                <option key={stock.id} value={stock.id}>
                  {stock.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="choice">
          <legend>Which labels</legend>
          {SET_CHOICES.map((choice) => (
            <label key={choice.id}>
              <input type="radio" name="label-set" value={choice.id} checked={set === choice.id} onChange={() => setSet(choice.id)} />
              {choice.label}
            </label>
          ))}
        </fieldset>
        <LabelSheet selection={selection} stockId={stockId} printers={printers} noun="label" />
      </section>
      {prepares && (
        <section className="card prepares-card" aria-labelledby="tomorrow-labels-heading" data-testid="tomorrow-labels" data-date={prepares.date}>
          <h2 id="tomorrow-labels-heading">Tomorrow's Bill Run labels</h2>
          <PreparesNotes prepares={prepares} />
          <p className="help">The labels of {longDate(prepares.date)}, as the morning of the Bill Run will print them; a print now is recorded for that date.</p>
          <LabelSheet selection={tomorrow} stockId={stockId} printers={printers} noun="label" />
        </section>
      )}
      <section className="card" aria-labelledby="cartridge-heading">
        <h2 id="cartridge-heading">Cartridge labels for new stock</h2>
        <p className="help">
          Code 39 in the “6+1” form of {media} cartridges: the six-character volume serial (what INITIALIZE writes as the tape's volume label) and the media ID{' '}
          {settings.cartridge.mediaId}
          {settings.cartridge.checkCharacter ? ', with a Mod 43 check character' : ''}. Printed on{' '}
          {settings.stocks.find((s) => s.id === settings.chosen.cartridge)?.name ?? settings.chosen.cartridge}.
        </p>
        <form className="label-controls" onSubmit={showCartridges}>
          <div className="field">
            <label htmlFor="serial-first">First serial</label>
            <input id="serial-first" value={range.first} onChange={(e) => setRange({ ...range, first: e.target.value })} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor="serial-last">Last serial</label>
            <input id="serial-last" value={range.last} onChange={(e) => setRange({ ...range, last: e.target.value })} spellCheck={false} />
          </div>
          <button type="submit">Show cartridge labels</button>
        </form>
        <LabelSheet selection={cartridges} stockId={settings.chosen.cartridge} printers={printers} noun="cartridge label" />
      </section>
    </>
  );
}
