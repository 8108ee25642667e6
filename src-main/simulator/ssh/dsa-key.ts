/**
 * A DSA host key in the form ssh2 reads ("DSA PRIVATE KEY", OpenSSL's traditional layout: the
 * integers 0, p, q, g, y, x). Node makes DSA keys but exports them only as PKCS #8, which ssh2
 * cannot read, so the integers are taken out of the PKCS #8 structure and laid out again.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { Integer, Sequence, fromBER, OctetString } from 'asn1js';

const generate = promisify(generateKeyPair);

function integers(sequence: Sequence): bigint[] {
  return sequence.valueBlock.value.map((item) => {
    if (!(item instanceof Integer)) throw new Error('a DSA parameter is not an INTEGER');
    return item.toBigInt();
  });
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function toPem(der: ArrayBuffer): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN DSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END DSA PRIVATE KEY-----\n`;
}

/** Rewrites a PKCS #8 DER DSA private key as a traditional DSA PEM. */
export function pkcs8DsaToTraditional(pkcs8: Buffer): string {
  const parsed = fromBER(new Uint8Array(pkcs8));
  if (parsed.offset === -1 || !(parsed.result instanceof Sequence)) throw new Error('not a PKCS #8 key');
  const [, algorithm, wrapped] = parsed.result.valueBlock.value;
  if (!(algorithm instanceof Sequence) || !(wrapped instanceof OctetString)) throw new Error('not a PKCS #8 DSA key');
  const params = algorithm.valueBlock.value[1];
  if (!(params instanceof Sequence)) throw new Error('the PKCS #8 key has no DSA parameters');
  const [p, q, g] = integers(params);
  const inner = fromBER(wrapped.valueBlock.valueHexView);
  if (p === undefined || q === undefined || g === undefined || !(inner.result instanceof Integer)) throw new Error('the DSA key is incomplete');
  const x = inner.result.toBigInt();
  const y = modPow(g, x, p);
  const traditional = new Sequence({ value: [0n, p, q, g, y, x].map((n) => Integer.fromBigInt(n)) });
  return toPem(traditional.toBER());
}

/** A new 1024-bit DSA key (the size FIPS 186-2 and SSH's ssh-dss allow), as ssh2 reads it. */
export async function createDsaHostKey(): Promise<string> {
  const { privateKey } = await generate('dsa', {
    modulusLength: 1024,
    divisorLength: 160,
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    publicKeyEncoding: { type: 'spki', format: 'der' },
  });
  return pkcs8DsaToTraditional(privateKey);
}
