/**
 * The server side of diffie-hellman-group-exchange-sha1 (RFC 4419), which SSH Secure Shell 3.2
 * offers and ssh2's server does not ("Group exchange not implemented for server", ssh2 1.17
 * lib/protocol/kex.js). ssh2 does everything else of that exchange (the exchange hash with min,
 * n, max, p and g; the signed reply; the new keys): what it lacks is answering the client's
 * request with a group, and the reply's message number. This takes over those two steps on the
 * key exchange object of one connection, through ssh2's internals, which is why it checks the
 * version it was written against and does nothing on another (the algorithm is then not offered).
 *
 * The groups are the Oakley groups of RFC 3526 that Node knows, generator 2, as many servers of the
 * period answered from their moduli file: the smallest one at least as large as the client prefers
 * and within its bounds.
 */
import { getDiffieHellman } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Connection } from 'ssh2';

const KEXDH_INIT = 30;
const KEXDH_REPLY = 31;
const KEXDH_GEX_GROUP = 31;
const KEXDH_GEX_INIT = 32;
const KEXDH_GEX_REPLY = 33;
const KEXDH_GEX_REQUEST = 34;
const GROUPS = [
  { name: 'modp14', bits: 2048 },
  { name: 'modp15', bits: 3072 },
  { name: 'modp16', bits: 4096 },
  { name: 'modp17', bits: 6144 },
  { name: 'modp18', bits: 8192 },
] as const;
const WRITTEN_FOR = '1.17.0';

/** Whether this ssh2 is the one the takeover was written for; otherwise group exchange is not offered. */
export const GROUP_EXCHANGE_SERVED: boolean = (() => {
  try {
    const version = (createRequire(import.meta.url)('ssh2/package.json') as { version?: string }).version;
    return version === WRITTEN_FOR;
  } catch {
    return false;
  }
})();

interface PacketWriter {
  allocStartKEX: number;
  alloc(length: number, forKex: boolean): Buffer;
  finalize(packet: Buffer, forKex: boolean): Buffer;
}

interface KexInternals {
  type: string;
  _step: number;
  _minBits: number;
  _prefBits: number;
  _maxBits: number;
  _protocol: { _server: boolean; _packetRW: { write: PacketWriter }; _cipher: { encrypt(packet: Buffer): void } };
  parse(payload: Buffer): unknown;
  finish(): unknown;
  setDHParams(prime: Buffer, generator: Buffer): void;
  generateKeys(): void;
  getDHParams(): { prime: Buffer; generator: Buffer } | undefined;
}

function groupFor(min: number, preferred: number, max: number) {
  const within = GROUPS.filter((g) => g.bits >= min && g.bits <= max);
  return within.find((g) => g.bits >= preferred) ?? within.at(-1);
}

function sendGroup(kex: KexInternals, prime: Buffer, generator: Buffer): void {
  const writer = kex._protocol._packetRW.write;
  let at = writer.allocStartKEX;
  const packet = writer.alloc(1 + 4 + prime.length + 4 + generator.length, true);
  packet[at] = KEXDH_GEX_GROUP;
  packet.writeUInt32BE(prime.length, (at += 1));
  prime.copy(packet, (at += 4));
  packet.writeUInt32BE(generator.length, (at += prime.length));
  generator.copy(packet, at + 4);
  kex._protocol._cipher.encrypt(writer.finalize(packet, true));
}

function takeOver(kex: KexInternals): void {
  const ownParse = kex.parse.bind(kex);
  kex.parse = (payload: Buffer) => {
    if (kex._step === 1 && payload[0] === KEXDH_GEX_REQUEST && payload.length >= 13) {
      const [min, preferred, max] = [payload.readUInt32BE(1), payload.readUInt32BE(5), payload.readUInt32BE(9)];
      const group = groupFor(min, preferred, max);
      // no group fits: ssh2's own answer to the request (it ends the connection with a reason)
      if (group === undefined) return ownParse(payload);
      kex._minBits = min;
      kex._prefBits = preferred;
      kex._maxBits = max;
      const dh = getDiffieHellman(group.name);
      kex.setDHParams(dh.getPrime(), dh.getGenerator());
      kex.generateKeys();
      const params = kex.getDHParams();
      if (params === undefined) return ownParse(payload);
      sendGroup(kex, params.prime, params.generator);
      kex._step = 2;
      return undefined;
    }
    if (kex._step === 2 && payload[0] === KEXDH_GEX_INIT) {
      // from here it is ssh2's DH exchange: the init as KEXDH_INIT, the reply sent as GEX_REPLY
      const base = Object.getPrototypeOf(Object.getPrototypeOf(kex)) as KexInternals;
      const writer = kex._protocol._packetRW.write;
      const finalize = writer.finalize;
      writer.finalize = (packet, forKex) => {
        if (packet[writer.allocStartKEX] === KEXDH_REPLY) packet[writer.allocStartKEX] = KEXDH_GEX_REPLY;
        return finalize.call(writer, packet, forKex);
      };
      kex._step = 1;
      kex.parse = base.parse.bind(kex);
      try {
        payload[0] = KEXDH_INIT;
        return kex.parse(payload);
      } finally {
        writer.finalize = finalize;
      }
    }
    return ownParse(payload);
  };
}

/** Serves group exchange on one incoming connection (call it as the connection arrives). */
export function serveGroupExchange(connection: Connection): void {
  if (!GROUP_EXCHANGE_SERVED) return;
  const protocol = (connection as unknown as { _protocol?: Record<string, unknown> & { _server?: boolean } })._protocol;
  if (protocol === undefined || protocol._server !== true) return;
  let current: unknown = protocol['_kex'];
  Object.defineProperty(protocol, '_kex', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: unknown) => {
      current = value;
      if (typeof value === 'object' && value !== null && (value as KexInternals).type === 'groupex') takeOver(value as KexInternals);
    },
  });
}
