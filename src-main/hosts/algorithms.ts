import { getCiphers, getHashes } from 'node:crypto';
import type { Algorithms, CipherAlgorithm, KexAlgorithm, MacAlgorithm, ServerHostKeyAlgorithm } from 'ssh2';

/**
 * The algorithms that OpenVMS TCP/IP Services' SSH server (descended from SSH 3.2.0) may be
 * limited to, and that ssh2 no longer offers by default. They are offered to a host only when its
 * profile entry allows legacy algorithms, and the Hosts screen shows that as a warning.
 */
export const LEGACY_KEX: readonly KexAlgorithm[] = ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'];
export const LEGACY_SERVER_HOST_KEY: readonly ServerHostKeyAlgorithm[] = ['ssh-dss'];
/** With the OpenSSL name each needs, since a cipher the runtime lacks makes ssh2 throw. */
const LEGACY_CIPHER_SSL: readonly (readonly [CipherAlgorithm, string])[] = [
  ['aes128-cbc', 'aes-128-cbc'],
  ['aes192-cbc', 'aes-192-cbc'],
  ['aes256-cbc', 'aes-256-cbc'],
  ['3des-cbc', 'des-ede3-cbc'],
];
const LEGACY_MAC_HASH: readonly (readonly [MacAlgorithm, string])[] = [
  ['hmac-sha1-96', 'sha1'],
  ['hmac-md5', 'md5'],
];

/** Why each legacy algorithm is a risk, in words for the Hosts screen. */
const LEGACY_RISK: Readonly<Record<string, string>> = {
  'diffie-hellman-group1-sha1': '1024-bit key exchange, within reach of a well-funded attacker',
  'diffie-hellman-group14-sha1': 'key exchange hashed with SHA-1',
  'diffie-hellman-group-exchange-sha1': 'key exchange hashed with SHA-1',
  'ssh-dss': 'DSA host keys of 1024 bits, signed with SHA-1',
  '3des-cbc': 'slow 64-bit block cipher in CBC mode',
  'aes128-cbc': 'CBC mode cipher',
  'aes192-cbc': 'CBC mode cipher',
  'aes256-cbc': 'CBC mode cipher',
  'hmac-md5': 'MD5 message authentication',
  'hmac-sha1-96': 'truncated SHA-1 message authentication',
};

/** Host key algorithms that sign with a key of the given type, strongest first. */
const SIGNATURES_BY_KEY_TYPE: Readonly<Record<string, readonly ServerHostKeyAlgorithm[]>> = {
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
  'ssh-dss': ['ssh-dss'],
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
};

export interface AlgorithmPolicy {
  /** The host's profile entry allows the legacy algorithms above. */
  legacyAlgorithms: boolean;
  /**
   * The type of the pinned key, if any: it is asked for first so that a host with several keys
   * keeps presenting the one the operator approved (as OpenSSH does with known_hosts).
   */
  pinnedKeyType?: string;
}

/**
 * ssh2's own defaults, changed only by the host's policy. Expressed as edits of the defaults
 * (ssh2's append/prepend/remove form) so that newer ssh2 defaults are kept.
 */
export function algorithmsFor(policy: AlgorithmPolicy): Algorithms {
  const ciphers = getCiphers();
  const hashes = getHashes();
  const preferred = policy.pinnedKeyType === undefined ? [] : (SIGNATURES_BY_KEY_TYPE[policy.pinnedKeyType] ?? []);
  const legacy = policy.legacyAlgorithms;
  // Object key order is the order ssh2 applies the edits: remove first, then prepend, then append.
  return {
    kex: edit<KexAlgorithm>([], legacy ? [...LEGACY_KEX] : []),
    serverHostKey: {
      remove: [...preferred],
      prepend: preferred.filter((name) => legacy || !LEGACY_SERVER_HOST_KEY.includes(name)),
      append: legacy ? [...LEGACY_SERVER_HOST_KEY] : [],
    },
    cipher: edit<CipherAlgorithm>([], legacy ? LEGACY_CIPHER_SSL.filter(([, ssl]) => ciphers.includes(ssl)).map(([name]) => name) : []),
    hmac: edit<MacAlgorithm>([], legacy ? LEGACY_MAC_HASH.filter(([, hash]) => hashes.includes(hash)).map(([name]) => name) : []),
  };
}

function edit<T>(prepend: T[], append: T[]): { remove: T[]; prepend: T[]; append: T[] } {
  return { remove: [], prepend, append };
}

/** The warnings the Hosts screen shows for a host whose profile allows legacy algorithms. */
export function legacyAlgorithmWarnings(host: string, policy: AlgorithmPolicy): string[] {
  if (!policy.legacyAlgorithms) return [];
  return [
    `${host} allows legacy SSH algorithms (${LEGACY_KEX.join(', ')}, ${LEGACY_SERVER_HOST_KEY.join(', ')}, CBC ciphers, ` +
      `${LEGACY_MAC_HASH.map(([name]) => name).join(', ')}): its SSH server is too old for current ones. ` +
      `Keep it on the computer-room network only.`,
  ];
}

/** The algorithms a connection actually agreed on that are legacy, with why each is a risk. */
export function legacyInUse(negotiated: { kex: string; serverHostKey: string; cipher: string; mac: string }): string[] {
  return [negotiated.kex, negotiated.serverHostKey, negotiated.cipher, negotiated.mac]
    .filter((name) => LEGACY_RISK[name] !== undefined)
    .map((name) => `${name}: ${LEGACY_RISK[name] as string}`);
}
