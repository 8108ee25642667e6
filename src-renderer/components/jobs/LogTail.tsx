import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { readLogWindow } from '../../stores/job-actions';
import type { ShownError } from '../../stores/shown-error';
import { ErrorBox } from '../ErrorBox';

/** Lines fetched in windows of this many: a screenful and more, well under what jobs.log allows. */
const WINDOW = 500;
/** Every line is one row of this height (long lines scroll sideways), which is what makes a million lines cheap. */
const ROW_PX = 20;

interface Props {
  chainId: string;
  job: string;
  /** The log version followed and the lines read so far, as the chain's view says. */
  version: string | null;
  lines: number;
}

/**
 * The tail of a job's log as a virtual list: only the rows on screen exist, and their lines are
 * asked of main a window at a time, so a log of a million lines scrolls as one of a hundred.
 * While scrolled to the bottom it follows the end as lines come; scrolled up, it stays put.
 */
export function LogTail({ chainId, job, version, lines }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const windows = useRef(new Map<number, string[]>());
  const asking = useRef(new Set<number>());
  const [, setFetched] = useState(0);
  const [error, setError] = useState<ShownError | null>(null);
  const [following, setFollowing] = useState(true);

  const virtualizer = useVirtualizer({ count: lines, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 30 });
  const rows = virtualizer.getVirtualItems();

  // another version of the log is another file: nothing fetched of the old one applies
  useEffect(() => {
    windows.current.clear();
    asking.current.clear();
    setFetched((n) => n + 1);
  }, [chainId, job, version]);

  const fetchWindow = useCallback(
    (index: number) => {
      if (asking.current.has(index)) return;
      asking.current.add(index);
      void readLogWindow(chainId, job, index * WINDOW + 1, WINDOW).then((outcome) => {
        asking.current.delete(index);
        if (!outcome.ok) return setError(outcome.error);
        setError(null);
        const held = windows.current.get(index) ?? [];
        const text = [...held];
        for (const line of outcome.value.lines) text[line.number - 1 - index * WINDOW] = line.text;
        windows.current.set(index, text);
        setFetched((n) => n + 1);
      });
    },
    [chainId, job],
  );

  // the windows the rows on screen need and that are not held whole (the last one grows as the log does)
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last < 0) return;
    for (let index = Math.floor(first / WINDOW); index <= Math.floor(last / WINDOW); index += 1) {
      const held = windows.current.get(index);
      const wanted = Math.min(WINDOW, lines - index * WINDOW);
      if (held === undefined || held.filter((line) => line !== undefined).length < wanted) fetchWindow(index);
    }
  });

  useLayoutEffect(() => {
    if (following && lines > 0) virtualizer.scrollToIndex(lines - 1, { align: 'end' });
  }, [following, lines, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (el === null) return;
    setFollowing(el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_PX);
  };

  const line = (index: number): string | undefined => windows.current.get(Math.floor(index / WINDOW))?.[index % WINDOW];

  return (
    <div className="log-tail">
      {error && <ErrorBox error={error} />}
      <p className="help" id={`log-help-${job}`}>
        {lines === 0
          ? 'No line of the log has been read yet.'
          : `${lines.toLocaleString('en-US')} lines read. ${following ? 'Following the end as lines come.' : 'Scrolled back: scroll to the bottom to follow the end again.'}`}
      </p>
      <div
        ref={scroller}
        className="log-scroller"
        role="region"
        aria-label={`Log of ${job}`}
        aria-describedby={`log-help-${job}`}
        tabIndex={0}
        onScroll={onScroll}
        data-testid={`log-${job}`}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const text = line(row.index);
            return (
              <div
                key={row.key}
                className="log-line"
                data-line={row.index + 1}
                style={{ position: 'absolute', top: 0, left: 0, height: ROW_PX, transform: `translateY(${row.start}px)` }}
              >
                <span className="log-no" aria-hidden="true">
                  {row.index + 1}
                </span>
                <span className={text === undefined ? 'log-text loading' : 'log-text'}>{text ?? '…'}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
