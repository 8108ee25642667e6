import { describe, expect, it } from 'vitest';
import { handshakeFailure } from '../../../src-main/hosts/ssh-transport';

const pinned = {
  host: 'BLT4',
  address: '10.1.1.4',
  port: 22,
  algorithm: 'ssh-rsa',
  fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU',
  approvedBy: 'JS',
  approvedAt: '2026-11-24T08:00:00.000-05:00',
};
const offered = { algorithm: 'ssh-rsa', fingerprint: 'SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI' };
const fail = (error: Error & { level?: string; code?: string }, options: { legacy?: boolean; handshaken?: boolean } = {}) =>
  handshakeFailure('BLT4', '10.1.1.4', 22, undefined, error, 'password', options.legacy ?? false, options.handshaken ?? true);

describe('how a failed connection attempt reads', () => {
  it('puts the host-key verdict first: it decides before any credential is sent', () => {
    const unknown = handshakeFailure(
      'BLT4',
      '10.1.1.4',
      22,
      { kind: 'unknown', offered, message: 'BLT4 is not known yet.' },
      new Error('Host denied'),
      'password',
      false,
      false,
    );
    expect(unknown).toMatchObject({ code: 'host-key-unknown', offered, message: 'BLT4 is not known yet.' });
    const changed = handshakeFailure('BLT4', '10.1.1.4', 22, { kind: 'changed', pinned, offered, message: 'changed' }, undefined, 'password', false, false);
    expect(changed).toMatchObject({ code: 'host-key-changed', offered, pinned: { fingerprint: pinned.fingerprint } });
  });

  it('names refused credentials without naming them', () => {
    const error = fail(Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' }));
    expect(error.code).toBe('auth-failed');
    expect(error.message).toBe('BLT4 refused the password for this user (password authentication)');
  });

  it('tells unreachable from timed out', () => {
    expect(fail(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', level: 'client-socket' }), { handshaken: false })).toMatchObject({
      code: 'unreachable',
      message: 'BLT4 (10.1.1.4:22) cannot be reached: ECONNREFUSED',
    });
    expect(fail(Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' })).code).toBe('timeout');
  });

  it('suggests legacy algorithms when nothing is shared, unless they are already allowed', () => {
    const none = fail(Object.assign(new Error('Handshake failed: no matching key exchange algorithm'), { level: 'handshake' }), { handshaken: false });
    expect(none.code).toBe('no-common-algorithm');
    expect(none.message).toBe(
      'BLT4 and the console share no SSH algorithm (no matching key exchange algorithm); if this is an old OpenVMS SSH server, set legacyAlgorithms: true for BLT4 in the site profile',
    );
    expect(fail(new Error('Handshake failed: no matching host key format'), { legacy: true }).message).not.toMatch(/allow legacy/);
    const reset = fail(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), { handshaken: false });
    expect(reset.code).toBe('link-dropped');
    expect(reset.message).toMatch(/ended before the SSH key exchange completed: read ECONNRESET; .*set legacyAlgorithms: true for BLT4/);
    expect(fail(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).message).toBe(
      'the connection to BLT4 (10.1.1.4:22) ended during login: read ECONNRESET',
    );
  });
});
