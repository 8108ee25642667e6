/** Reads the DCL output fixtures in test/fixtures/vms/<kind>/<name>.txt. */
import { readdirSync, readFileSync } from 'node:fs';

const ROOT = new URL('../../../fixtures/vms/', import.meta.url);

export function fixture(kind: string, name: string): string {
  return readFileSync(new URL(`${kind}/${name}`, ROOT), 'utf8');
}

export function fixtureNames(kind: string): string[] {
  return readdirSync(new URL(`${kind}/`, ROOT))
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

export function allFixtures(): { kind: string; name: string; text: string }[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => fixtureNames(entry.name).map((name) => ({ kind: entry.name, name, text: fixture(entry.name, name) })));
}
