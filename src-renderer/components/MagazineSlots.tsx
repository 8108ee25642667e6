import type { TapeToPull } from '../../shared/calendar/day-plan';

/** The magazine as the operator fills it on the work table: slot 1 at the top. */
export function MagazineSlots({ slots, tapes }: { slots: (string | null)[]; tapes: TapeToPull[] }) {
  return (
    <ol className="magazine" aria-label="Magazine slot plan">
      {slots.map((code, index) => {
        const tape = tapes.find((t) => t.code === code);
        return (
          <li key={index} className={code ? 'filled' : 'empty'} data-slot={index + 1} data-code={code ?? ''}>
            <span className="slot-no">Slot {index + 1}</span>
            <span className="slot-tape">
              {code ? (
                <>
                  <span className="tape-code">{code}</span>
                  {tape && <span className="tape-job">{tape.title}</span>}
                </>
              ) : (
                'empty'
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
