/**
 * Where the console keeps what it logs in to a host with. The Electron shell seals secrets with
 * the operating system's keychain (./electron-credentials); the browser shell keeps them in
 * memory only, for the life of the process, and never writes them anywhere.
 */

/** How the console authenticates to a host; a property of the host, not of the secret. */
export type AuthenticationMethod = 'password' | 'publickey' | 'keyboard-interactive';

export type HostSecret =
  /** For password and keyboard-interactive authentication (OpenVMS asks "Password:"). */
  { kind: 'password'; password: string } | { kind: 'private-key'; privateKey: string; passphrase?: string };

export interface CredentialStore {
  get(host: string): Promise<HostSecret | undefined>;
  /** `who`: the operator's initials, for the audit log of a store that keeps one. */
  set(host: string, secret: HostSecret, who: string): Promise<void>;
  /** Whether there was one. */
  delete(host: string, who: string): Promise<boolean>;
}

/** The secret kind an authentication method needs. */
export function secretKindFor(method: AuthenticationMethod): HostSecret['kind'] {
  return method === 'publickey' ? 'private-key' : 'password';
}

/** Checks a secret's shape at the boundary: it arrives from the UI or from a decrypted blob. */
export function checkSecret(value: unknown): HostSecret {
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if (v.kind === 'password' && typeof v.password === 'string' && v.password.length > 0) {
      return { kind: 'password', password: v.password };
    }
    if (v.kind === 'private-key' && typeof v.privateKey === 'string' && v.privateKey.length > 0) {
      if (v.passphrase !== undefined && typeof v.passphrase !== 'string') throw new TypeError('a key passphrase is text');
      return { kind: 'private-key', privateKey: v.privateKey, ...(typeof v.passphrase === 'string' ? { passphrase: v.passphrase } : {}) };
    }
  }
  // never echo the value: it may hold a password
  throw new TypeError('a host secret is { kind: "password", password } or { kind: "private-key", privateKey, passphrase? }');
}

/** For the browser shell and tests: held in this process only, gone when it exits. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly secrets = new Map<string, HostSecret>();

  async get(host: string): Promise<HostSecret | undefined> {
    return this.secrets.get(host);
  }

  async set(host: string, secret: HostSecret): Promise<void> {
    this.secrets.set(host, checkSecret(secret));
  }

  async delete(host: string): Promise<boolean> {
    return this.secrets.delete(host);
  }
}
