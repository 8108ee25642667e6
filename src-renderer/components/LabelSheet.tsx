import { counted } from '../../shared/plural';
import { useEffect, useState } from 'react';
import type { LabelPreview, LabelSelection, PrinterView } from '../../shared/api/labels';
import { previewLabels, printLabels, saveLabels } from '../labels/label-actions';
import type { ShownError } from '../stores/shown-error';
import { ErrorBox } from './ErrorBox';
import { LabelCards } from './LabelCards';

interface Props {
  /** What to show; null while the operator has not asked for anything yet. */
  selection: LabelSelection | null;
  stockId: string;
  /** Electron's printers; empty in the browser shell, which prints through the browser. */
  printers: PrinterView[];
  /** The name of this sheet for buttons: "labels", "cartridge labels". */
  noun: string;
}

const SYSTEM_DIALOG = '';

/** "Print all 6 labels", "Print 1 label" (never "all 1"), "Print 2 of 6 labels". */
function printLabel(chosen: number, shown: number, noun: string): string {
  if (chosen < shown) return `Print ${chosen} of ${counted(shown, noun)}`;
  return shown === 1 ? `Print ${counted(1, noun)}` : `Print all ${counted(shown, noun)}`;
}

/** The preview of one selection of labels with its print, reprint and save actions. */
export function LabelSheet({ selection, stockId, printers, noun }: Props) {
  const [preview, setPreview] = useState<LabelPreview | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [included, setIncluded] = useState<Set<string>>(new Set());
  const [printer, setPrinter] = useState(SYSTEM_DIALOG);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const key = JSON.stringify(selection);

  useEffect(() => {
    if (selection === null) return;
    let live = true;
    setDone(null);
    void previewLabels(selection, stockId).then((outcome) => {
      if (!live) return;
      setPreview(outcome.ok ? outcome.value : null);
      setError(outcome.ok ? null : outcome.error);
      if (outcome.ok) setIncluded(new Set(outcome.value.labels.map((l) => l.code)));
    });
    return () => {
      live = false;
    };
    // the selection is compared by value (key), not by the object made at each render
  }, [key, stockId]);

  if (selection === null) return null;
  if (error) return <ErrorBox error={error} />;
  if (preview === null) return <p aria-busy="true">Drawing the labels…</p>;
  if (preview.problem) return <p className="notice">{preview.problem}</p>;

  const chosen = preview.labels.filter((l) => included.has(l.code)).map((l) => l.code);
  const narrowed = (codes: string[]): LabelSelection => (selection.kind === 'set' && codes.length < preview.labels.length ? { ...selection, codes } : selection);

  async function print(codes: string[]) {
    if (selection === null || preview === null || codes.length === 0) return;
    setBusy(true);
    setDone(null);
    const subset = { ...preview, labels: preview.labels.filter((l) => codes.includes(l.code)) };
    const outcome = await printLabels(narrowed(codes), subset, printer || undefined);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    const { value } = outcome;
    setDone(`${value.reprint ? 'Reprinted' : 'Printed'} ${value.codes.join(', ')} to ${value.printer}; recorded in the audit log.`);
    setPreview({ ...preview, labels: preview.labels.map((l) => (value.codes.includes(l.code) ? { ...l, printedBefore: true } : l)) });
  }

  async function save(format: 'pdf' | 'zpl') {
    if (selection === null) return;
    const outcome = await saveLabels(narrowed(chosen), format === 'zpl' ? undefined : stockId, format);
    if (outcome.ok) setDone(`Saved ${outcome.value}.`);
    else setError(outcome.error);
  }

  return (
    <>
      <div className="label-actions">
        <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void print(chosen)}>
          {printLabel(chosen.length, preview.labels.length, noun)}
        </button>
        {printers.length > 0 && (
          <label className="include">
            Printer
            <select value={printer} onChange={(e) => setPrinter(e.target.value)}>
              <option value={SYSTEM_DIALOG}>Choose in the print dialog</option>
              {printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.displayName}
                  {p.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={chosen.length === 0} onClick={() => void save('pdf')}>
          Save as PDF
        </button>
        <button type="button" disabled={chosen.length === 0} onClick={() => void save('zpl')}>
          Save as ZPL (Zebra)
        </button>
      </div>
      <p role="status" className={done ? 'ok' : 'sr-only'}>
        {done ?? ''}
      </p>
      <LabelCards
        labels={preview.labels}
        stock={preview.stock}
        included={included}
        busy={busy}
        onInclude={(code, on) => setIncluded((set) => (on ? new Set([...set, code]) : new Set([...set].filter((c) => c !== code))))}
        onPrintOne={(code) => void print([code])}
      />
    </>
  );
}
