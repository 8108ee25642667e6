import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe('npm run lint', () => {
  it('fails on an import across a forbidden layer, and on a promise nobody awaits', () => {
    // The real command with the real config and types, on an existing host module whose text is
    // given on stdin, so nothing is written into the tree. Outside `--fix`, typescript-eslint
    // would read the file from disk instead of stdin ("single run"): that guess is turned off.
    const hostModule = readdirSync(join(root, 'src-main', 'hosts')).find((name) => name.endsWith('.ts'));
    expect(hostModule).toBeDefined();
    const file = `src-main/hosts/${hostModule}`;
    const source = ["import { dispatch } from '../app/dispatch';", 'async function later(): Promise<void> {}', 'later();', 'export { dispatch };', ''].join('\n');
    const run = spawnSync('npm', ['run', 'lint', '--', '--stdin', '--stdin-filename', file], {
      cwd: root,
      input: source,
      encoding: 'utf8',
      env: { ...process.env, TSESTREE_SINGLE_RUN: 'false' },
    });
    expect(run.stderr).not.toMatch(/Oops|Parsing error/);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('hosts may not import app ("../app/dispatch")');
    expect(run.stdout).toContain('tapeops/layering');
    expect(run.stdout).toMatch(/3:1 +error +Promises must be awaited.*@typescript-eslint\/no-floating-promises/);
  }, 120_000);

  it('applies the type-aware rules and the layering to every part of the tree', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const file of ['src-main/hosts/x.ts', 'shared/x.ts', 'src-renderer/screens/X.tsx', 'test/e2e/x.spec.ts', 'test/integration/x.test.ts']) {
      const { rules } = (await eslint.calculateConfigForFile(join(root, file))) as { rules: Record<string, [number, ...unknown[]]> };
      expect([
        file,
        rules['@typescript-eslint/no-floating-promises']?.[0],
        rules['@typescript-eslint/consistent-type-imports']?.[0],
        rules['tapeops/layering']?.[0],
      ]).toEqual([file, 2, 2, 2]);
    }
  });
});
