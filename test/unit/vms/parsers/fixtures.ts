/**
 * Reads the DCL output fixtures in test/fixtures/vms/<kind>/<name>.txt.
 *
 * A fixture may open with header lines starting `#! ` that name the manual or capture its layout
 * follows; they are not host output, so they are cut off here (`fixtureSource` returns them).
 */
import { readdirSync, readFileSync } from 'node:fs';

const ROOT = new URL('../../../fixtures/vms/', import.meta.url);
const HEADER = /^#! ?(.*)$/;

function split(raw: string): { source: string[]; text: string } {
  const lines = raw.split('\n');
  let count = 0;
  while (count < lines.length && HEADER.test(lines[count] ?? '')) count += 1;
  return {
    source: lines.slice(0, count).map((line) => HEADER.exec(line)?.[1] ?? ''),
    text: lines.slice(count).join('\n'),
  };
}

export function fixture(kind: string, name: string): string {
  return split(readFileSync(new URL(`${kind}/${name}`, ROOT), 'utf8')).text;
}

/** The header lines of a fixture: where its layout comes from. */
export function fixtureSource(kind: string, name: string): string[] {
  return split(readFileSync(new URL(`${kind}/${name}`, ROOT), 'utf8')).source;
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
