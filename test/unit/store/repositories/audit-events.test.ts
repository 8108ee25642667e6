import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../../src-main/store';
import { openStore, type Store } from '../../../../src-main/store/open-store';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();
const run = { id: 'R1', procedureId: 'bill-run', runDate: '2010-08-03', machineVersion: 1, status: 'active' as const, startedBy: 'JS' };

/**
 * A store on a real file, a second connection to the same file (what another process would see:
 * only what is committed), and every record the listener heard, with whether the second
 * connection could already read it at that moment.
 */
function watched(): { store: Store; heard: AuditRecord[]; visibleWhenHeard: boolean[]; errors: unknown[]; reader: Database.Database } {
  const file = tmp.path('console.db');
  const errors: unknown[] = [];
  const store = tmp.closeLater(openStore(file, { onListenerError: (error) => errors.push(error) }));
  const reader = tmp.closeLater(new Database(file, { readonly: true }));
  const committed = reader.prepare<[number], number>('SELECT count(*) FROM audit_log WHERE id = ?').pluck();
  const snapshotOf = reader.prepare<[string], string>('SELECT snapshot FROM procedure_runs WHERE id = ?').pluck();
  const heard: AuditRecord[] = [];
  const visibleWhenHeard: boolean[] = [];
  store.audit.onAppended((record) => {
    heard.push(record);
    const runSaved = record.action.startsWith('procedure.') ? snapshotOf.get('R1') !== undefined : true;
    visibleWhenHeard.push(committed.get(record.id) === 1 && runSaved);
  });
  return { store, heard, visibleWhenHeard, errors, reader };
}

describe('audit records announced by the writer', () => {
  it('announces an append once it is in the file, as append returned it', () => {
    const { store, heard, visibleWhenHeard } = watched();
    const record = store.audit.append({ who: 'JS', action: 'report.printed', subject: 'daily', details: { pages: 2 } });
    expect(heard).toEqual([record]);
    expect(visibleWhenHeard).toEqual([true]);
  });

  it('announces the records a run saves with its snapshot once, in id order, after that one commit', () => {
    const { store, heard, visibleWhenHeard } = watched();
    store.procedureRuns.save({ ...run, snapshot: { index: 1 } }, [
      { who: 'JS', action: 'procedure.started', subject: 'R1' },
      { who: 'JS', action: 'procedure.step', subject: 'R1 obtain-tapes' },
    ]);
    expect(heard.map((r) => r.action)).toEqual(['procedure.started', 'procedure.step']);
    expect(heard.map((r) => r.id)).toEqual(
      store.audit
        .list()
        .map((r) => r.id)
        .reverse(),
    );
    // both were readable by another connection, snapshot included, before the first was heard
    expect(visibleWhenHeard).toEqual([true, true]);
  });

  it('announces nothing of a transaction that rolls back, whichever repository wrote it', () => {
    const { store, heard } = watched();
    expect(() =>
      store.transaction(() => {
        store.audit.append({ who: 'JS', action: 'report.printed' });
        store.settings.set('labels.stock', 'avery-5163', 'JS');
        throw new Error('the printer caught fire');
      }),
    ).toThrow('the printer caught fire');
    expect(() =>
      store.procedureRuns.save({ ...run, snapshot: {} }, [
        { who: 'JS', action: 'procedure.step', subject: 'R1 a' },
        { who: 'not initials', action: 'procedure.step', subject: 'R1 b' },
      ]),
    ).toThrow(/initials/);
    expect([heard, store.audit.count()]).toEqual([[], 0]);
  });

  it('drops only what a failed inner transaction wrote, and announces the rest after the outer commit', () => {
    const { store, heard } = watched();
    store.transaction(() => {
      store.audit.append({ who: 'JS', action: 'job.first' });
      try {
        store.transaction(() => {
          store.audit.append({ who: 'JS', action: 'job.inner' });
          throw new Error('inner failure');
        });
      } catch {
        // the outer transaction goes on
      }
      store.operators.signIn('MAB');
      expect(heard).toEqual([]);
    });
    expect(heard.map((r) => r.action)).toEqual(['job.first', 'operator.sign-in']);
    expect(store.audit.list().map((r) => r.action)).toEqual(['operator.sign-in', 'job.first']);
  });

  it('keeps writing and telling the other listeners when one listener throws, and reports the error', () => {
    const { store, heard, errors } = watched();
    const failure = new Error('listener bug');
    const unsubscribe = store.audit.onAppended(() => {
      throw failure;
    });
    const after: string[] = [];
    store.audit.onAppended((record) => after.push(record.action));

    const record = store.audit.append({ who: 'JS', action: 'report.printed' });
    store.settings.set('labels.stock', 'avery-5163', 'JS');
    expect(store.audit.list().map((r) => r.action)).toEqual(['settings.change', 'report.printed']);
    expect(heard.map((r) => r.action)).toEqual(['report.printed', 'settings.change']);
    expect(after).toEqual(['report.printed', 'settings.change']);
    expect(errors).toEqual([failure, failure]);
    expect(record.id).toBeGreaterThan(0);

    unsubscribe();
    store.audit.append({ who: 'JS', action: 'report.printed' });
    expect(errors).toHaveLength(2);
    expect(after).toHaveLength(3);
  });

  it('keeps id order when a listener itself appends', () => {
    const { store, heard } = watched();
    store.audit.onAppended((record) => {
      if (record.action === 'job.failed') store.audit.append({ who: 'system', action: 'job.alerted', subject: record.subject });
    });
    store.transaction(() => {
      store.audit.append({ who: 'system', action: 'job.failed', subject: 'BILL RUN' });
      store.audit.append({ who: 'system', action: 'job.progress' });
    });
    expect(heard.map((r) => r.action)).toEqual(['job.failed', 'job.progress', 'job.alerted']);
    expect(heard.map((r) => r.id)).toEqual([...heard.map((r) => r.id)].sort((a, b) => a - b));
  });

  it('announces what another process committed, at its next commit here or when asked to catch up', () => {
    const { store, heard } = watched();
    const cli = openStore(store.file);
    try {
      const submitted = cli.audit.append({ who: 'JS', action: 'job.submit', subject: 'INITIALIZE_TAPES' });
      expect(heard).toEqual([]);
      const own = store.audit.append({ who: 'JS', action: 'report.printed' });
      expect(heard).toEqual([submitted, own]);

      const later = cli.audit.append({ who: 'JS', action: 'job.submit', subject: 'BILL_RUN' });
      store.audit.catchUp();
      store.audit.catchUp();
      expect(heard).toEqual([submitted, own, later]);
    } finally {
      cli.close();
    }
  });

  it('announces nothing from before it was opened', () => {
    const file = tmp.path('console.db');
    const first = openStore(file);
    first.audit.append({ who: 'JS', action: 'report.printed' });
    first.close();
    const store = tmp.closeLater(openStore(file));
    const heard: string[] = [];
    store.audit.onAppended((record) => heard.push(record.action));
    store.audit.catchUp();
    store.audit.append({ who: 'JS', action: 'job.progress' });
    expect(heard).toEqual(['job.progress']);
  });
});
