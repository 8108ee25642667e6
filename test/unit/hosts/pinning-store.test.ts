import { describe, expect, it } from 'vitest';
import { isStoreError } from '../../../src-main/store/store-error';
import { openStore } from '../../../src-main/store/open-store';
import { steppingClock, useTempDir } from '../store/temp-dir';

const tmp = useTempDir();
const KEY = { host: 'BLT4', address: '10.1.1.4', port: 22, algorithm: 'ssh-rsa', fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' };
const NEW_FINGERPRINT = 'SHA256:JsuSuvS78cpfGpjcnyN8joCiPUdu3RvfMTrMzcc1TcI';

function store() {
  return tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T13:00:00Z') }));
}

describe('pinned host keys in the store', () => {
  it('keeps the approved key with who approved it and when, and audits host.key-approved', () => {
    const s = store();
    const pinned = s.hostKeys.approve(KEY, 'JS');
    expect(s.hostKeys.get('BLT4')).toEqual(pinned);
    expect(pinned).toMatchObject({ ...KEY, approvedBy: 'JS' });
    expect(s.audit.list({ action: 'host.key-approved' })[0]).toMatchObject({
      who: 'JS',
      subject: 'BLT4',
      at: pinned.approvedAt,
      details: { address: '10.1.1.4', port: 22, algorithm: 'ssh-rsa', fingerprint: KEY.fingerprint, replaced: null },
    });
  });

  it('replaces a pin, keeping the replaced key in the audit log', () => {
    const s = store();
    const first = s.hostKeys.approve(KEY, 'JS');
    s.hostKeys.approve({ ...KEY, fingerprint: NEW_FINGERPRINT }, 'MKL');
    expect(s.hostKeys.list()).toMatchObject([{ fingerprint: NEW_FINGERPRINT, approvedBy: 'MKL' }]);
    expect(s.audit.list({ action: 'host.key-approved' })[0]?.details).toMatchObject({
      fingerprint: NEW_FINGERPRINT,
      replaced: { algorithm: 'ssh-rsa', fingerprint: KEY.fingerprint, approvedBy: 'JS', approvedAt: first.approvedAt },
    });
  });

  it('is approved by an operator only, and only with a real fingerprint', () => {
    const s = store();
    const failure = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(
      isStoreError(
        failure(() => s.hostKeys.approve(KEY, 'system')),
        'invalid-who',
      ),
    ).toBe(true);
    expect((failure(() => s.hostKeys.approve({ ...KEY, fingerprint: 'ab:cd' }, 'JS')) as Error).message).toBe(
      'the host key of BLT4 needs a SHA256 fingerprint as OpenSSH prints it',
    );
    expect(s.hostKeys.list()).toEqual([]);
    expect(s.audit.count()).toBe(0);
  });

  it('forgets a pin on request, and audits it', () => {
    const s = store();
    s.hostKeys.approve(KEY, 'JS');
    expect(s.hostKeys.forget('BLT4', 'JS')).toBe(true);
    expect(s.hostKeys.forget('BLT4', 'JS')).toBe(false);
    expect(s.hostKeys.get('BLT4')).toBeUndefined();
    expect(s.audit.list({ action: 'host.key-forgotten' }).length).toBe(1);
  });
});

describe('sealed host credentials in the store', () => {
  it('keeps the sealed form and audits the change without the value', () => {
    const s = store();
    s.hostCredentials.setSealed('BLT4', 'c2VhbGVk', 'JS');
    s.hostCredentials.setSealed('BLT4', 'c2VhbGVkMg==', 'JS');
    expect(s.hostCredentials.getSealed('BLT4')).toBe('c2VhbGVkMg==');
    expect(s.hostCredentials.hosts()).toEqual(['BLT4']);
    const records = s.audit.list({ action: 'host.credential-set' });
    expect(records.map((r) => r.details)).toEqual([{ replaced: true }, { replaced: false }]);
    expect(JSON.stringify(s.audit.list())).not.toContain('c2VhbGVk');
    expect(s.hostCredentials.delete('BLT4', 'JS')).toBe(true);
    expect(s.hostCredentials.getSealed('BLT4')).toBeUndefined();
    expect(s.audit.list({ action: 'host.credential-deleted' }).length).toBe(1);
  });

  it('refuses anything that is not base64, without repeating it', () => {
    const s = store();
    expect(() => s.hostCredentials.setSealed('BLT4', 'hunter2!', 'JS')).toThrow('the sealed credential for BLT4 is not base64');
  });
});
