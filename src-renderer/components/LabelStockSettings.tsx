import { useEffect, useState } from 'react';
import type { LabelStocksView, StockUse } from '../../shared/api/labels';
import { getApi } from '../stores/console-api';
import { shown, type ShownError } from '../stores/shown-error';
import { ErrorBox } from './ErrorBox';

const USES: { use: StockUse; label: string }[] = [
  { use: 'set', label: 'Tape labels (the Bill Run set and daily tapes)' },
  { use: 'cartridge', label: 'Cartridge labels (new stock)' },
];

/** The label stock the console prints on for each kind of label, kept and audited. */
export function LabelStockSettings() {
  const [view, setView] = useState<LabelStocksView | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getApi()
      .request('labels.stocks', {})
      .then((stocks) => live && setView(stocks))
      .catch((e: unknown) => live && setError(shown(e)));
    return () => {
      live = false;
    };
  }, []);

  async function choose(use: StockUse, stockId: string) {
    try {
      setView(await getApi().request('labels.chooseStock', { use, stockId }));
      setSaved(`Kept: ${view?.stocks.find((s) => s.id === stockId)?.name ?? stockId}.`);
      setError(null);
    } catch (e) {
      setError(shown(e));
    }
  }

  return (
    <section className="card" aria-labelledby="stock-heading">
      <h2 id="stock-heading">Label stock</h2>
      <p className="help">What is loaded in the label printer. A label is drawn at the stock's true size, so that it lands on the die-cut label.</p>
      {view &&
        USES.map(({ use, label }) => (
          <div key={use} className="field">
            <label htmlFor={`stock-${use}`}>{label}</label>
            <select id={`stock-${use}`} value={view.chosen[use]} onChange={(e) => void choose(use, e.target.value)}>
              {view.stocks.map((stock) => (
                <option key={stock.id} value={stock.id}>
                  {stock.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      {error && <ErrorBox error={error} />}
      <p role="status" className={saved ? 'ok' : 'sr-only'}>
        {saved ?? ''}
      </p>
    </section>
  );
}
