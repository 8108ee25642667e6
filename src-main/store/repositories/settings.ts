import type Database from 'better-sqlite3';
import { checkActor } from '../operator-initials';
import { StoreError } from '../store-error';
import { formatTimestamp } from '../timestamp';
import type { AuditWriter } from './audit';
import { fromJsonText, toJsonText } from './json-text';

export interface SettingRecord {
  readonly key: string;
  /** Parsed JSON. */
  readonly value: unknown;
  readonly updatedAt: string;
}

export interface SettingsRepository {
  /** The stored value, or undefined when the key was never set. The type is the caller's word. */
  get<T = unknown>(key: string): T | undefined;
  /**
   * Stores a JSON value and audits it as `settings.change` with the old and new values, in one
   * transaction. Setting the value a key already holds changes nothing and audits nothing.
   */
  set(key: string, value: unknown, who: string): SettingRecord;
  /** By key. */
  all(): SettingRecord[];
}

const MAX_KEY_LENGTH = 200;

interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

export function createSettingsRepository(db: Database.Database, audit: AuditWriter, now: () => Date): SettingsRepository {
  const selectOne = db.prepare<[string], SettingRow>('SELECT key, value, updated_at FROM settings WHERE key = ?');
  const selectAll = db.prepare<[], SettingRow>('SELECT key, value, updated_at FROM settings ORDER BY key');
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  const set = audit.transaction((key: string, json: string, who: string): SettingRecord => {
    const before = selectOne.get(key);
    if (before !== undefined && before.value === json) return toRecord(before);
    const at = formatTimestamp(now());
    upsert.run(key, json, at);
    audit.appendAt(
      {
        who,
        action: 'settings.change',
        subject: key,
        details: { old: before === undefined ? null : fromJsonText(before.value), new: fromJsonText(json) },
      },
      at,
    );
    return { key, value: fromJsonText(json), updatedAt: at };
  });

  return {
    get<T>(key: string): T | undefined {
      const row = selectOne.get(key);
      return row === undefined ? undefined : (fromJsonText(row.value) as T);
    },
    set(key, value, who) {
      checkKey(key);
      checkActor(who);
      const json = value === undefined ? undefined : toJsonText(value);
      if (json === undefined) {
        throw new StoreError('invalid-setting-value', `setting ${JSON.stringify(key)} needs a value that can be written as JSON`);
      }
      return set(key, json, who);
    },
    all() {
      return selectAll.all().map(toRecord);
    },
  };
}

function checkKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || key.trim() !== key) {
    throw new StoreError('invalid-setting-key', `a setting key is 1 to ${MAX_KEY_LENGTH} characters without leading or trailing spaces (got ${JSON.stringify(key)})`);
  }
}

function toRecord(row: SettingRow): SettingRecord {
  return { key: row.key, value: fromJsonText(row.value), updatedAt: row.updated_at };
}
