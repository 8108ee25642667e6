import { generateKeyPair } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDsaHostKey } from './dsa-key';

const generate = promisify(generateKeyPair);

async function createRsaHostKey(): Promise<string> {
  const { privateKey } = await generate('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return privateKey;
}

async function loadOrCreate(file: string, create: () => Promise<string>): Promise<string> {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const key = await create();
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * The simulated host's SSH keys, made once and kept in `dir`: a key made anew at every start would
 * be refused by the console's pinning as a changed key. An RSA key and, as the era's SSH Secure
 * Shell servers had by default, a DSA key. Made off the main thread, so that the six hosts of a
 * first start are keyed in parallel.
 */
export async function loadOrCreateHostKey(dir: string, host: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const name = host.toLowerCase();
  return Promise.all([loadOrCreate(join(dir, `${name}_rsa.pem`), createRsaHostKey), loadOrCreate(join(dir, `${name}_dsa.pem`), createDsaHostKey)]);
}

/** The keys of several hosts, made in parallel where missing. */
export async function loadOrCreateHostKeys(dir: string, hosts: readonly string[]): Promise<Record<string, string[]>> {
  const keys = await Promise.all(hosts.map((host) => loadOrCreateHostKey(dir, host)));
  return Object.fromEntries(hosts.map((host, i) => [host, keys[i] as string[]]));
}
