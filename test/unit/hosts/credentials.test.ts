import { describe, expect, it, vi } from 'vitest';
import { checkSecret, MemoryCredentialStore, secretKindFor } from '../../../src-main/hosts/credentials';
import { openStore } from '../../../src-main/store/open-store';
import { useTempDir } from '../store/temp-dir';

const sealing = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  // a reversible stand-in: the test only needs to see that the clear text never reaches the file
  isEncryptionAvailable: () => sealing.available,
  getSelectedStorageBackend: () => sealing.backend,
  encryptString: (text: string) => Buffer.from(text, 'utf8').map((b) => b ^ 0x5a),
  decryptString: (buffer: Buffer) => Buffer.from(buffer.map((b) => b ^ 0x5a)).toString('utf8'),
}));
vi.mock('electron', () => ({ safeStorage: sealing }));

const { electronCredentialStore } = await import('../../../src-main/hosts/electron-credentials');
const tmp = useTempDir();

describe('the in-memory credential store (browser shell)', () => {
  it('keeps a secret for the life of the process only', async () => {
    const store = new MemoryCredentialStore();
    await store.set('BLT4', { kind: 'password', password: 'hunter2' });
    expect(await store.get('BLT4')).toEqual({ kind: 'password', password: 'hunter2' });
    expect(await store.delete('BLT4')).toBe(true);
    expect(await store.get('BLT4')).toBeUndefined();
  });

  it('refuses a malformed secret without repeating it', async () => {
    const store = new MemoryCredentialStore();
    await expect(store.set('BLT4', { kind: 'password', password: '' })).rejects.toThrow(TypeError);
    expect(() => checkSecret({ kind: 'token', token: 'hunter2' })).toThrow(/^a host secret is/);
    expect(() => checkSecret({ kind: 'token', token: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('knows which secret each authentication method needs', () => {
    expect(secretKindFor('password')).toBe('password');
    expect(secretKindFor('keyboard-interactive')).toBe('password');
    expect(secretKindFor('publickey')).toBe('private-key');
  });
});

describe('the Electron credential store', () => {
  it('writes only the sealed secret to the database, and reads it back', async () => {
    sealing.available = true;
    sealing.backend = 'gnome_libsecret';
    const file = tmp.path('console.db');
    const db = tmp.closeLater(openStore(file));
    const store = electronCredentialStore(db.hostCredentials);
    await store.set('BLT4', { kind: 'private-key', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----', passphrase: 'tape' }, 'JS');
    expect(await store.get('BLT4')).toEqual({ kind: 'private-key', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----', passphrase: 'tape' });
    const sealed = db.hostCredentials.getSealed('BLT4') ?? '';
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('PRIVATE KEY');
    expect(await store.delete('BLT4', 'JS')).toBe(true);
    await store.set('BLT4', { kind: 'private-key', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----' }, 'JS');
    db.close();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).toString('latin1')).not.toContain('PRIVATE KEY');
  });

  it('refuses to store when the keychain is missing or is only a built-in key', async () => {
    const db = tmp.closeLater(openStore(tmp.path('console.db')));
    const store = electronCredentialStore(db.hostCredentials);
    sealing.backend = 'basic_text';
    await expect(store.set('BLT4', { kind: 'password', password: 'hunter2' }, 'JS')).rejects.toThrow(/keychain is not available/);
    sealing.backend = 'gnome_libsecret';
    sealing.available = false;
    await expect(store.set('BLT4', { kind: 'password', password: 'hunter2' }, 'JS')).rejects.toThrow(/keychain is not available/);
    expect(db.hostCredentials.hosts()).toEqual([]);
    sealing.available = true;
  });
});
