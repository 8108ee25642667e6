import { describe, expect, it } from 'vitest';
import { verifyHostKey, type PinnedHostKey } from '../../../src-main/hosts/host-key-check';
import { describeHostKey, FINGERPRINT_PATTERN, keyTypeOf, sha256Fingerprint } from '../../../src-main/hosts/host-key-fingerprint';

// `ssh-keygen -lf` printed SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI for this key
const ED25519_BLOB = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIF++cnQeM5ivF+gm4rMtuH3dRxzppOMC3laGXrF/6L2I', 'base64');

const pinned: PinnedHostKey = {
  host: 'BLT4',
  address: '10.1.1.4',
  port: 22,
  algorithm: 'ssh-rsa',
  fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU',
  approvedBy: 'JS',
  approvedAt: '2026-11-24T08:00:00.000-05:00',
};

describe('host key fingerprints', () => {
  it('are written as OpenSSH writes them', () => {
    expect(sha256Fingerprint(ED25519_BLOB)).toBe('SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI');
    expect(sha256Fingerprint(ED25519_BLOB)).toMatch(FINGERPRINT_PATTERN);
  });

  it('name the key type from the key itself', () => {
    expect(keyTypeOf(ED25519_BLOB)).toBe('ssh-ed25519');
    expect(describeHostKey(ED25519_BLOB).algorithm).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([0, 0, 0, 99, 1]))).toBe('unknown');
    expect(keyTypeOf(Buffer.alloc(2))).toBe('unknown');
  });
});

describe('verifyHostKey', () => {
  it('accepts the pinned key', () => {
    expect(verifyHostKey('BLT4', pinned, { algorithm: 'ssh-rsa', fingerprint: pinned.fingerprint })).toEqual({ kind: 'match', pinned });
  });

  it('asks the operator to compare the fingerprint of an unknown host', () => {
    const verdict = verifyHostKey('BLT4', undefined, { algorithm: 'ssh-rsa', fingerprint: pinned.fingerprint });
    expect(verdict.kind).toBe('unknown');
    expect(verdict.kind === 'unknown' && verdict.message).toMatch(/BLT4 is not known yet\. It offered the ssh-rsa key SHA256:47DEQ.*approve it on the Hosts screen/);
  });

  it('refuses a changed key, saying what was pinned, what was offered and what to do', () => {
    const offered = { algorithm: 'ssh-rsa', fingerprint: 'SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI' };
    const verdict = verifyHostKey('BLT4', pinned, offered);
    expect(verdict.kind).toBe('changed');
    if (verdict.kind !== 'changed') return;
    expect(verdict.message).toBe(
      'Connection to BLT4 refused: its host key has changed. ' +
        'Pinned: ssh-rsa SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU (approved by JS on 2026-11-24). ' +
        'Offered now: ssh-rsa SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI. ' +
        "If BLT4's SSH key was regenerated on purpose, ask its system manager for the new fingerprint, compare it, " +
        'and approve the new key on the Hosts screen. Otherwise do not connect: someone may be intercepting the connection.',
    );
  });

  it('refuses a key of another type even with the same digest', () => {
    expect(verifyHostKey('BLT4', pinned, { algorithm: 'ssh-dss', fingerprint: pinned.fingerprint }).kind).toBe('changed');
  });
});
