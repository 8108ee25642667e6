/**
 * Host credentials in the Electron shell: sealed with Electron's safeStorage (the operating
 * system's keychain) and kept as base64 in the console's database; only the sealed form is ever
 * written, and the audit log records that a credential changed, never its value.
 */
import { safeStorage } from 'electron';
import type { HostCredentialsRepository } from '../store/repositories/host-keys';
import { checkSecret, type CredentialStore, type HostSecret } from './credentials';

/** The part of Electron's safeStorage used here. */
export interface SealingService {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no keychain, the "encryption" uses a fixed key. */
  getSelectedStorageBackend?(): string;
}

export function electronCredentialStore(repository: HostCredentialsRepository, sealing: SealingService = safeStorage): CredentialStore {
  return {
    async get(host) {
      const sealed = repository.getSealed(host);
      if (sealed === undefined || !sealing.isEncryptionAvailable()) return undefined;
      return checkSecret(JSON.parse(sealing.decryptString(Buffer.from(sealed, 'base64'))) as unknown);
    },
    async set(host, secret: HostSecret, who) {
      checkSealingIsReal(sealing);
      const sealed = sealing.encryptString(JSON.stringify(checkSecret(secret))).toString('base64');
      repository.setSealed(host, sealed, who);
    },
    async delete(host, who) {
      return repository.delete(host, who);
    },
  };
}

function checkSealingIsReal(sealing: SealingService): void {
  // on Linux without a keyring Electron "encrypts" with a key built into it: that would be a
  // password on disk in all but name, so it is refused rather than pretended
  if (!sealing.isEncryptionAvailable() || sealing.getSelectedStorageBackend?.() === 'basic_text') {
    throw new Error('the operating system keychain is not available, so the console cannot store this credential safely on this workstation');
  }
}
