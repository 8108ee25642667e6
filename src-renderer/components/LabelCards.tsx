import type { PreviewLabel, StockView } from '../../shared/api/labels';

interface Props {
  labels: PreviewLabel[];
  stock: StockView;
  /** The codes ticked for printing. */
  included: ReadonlySet<string>;
  onInclude(code: string, included: boolean): void;
  /** Prints this one label alone (a reprint when it was printed before). */
  onPrintOne(code: string): void;
  busy: boolean;
}

/** The labels at true size, each with what it says in words, a tick to include it and a button to print it alone. */
export function LabelCards({ labels, stock, included, onInclude, onPrintOne, busy }: Props) {
  return (
    <ol className="label-list" aria-label="Labels, in magazine order">
      {labels.map((label, index) => (
        <li key={label.code} className="label-item" data-code={label.code}>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(label.svg)}`}
            alt={`Label ${label.code}: ${label.lines.join(', ')}`}
            style={{ width: `${stock.widthMm}mm`, height: `${stock.heightMm}mm` }}
          />
          <div>
            <p className="label-code">
              <span className="sr-only">Label {index + 1}: </span>
              {label.code} {label.printedBefore && <span className="badge">printed before</span>}
            </p>
            <ul className="label-lines">
              {label.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <label className="include">
              <input type="checkbox" checked={included.has(label.code)} onChange={(e) => onInclude(label.code, e.target.checked)} />
              Include {label.code} in the print
            </label>
            <button type="button" disabled={busy} onClick={() => onPrintOne(label.code)}>
              {label.printedBefore ? `Reprint ${label.code}` : `Print ${label.code} alone`}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
