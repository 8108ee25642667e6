/**
 * The saved state of guided procedure runs (migration 004) and of job chain runs (007). `save` writes a run's snapshot and
 * the audit records of the steps it completed in one transaction, so that after a crash the
 * snapshot and the audit log agree: no step is recorded twice or lost.
 */
import type Database from 'better-sqlite3';
import type { AuditWriter, NewAuditEntry } from './audit';
import { formatTimestamp } from '../timestamp';
import { fromJsonText, toJsonText } from './json-text';
import { StoreError } from '../store-error';
import type { RunStatus } from '../../../shared/procedures/run-view';

// the statuses are the screens' own list, not written again here
export type { RunStatus };

export interface ProcedureRunRow {
  id: string;
  procedureId: string;
  runDate: string;
  machineVersion: number;
  status: RunStatus;
  snapshot: unknown;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
}

/** A run as saved: the row without the times the repository keeps itself. */
export type SaveRun = Omit<ProcedureRunRow, 'startedAt' | 'updatedAt'>;

export interface ProcedureRunsRepository {
  /** Writes the run and appends `audit` in one transaction. */
  save(run: SaveRun, audit: readonly NewAuditEntry[]): void;
  get(id: string): ProcedureRunRow | undefined;
  /** The runs still under way, oldest first, and the latest others. */
  list(options?: { status?: RunStatus; limit?: number }): ProcedureRunRow[];
}

interface Row {
  id: string;
  procedure_id: string;
  run_date: string;
  machine_version: number;
  status: RunStatus;
  snapshot: string;
  started_by: string;
  started_at: string;
  updated_at: string;
}

/** The tables that hold runs, and the column that names what each run is of. */
const RUN_TABLES = {
  procedure_runs: 'procedure_id',
  chain_runs: 'chain',
} as const;

export function createProcedureRunsRepository(db: Database.Database, audit: AuditWriter, now: () => Date): ProcedureRunsRepository {
  return createRunsRepository(db, audit, now, 'procedure_runs');
}

/** The same records for the job chains (migration 007): `procedureId` holds the chain's name. */
export function createChainRunsRepository(db: Database.Database, audit: AuditWriter, now: () => Date): ProcedureRunsRepository {
  return createRunsRepository(db, audit, now, 'chain_runs');
}

function createRunsRepository(db: Database.Database, audit: AuditWriter, now: () => Date, table: keyof typeof RUN_TABLES): ProcedureRunsRepository {
  const subject = RUN_TABLES[table];
  const upsert = db.prepare(
    `INSERT INTO ${table} (id, ${subject}, run_date, machine_version, status, snapshot, started_by, started_at, updated_at)
     VALUES (@id, @procedureId, @runDate, @machineVersion, @status, @snapshot, @startedBy, @at, @at)
     ON CONFLICT (id) DO UPDATE SET machine_version = excluded.machine_version, status = excluded.status,
       snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
  );
  const columns = `id, ${subject} AS procedure_id, run_date, machine_version, status, snapshot, started_by, started_at, updated_at`;
  const selectOne = db.prepare<[string], Row>(`SELECT ${columns} FROM ${table} WHERE id = ?`);
  const order = `ORDER BY status = 'active' DESC, CASE WHEN status = 'active' THEN started_at END ASC,
      CASE WHEN status = 'active' THEN rowid END ASC, updated_at DESC LIMIT @limit`;
  // Two statements rather than `(@status IS NULL OR status = @status)`, which no index serves.
  const selectAll = db.prepare<{ limit: number }, Row>(`SELECT ${columns} FROM ${table} ${order}`);
  const selectByStatus = db.prepare<{ status: string; limit: number }, Row>(`SELECT ${columns} FROM ${table} WHERE status = @status ${order}`);

  const save = audit.transaction((run: SaveRun, entries: readonly NewAuditEntry[]) => {
    const at = formatTimestamp(now());
    const snapshot = toJsonText(run.snapshot);
    if (snapshot === undefined) throw new StoreError('invalid-snapshot', `the snapshot of run ${run.id} cannot be written as JSON`);
    upsert.run({ ...run, snapshot, at });
    for (const entry of entries) audit.appendAt(entry, at);
  });

  return {
    save: (run, entries) => save(run, entries),
    get: (id) => {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toRun(row);
    },
    list: (options = {}) => {
      const limit = options.limit ?? 50;
      const rows = options.status === undefined ? selectAll.all({ limit }) : selectByStatus.all({ status: options.status, limit });
      return rows.map(toRun);
    },
  };
}

function toRun(row: Row): ProcedureRunRow {
  return {
    id: row.id,
    procedureId: row.procedure_id,
    runDate: row.run_date,
    machineVersion: row.machine_version,
    status: row.status,
    snapshot: fromJsonText(row.snapshot),
    startedBy: row.started_by,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
  };
}
