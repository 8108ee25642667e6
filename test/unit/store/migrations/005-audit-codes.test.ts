import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../../../src-main/store/migrate';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();

const insert = (db: Database.Database, action: string, details: string | null): number =>
  Number(
    db.prepare("INSERT INTO audit_log (at, who, action, subject, details) VALUES ('2010-08-03T08:00:00.000-04:00', 'JS', ?, 's', ?)").run(action, details)
      .lastInsertRowid,
  );

const codes = (db: Database.Database) => db.prepare('SELECT code, date, action, audit_id AS auditId FROM audit_log_codes ORDER BY rowid').all();

describe('migration 005: the codes the audit records name', () => {
  it('indexes the codes of the records already in the log, keeping the log as it was', () => {
    const file = tmp.path('v4.db');
    const before = new Database(file);
    migrate(before, { to: 4 });
    const printed = insert(before, 'labels.printed', '{"date":"2010-08-03","set":"daily","codes":["DAILY","BR1"]}');
    insert(before, 'operator.sign-in', '{"name":null}');
    insert(before, 'report.printed', null);
    const cartridges = insert(before, 'labels.printed', '{"codes":["100803P",100804,{"not":"a code"},null]}');
    insert(before, 'labels.printed', '{"codes":"not a list"}');
    before.close();

    const db = tmp.closeLater(new Database(file));
    expect(migrate(db, { to: 5 })).toEqual([5]);
    expect(readSchemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5);
    expect(codes(db)).toEqual([
      { code: 'DAILY', date: '2010-08-03', action: 'labels.printed', auditId: printed },
      { code: 'BR1', date: '2010-08-03', action: 'labels.printed', auditId: printed },
      { code: '100803P', date: null, action: 'labels.printed', auditId: cartridges },
      { code: '100804', date: null, action: 'labels.printed', auditId: cartridges },
    ]);
  });

  it('indexes every record appended afterwards, by whatever path, and is append-only like the log', () => {
    const db = tmp.closeLater(new Database(tmp.path('v5.db')));
    migrate(db, { to: 5 });
    const id = insert(db, 'labels.reprinted', '{"date":"2010-08-04","codes":["BR2"]}');
    insert(db, 'procedure.step', '{"date":"2010-08-04"}');
    expect(codes(db)).toEqual([{ code: 'BR2', date: '2010-08-04', action: 'labels.reprinted', auditId: id }]);
    expect(() => db.prepare("UPDATE audit_log_codes SET code = 'BR9'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log_codes').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log_codes (code, action, audit_id) VALUES ('X', 'a.b', 9999)").run()).toThrow(/FOREIGN KEY/);
  });
});
