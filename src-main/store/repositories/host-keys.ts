import type Database from 'better-sqlite3';
import { checkActor, SYSTEM_ACTOR } from '../operator-initials';
import { StoreError } from '../store-error';
import { formatTimestamp } from '../timestamp';
import type { AuditWriter } from './audit';

/** A host key an operator approved: the only key the console accepts from that host. */
export interface HostKeyRecord {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  /** Key type, such as `ssh-rsa`. */
  readonly algorithm: string;
  /** `SHA256:` and the unpadded base64 digest, as OpenSSH prints it. */
  readonly fingerprint: string;
  /** Initials of the operator who compared and approved it. */
  readonly approvedBy: string;
  readonly approvedAt: string;
}

export interface NewHostKey {
  host: string;
  address: string;
  port: number;
  algorithm: string;
  fingerprint: string;
}

export interface HostKeysRepository {
  get(host: string): HostKeyRecord | undefined;
  /** By host. */
  list(): HostKeyRecord[];
  /**
   * Pins a key, replacing the one pinned before, and audits it as `host.key-approved` (with the
   * replaced key, if any) in one transaction. Only an operator approves a key, never `system`.
   */
  approve(key: NewHostKey, approvedBy: string): HostKeyRecord;
  /** Removes a pin (audited as `host.key-forgotten`); whether there was one. */
  forget(host: string, who: string): boolean;
}

/**
 * A host's credential, sealed by the operating system (Electron's safeStorage) and stored as
 * base64. The audit records that it changed, never its value.
 */
export interface HostCredentialsRepository {
  getSealed(host: string): string | undefined;
  setSealed(host: string, sealedBase64: string, who: string): void;
  delete(host: string, who: string): boolean;
  /** Hosts that have a credential stored. */
  hosts(): string[];
}

interface HostKeyRow {
  host: string;
  address: string;
  port: number;
  algorithm: string;
  fingerprint_sha256: string;
  approved_by: string;
  approved_at: string;
}

const HOST_PATTERN = /^[A-Z0-9$_]{1,39}$/;
const ALGORITHM_PATTERN = /^[a-z0-9@.-]+$/;
const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

export function createHostKeysRepository(db: Database.Database, audit: AuditWriter, now: () => Date): HostKeysRepository {
  const selectOne = db.prepare<[string], HostKeyRow>('SELECT * FROM host_keys WHERE host = ?');
  const selectAll = db.prepare<[], HostKeyRow>('SELECT * FROM host_keys ORDER BY host');
  const upsert = db.prepare<[string, string, number, string, string, string, string]>(
    `INSERT INTO host_keys (host, address, port, algorithm, fingerprint_sha256, approved_by, approved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (host) DO UPDATE SET
       address = excluded.address, port = excluded.port, algorithm = excluded.algorithm,
       fingerprint_sha256 = excluded.fingerprint_sha256,
       approved_by = excluded.approved_by, approved_at = excluded.approved_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM host_keys WHERE host = ?');

  const approve = audit.transaction((key: NewHostKey, who: string): HostKeyRecord => {
    const before = selectOne.get(key.host);
    const at = formatTimestamp(now());
    upsert.run(key.host, key.address, key.port, key.algorithm, key.fingerprint, who, at);
    audit.appendAt(
      {
        who,
        action: 'host.key-approved',
        subject: key.host,
        details: {
          address: key.address,
          port: key.port,
          algorithm: key.algorithm,
          fingerprint: key.fingerprint,
          replaced:
            before === undefined
              ? null
              : { algorithm: before.algorithm, fingerprint: before.fingerprint_sha256, approvedBy: before.approved_by, approvedAt: before.approved_at },
        },
      },
      at,
    );
    return { ...key, approvedBy: who, approvedAt: at };
  });

  const forget = audit.transaction((host: string, who: string): boolean => {
    const before = selectOne.get(host);
    if (before === undefined) return false;
    remove.run(host);
    audit.append({ who, action: 'host.key-forgotten', subject: host, details: { algorithm: before.algorithm, fingerprint: before.fingerprint_sha256 } });
    return true;
  });

  return {
    get: (host) => {
      const row = selectOne.get(host);
      return row === undefined ? undefined : toRecord(row);
    },
    list: () => selectAll.all().map(toRecord),
    approve(key, approvedBy) {
      checkOperator(approvedBy);
      checkKey(key);
      return approve(key, approvedBy);
    },
    forget(host, who) {
      checkActor(who);
      return forget(host, who);
    },
  };
}

export function createHostCredentialsRepository(db: Database.Database, audit: AuditWriter, now: () => Date): HostCredentialsRepository {
  const selectOne = db.prepare<[string], { sealed: string }>('SELECT sealed FROM host_credentials WHERE host = ?');
  const selectHosts = db.prepare<[], { host: string }>('SELECT host FROM host_credentials ORDER BY host');
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO host_credentials (host, sealed, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (host) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM host_credentials WHERE host = ?');

  const set = audit.transaction((host: string, sealed: string, who: string): void => {
    const replaced = selectOne.get(host) !== undefined;
    const at = formatTimestamp(now());
    upsert.run(host, sealed, at);
    audit.appendAt({ who, action: 'host.credential-set', subject: host, details: { replaced } }, at);
  });

  const del = audit.transaction((host: string, who: string): boolean => {
    if (remove.run(host).changes === 0) return false;
    audit.append({ who, action: 'host.credential-deleted', subject: host });
    return true;
  });

  return {
    getSealed: (host) => selectOne.get(host)?.sealed,
    setSealed(host, sealed, who) {
      checkActor(who);
      checkHost(host);
      // never name the value in the error: it is a secret, even sealed
      if (!BASE64_PATTERN.test(sealed)) throw new StoreError('invalid-setting-value', `the sealed credential for ${host} is not base64`);
      set(host, sealed, who);
    },
    delete(host, who) {
      checkActor(who);
      return del(host, who);
    },
    hosts: () => selectHosts.all().map((row) => row.host),
  };
}

function checkOperator(who: string): void {
  checkActor(who);
  if (who === SYSTEM_ACTOR) {
    throw new StoreError('invalid-who', 'a host key is approved by an operator (initials), never by the console on its own');
  }
}

function checkHost(host: string): void {
  if (!HOST_PATTERN.test(host)) throw new StoreError('invalid-setting-key', `host ${JSON.stringify(host)} is not an OpenVMS host name`);
}

function checkKey(key: NewHostKey): void {
  checkHost(key.host);
  const problems: string[] = [];
  if (key.address.trim() === '') problems.push('an address');
  if (!Number.isInteger(key.port) || key.port < 1 || key.port > 65535) problems.push('a port from 1 to 65535');
  if (!ALGORITHM_PATTERN.test(key.algorithm)) problems.push('a key type such as ssh-rsa');
  if (!FINGERPRINT_PATTERN.test(key.fingerprint)) problems.push('a SHA256 fingerprint as OpenSSH prints it');
  if (problems.length > 0) {
    throw new StoreError('invalid-setting-value', `the host key of ${key.host} needs ${problems.join(', ')}`);
  }
}

function toRecord(row: HostKeyRow): HostKeyRecord {
  return {
    host: row.host,
    address: row.address,
    port: row.port,
    algorithm: row.algorithm,
    fingerprint: row.fingerprint_sha256,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
  };
}
