import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'tapeops-eneg-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}

/** Electronegativity exits 0 whatever it finds, so its CSV report is what is judged. */
function scan(): Finding[] {
  const report = join(out, 'electronegativity.csv');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', join(root, 'src-main'), '-o', report, '-r', '-e', '42.0.0'],
    { cwd: root, stdio: 'pipe', timeout: 120_000 },
  );
  return readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [check, severity, , file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
      return { check: check ?? '', severity: severity ?? '', file: file ?? '', location: location ?? '' };
    });
}

describe('Electron security review (electronegativity, offline)', () => {
  const findings = scan();

  it('scanned the Electron shell (its window and preload are in the report)', () => {
    expect(findings.some((f) => f.file.endsWith('electron/window.ts'))).toBe(true);
  });

  it('has no HIGH finding', () => {
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
  });
});
