import type Database from 'better-sqlite3';

/**
 * Write transactions that remember what to do once they commit. SQLite's commit hook is not
 * reachable through better-sqlite3, so the store opens every write transaction through here and
 * runs the queued tasks itself after the outermost one returns: the audit log announces a record
 * only when it is in the file, and never one that was rolled back.
 */
export interface CommitQueue {
  /**
   * `fn` as an IMMEDIATE write transaction, or a savepoint when one is already open. Tasks queued
   * inside it run after the outermost transaction commits, and are dropped with any rollback
   * (a failed savepoint drops only its own).
   */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** Runs `task` once the open transaction commits, or at once when none is open. */
  afterCommit(task: () => void): void;
}

export function createCommitQueue(db: Database.Database, onTaskError: (error: unknown) => void): CommitQueue {
  let depth = 0;
  const pending: (() => void)[] = [];
  const ready: (() => void)[] = [];
  let draining = false;

  // A task may write, and so commit, again: its own tasks wait behind the ones already ready,
  // which keeps them in commit order.
  function drain(): void {
    if (draining) return;
    draining = true;
    try {
      for (let task = ready.shift(); task !== undefined; task = ready.shift()) {
        try {
          task();
        } catch (error) {
          onTaskError(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    transaction<A extends unknown[], R>(fn: (...args: A) => R) {
      const transaction = db.transaction(fn);
      return (...args: A): R => {
        const mark = pending.length;
        depth += 1;
        let result: R;
        try {
          result = transaction.immediate(...args);
        } catch (error) {
          pending.length = mark;
          throw error;
        } finally {
          depth -= 1;
        }
        if (depth === 0) {
          ready.push(...pending.splice(0));
          drain();
        }
        return result;
      };
    },

    afterCommit(task) {
      if (depth > 0) {
        pending.push(task);
        return;
      }
      if (db.inTransaction) {
        // Its commit would pass unseen: a programming error in the store, not an operator's.
        throw new Error('a write inside a transaction the store did not open through its commit queue');
      }
      ready.push(task);
      drain();
    },
  };
}
