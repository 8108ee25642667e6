import type Database from 'better-sqlite3';
import { normalizeInitials } from '../operator-initials';
import { formatTimestamp } from '../timestamp';
import type { AuditWriter } from './audit';

export interface OperatorRecord {
  /** 2 to 4 capital letters, as written in the daily backup report. */
  readonly initials: string;
  readonly name: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface OperatorsRepository {
  /**
   * Upper-cases and trims the initials, then records the sign-in and audits it. Signing in
   * without a name keeps the name given before.
   */
  signIn(initials: string, name?: string): OperatorRecord;
  /** Audits that these initials left the console (sign out, or a switch to another operator). */
  signOut(initials: string): void;
  get(initials: string): OperatorRecord | undefined;
  /** By initials. */
  list(): OperatorRecord[];
}

interface OperatorRow {
  initials: string;
  name: string | null;
  first_seen: string;
  last_seen: string;
}

export function createOperatorsRepository(db: Database.Database, audit: AuditWriter, now: () => Date): OperatorsRepository {
  const selectOne = db.prepare<[string], OperatorRow>('SELECT initials, name, first_seen, last_seen FROM operators WHERE initials = ?');
  const selectAll = db.prepare<[], OperatorRow>('SELECT initials, name, first_seen, last_seen FROM operators ORDER BY initials');
  const upsert = db.prepare<[string, string | null, string, string]>(
    `INSERT INTO operators (initials, name, first_seen, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (initials) DO UPDATE
       SET name = coalesce(excluded.name, operators.name), last_seen = excluded.last_seen`,
  );

  const signIn = audit.transaction((initials: string, name: string | null): OperatorRecord => {
    const before = selectOne.get(initials);
    const at = formatTimestamp(now());
    upsert.run(initials, name, at, at);
    const after = selectOne.get(initials);
    if (after === undefined) throw new Error(`operator ${initials} vanished while signing in`);
    audit.appendAt(
      {
        who: initials,
        action: 'operator.sign-in',
        subject: initials,
        details: { name: after.name, firstSignIn: before === undefined },
      },
      at,
    );
    return toRecord(after);
  });

  return {
    signIn(rawInitials, rawName) {
      const initials = normalizeInitials(rawInitials);
      const name = rawName?.trim() || null;
      return signIn(initials, name);
    },
    signOut(rawInitials) {
      const initials = normalizeInitials(rawInitials);
      audit.append({ who: initials, action: 'operator.sign-out', subject: initials });
    },
    get(rawInitials) {
      const row = selectOne.get(rawInitials.trim().toUpperCase());
      return row === undefined ? undefined : toRecord(row);
    },
    list() {
      return selectAll.all().map(toRecord);
    },
  };
}

function toRecord(row: OperatorRow): OperatorRecord {
  return { initials: row.initials, name: row.name, firstSeen: row.first_seen, lastSeen: row.last_seen };
}
