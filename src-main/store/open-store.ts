import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, migrate, readSchemaVersion, schemaTooNew } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { createCommitQueue } from './commit-queue';
import { createAuditRepository, type AuditRepository } from './repositories/audit';
import { createHostCredentialsRepository, createHostKeysRepository, type HostCredentialsRepository, type HostKeysRepository } from './repositories/host-keys';
import { createOperatorsRepository, type OperatorsRepository } from './repositories/operators';
import { createChainRunsRepository, createProcedureRunsRepository, type ProcedureRunsRepository } from './repositories/procedure-runs';
import { createLogLinesRepository, type LogLinesRepository } from './repositories/log-lines';
import { createSettingsRepository, type SettingsRepository } from './repositories/settings';
import { createLogPlacesRepository, type LogPlacesRepository } from './repositories/log-places';
import { StoreError } from './store-error';

export interface StoreOptions {
  /** Source of every stored time; tests fix it. */
  now?: () => Date;
  /** How long a write waits for another connection's lock before failing, in ms. */
  busyTimeoutMs?: number;
  /**
   * Told of an error thrown by an audit listener (`audit.onAppended`), which never undoes the
   * write nor keeps the record from the other listeners; default: written to stderr.
   */
  onListenerError?: (error: unknown) => void;
}

/** What the connection is really running with, read back from SQLite. */
export interface StorePragmas {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  foreignKeys: boolean;
  busyTimeoutMs: number;
}

export interface Store {
  readonly file: string;
  readonly schemaVersion: number;
  /** Versions migrated by this open, in order; `[]` when the file was already current. */
  readonly appliedMigrations: readonly number[];
  readonly operators: OperatorsRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditRepository;
  /** Host keys the operators approved (the host link refuses any other). */
  readonly hostKeys: HostKeysRepository;
  /** How far each batch log has been read. */
  readonly logPlaces: LogPlacesRepository;
  /** The lines of the batch logs read, and the job chains that read them. */
  readonly logLines: LogLinesRepository;
  readonly chainRuns: ProcedureRunsRepository;
  /** Host credentials sealed by the operating system (Electron shell only). */
  readonly hostCredentials: HostCredentialsRepository;
  /** Guided procedure runs, saved at every step with their audit records. */
  readonly procedureRuns: ProcedureRunsRepository;
  /**
   * Runs `fn` as one write transaction, so several repository calls commit together; the audit
   * records it appends are announced once it commits.
   */
  transaction<T>(fn: () => T): T;
  pragmas(): StorePragmas;
  /** Safe to call twice. */
  close(): void;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openStore(file: string, opts: StoreOptions = {}): Store {
  const now = opts.now ?? (() => new Date());
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw openFailure(file, error);
  }

  try {
    db.pragma(`busy_timeout = ${busyTimeout(opts.busyTimeoutMs)}`);
    // Before anything is written, so a file that is not ours is left exactly as it was.
    checkIdentity(db, file);

    // WAL lets the UI read while a job writes; FULL because a power cut in the computer room
    // must not lose the last committed step of a procedure.
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode !== 'wal' && !(inMemory && mode === 'memory')) {
      throw new StoreError('cannot-open', `${file}: SQLite refused write-ahead logging (journal mode is ${mode})`, {
        file,
      });
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    const appliedMigrations = migrate(db, { file });
    return buildStore(db, file, now, appliedMigrations, opts.onListenerError ?? reportToStderr);
  } catch (error) {
    db.close();
    throw error instanceof StoreError ? error : openFailure(file, error);
  }
}

function busyTimeout(ms: number | undefined): number {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? Math.trunc(ms) : DEFAULT_BUSY_TIMEOUT_MS;
}

function reportToStderr(error: unknown): void {
  console.error(`an audit listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

function buildStore(db: Database.Database, file: string, now: () => Date, appliedMigrations: number[], onListenerError: (error: unknown) => void): Store {
  const commits = createCommitQueue(db, onListenerError);
  const audit = createAuditRepository(db, commits, now, onListenerError);
  const operators = createOperatorsRepository(db, audit, now);
  const settings = createSettingsRepository(db, audit, now);
  const hostKeys = createHostKeysRepository(db, audit, now);
  const hostCredentials = createHostCredentialsRepository(db, audit, now);
  const procedureRuns = createProcedureRunsRepository(db, audit, now);
  const logPlaces = createLogPlacesRepository(db, now);
  const logLines = createLogLinesRepository(db);
  const chainRuns = createChainRunsRepository(db, audit, now);
  return {
    file,
    schemaVersion: readSchemaVersion(db),
    appliedMigrations,
    operators,
    settings,
    // Only the public face: callers cannot choose the time an audit record claims.
    audit: {
      append: audit.append,
      list: audit.list,
      count: audit.count,
      lastId: audit.lastId,
      csvPage: audit.csvPage,
      recordedCodes: audit.recordedCodes,
      onAppended: audit.onAppended,
      catchUp: audit.catchUp,
    },
    hostKeys,
    hostCredentials,
    procedureRuns,
    logPlaces,
    logLines,
    chainRuns,
    transaction: (fn) => commits.transaction(fn)(),
    pragmas: () => ({
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: Number(db.pragma('synchronous', { simple: true })),
      foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
      busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    }),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/**
 * Refuses files that are SQLite but not ours before any migration writes into them: another
 * program's database, or one from a console newer than this one.
 */
function checkIdentity(db: Database.Database, file: string): void {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw notOurs(file, `its application id is ${applicationId}`);
  }
  const version = readSchemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw schemaTooNew(version, LATEST_SCHEMA_VERSION, file);
  if (version === 0) {
    const objects = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get();
    if ((objects?.n ?? 0) > 0) throw notOurs(file, 'it already holds tables but has no console schema version');
  }
}

function notOurs(file: string, why: string): StoreError {
  return new StoreError('not-a-database', `${file} is an SQLite database but not a TapeOps Console one (${why})`, {
    file,
  });
}

function openFailure(file: string, error: unknown): StoreError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not-a-database', `${file} is not a TapeOps Console database (not an SQLite file)`, {
      cause: error,
      file,
    });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new StoreError('not-a-database', `${file} is damaged and cannot be read as a database (${reason})`, {
      cause: error,
      file,
    });
  }
  return new StoreError('cannot-open', `cannot open database ${file}: ${reason}`, { cause: error, file });
}
