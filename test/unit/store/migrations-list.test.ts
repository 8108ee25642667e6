import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src-main/store/migrations';

const folder = fileURLToPath(new URL('../../../src-main/store/migrations/', import.meta.url));

describe('the migration list', () => {
  it('holds versions 1..N in order, without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: migrations.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('has one file per version, named for it, and lists every such file', async () => {
    const files = readdirSync(folder)
      .filter((name) => /^\d{3}-.+\.ts$/.test(name))
      .sort();
    expect(files.map((name) => Number(name.slice(0, 3)))).toEqual(migrations.map((m) => m.version));
    for (const [index, name] of files.entries()) {
      const module = (await import(pathToFileURL(join(folder, name)).href)) as { migration: unknown };
      expect(module.migration).toBe(migrations[index]);
    }
  });

  it('describes every migration', () => {
    for (const m of migrations) expect(m.description.trim()).not.toBe('');
  });
});
