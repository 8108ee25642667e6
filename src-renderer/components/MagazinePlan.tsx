import magazineSvg from '../../assets/illustrations/magazine-7-slot.svg?raw';

export interface MagazinePlanSlot {
  slot: number;
  /** The code of the tape that goes there, or null for a slot that stays empty. */
  code: string | null;
}

interface Props {
  slots: MagazinePlanSlot[];
  /** The slot the operator is filling now. */
  current?: number;
  /** What the operator scanned or typed for each slot checked so far (null: found empty). */
  found?: Record<number, string | null>;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// The drawing: its viewBox, its content (our own file: no script, no style, no external reference)
// and where each slot is, read from the asset's `slot-N` rectangles so that the codes drawn over it
// follow the drawing if it changes.
const VIEW_BOX = /<svg\b[^>]*\bviewBox="([^"]+)"/.exec(magazineSvg)?.[1] ?? '0 0 260 384';
const DRAWING = magazineSvg
  .slice(magazineSvg.indexOf('>', magazineSvg.indexOf('<svg')) + 1, magazineSvg.lastIndexOf('</svg>'))
  // the figure is labelled by its own aria-label; the asset's title would only add a tooltip over it
  .replace(/<title\b[^>]*>[\s\S]*?<\/title>/, '');
const SLOT_BOXES = new Map<number, Box>();
for (const [tag, slot] of magazineSvg.matchAll(/<rect\b[^>]*\bid="slot-(\d+)"[^>]*>/g)) {
  const number = (name: string) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(tag)?.[1] ?? NaN);
  const box = { x: number('x'), y: number('y'), width: number('width'), height: number('height') };
  if (Object.values(box).every(Number.isFinite)) SLOT_BOXES.set(Number(slot), box);
}

const MONO = "'DejaVu Sans Mono', Consolas, monospace";
const SANS = "'DejaVu Sans', 'Segoe UI', sans-serif";

