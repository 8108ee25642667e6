import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The simulated host's SSH key, made once and kept in `dir`: a key made anew at every start would
 * be refused by the console's pinning as a changed key.
 */
export function loadOrCreateHostKey(dir: string, host: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${host.toLowerCase()}_rsa.pem`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  writeFileSync(file, privateKey, { mode: 0o600 });
  return privateKey;
}
