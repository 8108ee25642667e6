import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, treeViolations, violationsIn } from '../../support/layering';

const root = join(import.meta.dirname, '..', '..', '..');

describe('layers of the design', () => {
  it('finds no forbidden import in shared/ or src-renderer/', () => {
    expect(treeViolations(root)).toEqual([]);
  });

  it('catches the renderer importing main-process code', () => {
    const file = join(root, 'src-renderer', 'screens', 'X.tsx');
    expect(violationsIn(root, file, "import { openStore } from '../../src-main/store';")).toEqual([
      { file: 'src-renderer/screens/X.tsx', specifier: '../../src-main/store', reason: 'the renderer imports main-process code' },
    ]);
  });

  it('catches shared code importing main, the renderer, Node or Electron', () => {
    const file = join(root, 'shared', 'calendar', 'x.ts');
    const source = [
      "import { a } from '../../src-main/app/services';",
      "export { b } from '../../src-renderer/App';",
      "import { readFileSync } from 'node:fs';",
      "const p = require('path');",
      "const e = await import('electron');",
    ].join('\n');
    expect(violationsIn(root, file, source).map((v) => v.specifier)).toEqual([
      '../../src-main/app/services',
      '../../src-renderer/App',
      'node:fs',
      'path',
      'electron',
    ]);
  });

  it('reads every form of import', () => {
    expect(importsOf("import a from 'x';\nimport type { B } from \"y\";\nexport * from './z';\nimport './side-effect';")).toEqual(['x', 'y', './z', './side-effect']);
  });

  it('shared/ type-checks with neither Node nor DOM types, so it uses neither API', () => {
    // tsc exits non-zero and lists each use of process, Buffer, window, document, fetch ...
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.shared.json')], { cwd: root, stdio: 'pipe' });
  });
});
