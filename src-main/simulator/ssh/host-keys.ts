import { generateKeyPair } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

/**
 * The simulated host's SSH key, made once and kept in `dir`: a key made anew at every start would
 * be refused by the console's pinning as a changed key. Made off the main thread, so that the six
 * hosts of a first start are keyed in parallel.
 */
export async function loadOrCreateHostKey(dir: string, host: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${host.toLowerCase()}_rsa.pem`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = await generate('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  writeFileSync(file, privateKey, { mode: 0o600 });
  return privateKey;
}

/** The keys of several hosts, made in parallel where missing. */
export async function loadOrCreateHostKeys(dir: string, hosts: readonly string[]): Promise<Record<string, string>> {
  const keys = await Promise.all(hosts.map((host) => loadOrCreateHostKey(dir, host)));
  return Object.fromEntries(hosts.map((host, i) => [host, keys[i] as string]));
}
