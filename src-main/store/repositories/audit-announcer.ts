import type Database from 'better-sqlite3';
import type { AuditRecord } from './audit';

/** How the announcer reads the log when another connection has written to it. */
export interface AnnouncerSource {
  /** The newest id now in the log: where announcing starts. */
  lastId(): number;
  /** Up to `limit` committed records after `afterId`, oldest first. */
  readAfter(afterId: number, limit: number): AuditRecord[];
  reportListenerError(error: unknown): void;
}

export interface AuditAnnouncer {
  subscribe(listener: (record: AuditRecord) => void): () => void;
  /** This connection committed `record` (called in commit order). */
  committed(record: AuditRecord): void;
  catchUp(): void;
}

const READ_PAGE = 500;

/**
 * Hands each committed audit record to the listeners, once and in id order. The records this
 * connection writes come straight from the writer; when SQLite's data_version says another
 * connection (the CLI) committed since the last look, the records after the last one announced
 * are read from the file instead, which takes in this connection's own as well: commits are
 * serialised by the write lock, so id order is commit order across connections.
 */
export function createAuditAnnouncer(db: Database.Database, source: AnnouncerSource): AuditAnnouncer {
  const listeners = new Set<(record: AuditRecord) => void>();
  const readDataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let announced = source.lastId();
  let dataVersion = readDataVersion.get();

  function announce(record: AuditRecord): void {
    announced = record.id;
    for (const listener of [...listeners]) {
      try {
        listener(record);
      } catch (error) {
        source.reportListenerError(error);
      }
    }
  }

  // The version is taken before the read, so a commit that lands during it is seen next time.
  function announceFromFile(version: number | undefined): void {
    dataVersion = version;
    for (let page = source.readAfter(announced, READ_PAGE); page.length > 0; page = source.readAfter(announced, READ_PAGE)) {
      for (const record of page) if (record.id > announced) announce(record);
    }
  }

  return {
    subscribe(listener) {
      // each subscription is its own: ending one leaves another of the same function in place
      const own = (record: AuditRecord) => listener(record);
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },

    committed(record) {
      if (record.id <= announced) return;
      if (listeners.size === 0) {
        announced = record.id;
        return;
      }
      const version = readDataVersion.get();
      if (version === dataVersion) announce(record);
      else announceFromFile(version);
    },

    catchUp() {
      const version = readDataVersion.get();
      if (version === dataVersion) return;
      if (listeners.size === 0) {
        dataVersion = version;
        announced = source.lastId();
        return;
      }
      announceFromFile(version);
    },
  };
}
