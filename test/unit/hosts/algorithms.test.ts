import { PassThrough } from 'node:stream';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { algorithmsFor, LEGACY_KEX, legacyAlgorithmWarnings, legacyInUse } from '../../../src-main/hosts/algorithms';

const { Client } = ssh2;

/** What ssh2 would offer for these algorithms: it checks them when the connection starts. */
function offeredBy(policy: Parameters<typeof algorithmsFor>[0]): { kex: string[]; serverHostKey: string[]; cipher: string[]; hmac: string[] } {
  const client = new Client();
  client.on('error', () => undefined);
  client.connect({ sock: new PassThrough(), username: 'SYSTEM', algorithms: algorithmsFor(policy) });
  const offer = (client as unknown as { _protocol: { _offer: { lists: Record<string, { array?: string[] } & Record<string, unknown>> } } })._protocol._offer.lists;
  client.end();
  const list = (key: string): string[] => (offer[key] as { array: string[] } | undefined)?.array ?? [];
  const cs = offer.cs as unknown as { cipher: { array: string[] }; mac: { array: string[] } };
  // ssh2 adds its extension markers to the key exchange list
  const kex = list('kex').filter((name) => !name.startsWith('ext-info-') && !name.startsWith('kex-strict-'));
  return { kex, serverHostKey: list('serverHostKey'), cipher: cs.cipher.array, hmac: cs.mac.array };
}

describe('the SSH algorithms offered to a host', () => {
  it("are ssh2's defaults when the profile allows nothing old", () => {
    const offer = offeredBy({ legacyAlgorithms: false });
    for (const old of [...LEGACY_KEX, 'ssh-dss', '3des-cbc', 'aes128-cbc', 'hmac-md5']) {
      expect([...offer.kex, ...offer.serverHostKey, ...offer.cipher, ...offer.hmac]).not.toContain(old);
    }
    expect(offer.kex).toContain('curve25519-sha256');
  });

  it('add the algorithms of an old OpenVMS SSH server, after the modern ones, when the profile allows them', () => {
    const offer = offeredBy({ legacyAlgorithms: true });
    expect(offer.kex.slice(-3)).toEqual(['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1']);
    expect(offer.kex[0]).not.toMatch(/sha1$/);
    expect(offer.serverHostKey.at(-1)).toBe('ssh-dss');
    expect(offer.serverHostKey).toContain('ssh-rsa');
    expect(offer.cipher).toEqual(expect.arrayContaining(['aes128-cbc', '3des-cbc']));
    expect(offer.hmac).toEqual(expect.arrayContaining(['hmac-sha1', 'hmac-md5']));
  });

  it('ask first for the kind of key that was pinned', () => {
    expect(offeredBy({ legacyAlgorithms: false, pinnedKeyType: 'ssh-rsa' }).serverHostKey.slice(0, 3)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(offeredBy({ legacyAlgorithms: true, pinnedKeyType: 'ssh-dss' }).serverHostKey[0]).toBe('ssh-dss');
    // a pinned DSA key is still not offered when the profile no longer allows legacy algorithms
    expect(offeredBy({ legacyAlgorithms: false, pinnedKeyType: 'ssh-dss' }).serverHostKey).not.toContain('ssh-dss');
  });

  it('are shown as a warning on the Hosts screen', () => {
    expect(legacyAlgorithmWarnings('BLT4', { legacyAlgorithms: false })).toEqual([]);
    expect(legacyAlgorithmWarnings('BLT4', { legacyAlgorithms: true })[0]).toMatch(/^BLT4 allows legacy SSH algorithms \(diffie-hellman-group14-sha1/);
    expect(legacyInUse({ kex: 'diffie-hellman-group1-sha1', serverHostKey: 'ssh-rsa', cipher: 'aes128-ctr', mac: 'hmac-sha1' })).toEqual([
      'diffie-hellman-group1-sha1: 1024-bit key exchange, within reach of a well-funded attacker',
    ]);
  });
});
