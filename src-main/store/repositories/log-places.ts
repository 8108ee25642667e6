/**
 * How far the console has read each batch log (one row per file version). Not audited: a place
 * moves with every poll and says nothing an operator decided; the lines themselves are the record.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error';
import { formatTimestamp } from '../timestamp';

export interface LogPlace {
  host: string;
  /** The log as the job names it, without version (`DISK$MENTAT:[USER_DIR.LEASECOMM]X.LOG`). */
  log: string;
  /** The version followed, as the host's file reader names it (`/DISK$MENTAT/USER_DIR/LEASECOMM/X.LOG;109`). */
  path: string;
  /** Bytes read: the offset just after the last whole line. */
  offset: number;
  /** The number of the last whole line read (the first line is 1). */
  line: number;
}

export interface LogPlacesRepository {
  get(host: string, path: string): LogPlace | undefined;
  /** The version of a log saved last, if any. */
  latest(host: string, log: string): LogPlace | undefined;
  /** Saves a place; one that goes back from the saved one is refused (a line would be counted twice). */
  save(place: LogPlace): void;
}

interface LogPlaceRow {
  host: string;
  path: string;
  log: string;
  offset: number;
  line: number;
}

const toPlace = (row: LogPlaceRow): LogPlace => ({ host: row.host, path: row.path, log: row.log, offset: row.offset, line: row.line });

export function createLogPlacesRepository(db: Database.Database, now: () => Date): LogPlacesRepository {
  const selectOne = db.prepare<[string, string], LogPlaceRow>('SELECT host, path, log, offset, line FROM log_places WHERE host = ? AND path = ?');
  const selectLatest = db.prepare<[string, string], LogPlaceRow>(
    'SELECT host, path, log, offset, line FROM log_places WHERE host = ? AND log = ? ORDER BY updated_at DESC, rowid DESC LIMIT 1',
  );
  const upsert = db.prepare<[string, string, string, number, number, string]>(
    `INSERT INTO log_places (host, path, log, offset, line, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (host, path) DO UPDATE SET offset = excluded.offset, line = excluded.line, updated_at = excluded.updated_at`,
  );
  const save = db.transaction((place: LogPlace) => {
    const before = selectOne.get(place.host, place.path);
    if (before !== undefined && (place.offset < before.offset || place.line < before.line)) {
      throw new StoreError('invalid-log-place', `the place in ${place.path} cannot go back from line ${before.line} to line ${place.line}`);
    }
    upsert.run(place.host, place.path, place.log, place.offset, place.line, formatTimestamp(now()));
  });
  return {
    get: (host, path) => {
      const row = selectOne.get(host, path);
      return row === undefined ? undefined : toPlace(row);
    },
    latest: (host, log) => {
      const row = selectLatest.get(host, log);
      return row === undefined ? undefined : toPlace(row);
    },
    save: (place) => {
      if (!Number.isSafeInteger(place.offset) || place.offset < 0 || !Number.isSafeInteger(place.line) || place.line < 0) {
        throw new StoreError('invalid-log-place', `a place in a log is a whole number of bytes and lines, not ${place.offset}/${place.line}`);
      }
      save(place);
    },
  };
}
