import { createHash } from 'node:crypto';
import type { OfferedHostKey } from './host-link-error';

/**
 * The SHA256 fingerprint of a host key in OpenSSH's form (`SHA256:` and unpadded base64), so
 * the operator can compare it with what `ssh-keygen -lf` prints for the same key.
 */
export function sha256Fingerprint(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The key type named at the start of an SSH public key blob (RFC 4253 §6.6: a length-prefixed
 * string). An RSA key is `ssh-rsa` whichever signature algorithm (rsa-sha2-256...) was used.
 */
export function keyTypeOf(keyBlob: Uint8Array): string {
  if (keyBlob.length < 4) return 'unknown';
  const view = new DataView(keyBlob.buffer, keyBlob.byteOffset, keyBlob.byteLength);
  const length = view.getUint32(0);
  if (length === 0 || length > 64 || 4 + length > keyBlob.length) return 'unknown';
  const name = Buffer.from(keyBlob.subarray(4, 4 + length)).toString('latin1');
  return /^[a-z0-9@.-]+$/.test(name) ? name : 'unknown';
}

export function describeHostKey(keyBlob: Uint8Array): OfferedHostKey {
  return { algorithm: keyTypeOf(keyBlob), fingerprint: sha256Fingerprint(keyBlob) };
}

/** What a pinned fingerprint looks like; anything else in the store is a programming error. */
export const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;
