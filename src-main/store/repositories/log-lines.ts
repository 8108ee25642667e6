/**
 * The lines of the batch logs the console has read (migration 007), by host, file version and
 * line number: what the Jobs screen's log tail shows, a window at a time, without asking the host
 * again. Written in the transaction that saves the place reached, so the two always agree.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error';

export interface LogLinesRepository {
  /** Adds lines that follow the ones held; a line already held is refused (it would be counted twice). */
  append(host: string, path: string, lines: readonly { number: number; text: string }[]): void;
  /** `count` lines from `from`, in order. */
  window(host: string, path: string, from: number, count: number): { number: number; text: string }[];
  /** The number of the last line held, 0 when none. */
  last(host: string, path: string): number;
}

export function createLogLinesRepository(db: Database.Database): LogLinesRepository {
  const insert = db.prepare<[string, string, number, string]>('INSERT INTO log_lines (host, path, number, text) VALUES (?, ?, ?, ?)');
  const selectWindow = db.prepare<[string, string, number, number], { number: number; text: string }>(
    'SELECT number, text FROM log_lines WHERE host = ? AND path = ? AND number >= ? ORDER BY number LIMIT ?',
  );
  const selectLast = db.prepare<[string, string], { last: number | null }>('SELECT max(number) AS last FROM log_lines WHERE host = ? AND path = ?');
  const append = db.transaction((host: string, path: string, lines: readonly { number: number; text: string }[]) => {
    let expected = (selectLast.get(host, path)?.last ?? 0) + 1;
    for (const line of lines) {
      if (line.number !== expected) throw new StoreError('invalid-log-place', `line ${line.number} of ${path} does not follow line ${expected - 1}`);
      insert.run(host, path, line.number, line.text);
      expected += 1;
    }
  });
  return {
    append: (host, path, lines) => append(host, path, lines),
    window: (host, path, from, count) => selectWindow.all(host, path, from, count),
    last: (host, path) => selectLast.get(host, path)?.last ?? 0,
  };
}