function normalise(code: string | null | undefined): string | null {
  const trimmed = (code ?? '').trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

type Check = { state: 'unchecked' } | { state: 'right' } | { state: 'wrong'; found: string | null; problem: string };

/** Compares what was found in a slot with the plan; the problem is said the way the operator fixes it. */
function checkSlot(plan: MagazinePlanSlot, found: Props['found']): Check {
  if (!found || !Object.prototype.hasOwnProperty.call(found, plan.slot)) return { state: 'unchecked' };
  const got = normalise(found[plan.slot]);
  const want = normalise(plan.code);
  if (got === want) return { state: 'right' };
  const problem = want === null ? `${got} found, this slot stays empty` : got === null ? `empty, ${want} belongs here` : `${got} found, ${want} belongs here`;
  return { state: 'wrong', found: got, problem };
}

/**
 * The magazine with the day's slot plan: the drawing (assets/illustrations/magazine-7-slot.svg, slot 1
 * at the top, as the drive loads it) with each slot's code drawn in, and beside it the same plan as
 * a list, in large type, for screen readers and for reading from a step away. The slot being filled
 * is outlined and pointed at; a slot whose tape differs from the plan is outlined with a dashed line,
 * crossed, and described in words ("Slot 2: 100803E found, 100803D belongs here").
 */
export function MagazinePlan({ slots, current, found }: Props) {
  const ordered = [...slots].sort((a, b) => a.slot - b.slot);
  const checks = new Map(ordered.map((plan) => [plan.slot, checkSlot(plan, found)]));
  const wrong = ordered.flatMap((plan) => {
    const check = checks.get(plan.slot);
    return check?.state === 'wrong' ? [{ slot: plan.slot, problem: check.problem }] : [];
  });
  const currentPlan = ordered.find((plan) => plan.slot === current);
  const figureClasses = ['magazine-plan', ...(currentPlan ? [`current-slot-${currentPlan.slot}`] : []), ...wrong.map(({ slot }) => `wrong-slot-${slot}`)];
  const checkedAll = found !== undefined && ordered.every((plan) => checks.get(plan.slot)?.state === 'right');

  return (
    <figure className={figureClasses.join(' ')} data-current={currentPlan?.slot ?? ''}>
      <figcaption>
        <span className="magazine-plan-title">Magazine slot plan: slot 1 is the top slot, the tape the drive loads first.</span>{' '}
        {currentPlan && (
          <strong className="magazine-plan-now">
            Fill slot {currentPlan.slot} now: {currentPlan.code ?? 'it stays empty'}.
          </strong>
        )}
      </figcaption>
      <div className="magazine-plan-body">
        <div className="magazine-plan-art">
          <svg
            xmlns="http://www.w3.org/2000/svg"
            viewBox={VIEW_BOX}
            role="img"
            aria-label={`Drawing of the ${ordered.length}-slot magazine, slot 1 at the top; the list gives each slot in words.`}
          >
            <g dangerouslySetInnerHTML={{ __html: DRAWING }} />
            {ordered.map((plan) => {
              const box = SLOT_BOXES.get(plan.slot);
              if (!box) return null;
              const check = checks.get(plan.slot);
              const middle = box.y + box.height / 2;
              return (
                <g key={plan.slot} className="magazine-plan-slot" data-slot={plan.slot}>
                  {plan.code ? (
                    <>
                      <rect x={box.x + 4} y={box.y + 4} width={box.width - 8} height={box.height - 8} rx={2} fill="#eef0f3" stroke="#4a5360" strokeWidth={1} />
                      <rect x={box.x + 8} y={box.y + 7} width={96} height={box.height - 14} rx={2} fill="#ffffff" stroke="#4a5360" strokeWidth={1} />
                      <text x={box.x + 56} y={middle + 7} textAnchor="middle" fontFamily={MONO} fontSize={19} fontWeight={700} fill="#1b1f24">
                        {plan.code}
                      </text>
                    </>
                  ) : (
                    <text x={box.x + 14} y={middle + 6} fontFamily={SANS} fontSize={16} fontStyle="italic" fill="#4a5360">
                      empty
                    </text>
                  )}
                  {check?.state === 'right' && (
                    <text x={box.x + box.width - 16} y={middle + 8} textAnchor="middle" fontFamily={SANS} fontSize={22} fontWeight={700} fill="#1d6b36">
                      ✓
                    </text>
                  )}
                  {check?.state === 'wrong' && (
                    <>
                      <text x={box.x + 108} y={middle - 3} fontFamily={SANS} fontSize={11} fontWeight={700} fill="#9b1c1c">
                        found
                      </text>
                      <text x={box.x + 108} y={middle + 11} fontFamily={MONO} fontSize={11} fontWeight={700} fill="#9b1c1c">
                        {check.found ?? 'empty'}
                      </text>
                      <text x={box.x + box.width - 13} y={middle + 8} textAnchor="middle" fontFamily={SANS} fontSize={22} fontWeight={700} fill="#9b1c1c">
                        ✗
                      </text>
                    </>
                  )}
                  {plan.slot === currentPlan?.slot && (
                    <polygon
                      className="magazine-plan-pointer"
                      points={`${box.x + box.width + 12},${middle} ${box.x + box.width + 30},${middle - 12} ${box.x + box.width + 30},${middle + 12}`}
                      fill="#1b1f24"
                    />
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <div className="magazine-plan-text">
          <ol className="magazine-plan-list" aria-label="Magazine slot plan, top to bottom">
            {ordered.map((plan) => {
              const check = checks.get(plan.slot);
              const isCurrent = plan.slot === currentPlan?.slot;
              const classes = [
                plan.code ? 'filled' : 'empty',
                isCurrent ? 'current' : '',
                check?.state === 'wrong' ? 'wrong' : '',
                check?.state === 'right' ? 'right' : '',
              ];
              return (
                <li
                  key={plan.slot}
                  className={classes.filter(Boolean).join(' ')}
                  data-slot={plan.slot}
                  data-code={plan.code ?? ''}
                  aria-current={isCurrent ? 'step' : undefined}
                >
                  <span className="slot-no">Slot {plan.slot}</span>
                  <span className="sr-only">: </span>
                  <span className="slot-code">{plan.code ?? 'empty'}</span>
                  {isCurrent && (
                    <span className="slot-note now">
                      <span aria-hidden="true">◀ </span>
                      <span className="sr-only">. </span>Fill this slot now
                    </span>
                  )}
                  {check?.state === 'wrong' && (
                    <span className="slot-note wrong">
                      <span aria-hidden="true">✗ </span>
                      <span className="sr-only">. </span>Wrong: {check.problem}
                    </span>
                  )}
                  {check?.state === 'right' && (
                    <span className="slot-note right">
                      <span aria-hidden="true">✓ </span>
                      <span className="sr-only">. </span>Checked: the right tape
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <p role="status" className={wrong.length > 0 ? 'magazine-plan-problems' : checkedAll ? 'magazine-plan-ok' : 'sr-only'}>
            {wrong.length > 0
              ? `${wrong.length === 1 ? 'One slot is' : `${wrong.length} slots are`} wrong. ${wrong.map(({ slot, problem }) => `Slot ${slot}: ${problem}.`).join(' ')}`
              : checkedAll
                ? 'Every slot holds the tape the plan puts there.'
                : ''}
          </p>
        </div>
      </div>
    </figure>
  );
}
