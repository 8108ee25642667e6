import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/**
 * Packages that declare a newer Node than the project runs on, and why that is harmless (the
 * README's "What it needs" says the same): Electron and its download and packaging tools, which
 * run only to fetch the Electron binary or to package the app.
 */
const NEWER_NODE_ACCEPTED = ['electron', '@electron/get', '@electron/rebuild', '@electron-internal/extract-zip', 'node-abi'];

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dev?: boolean;
}

describe('npm install', () => {
  it("runs on the Node the project's engines name, and only the Electron tools ask for a newer one", () => {
    const manifest = readJson('package.json') as { engines: { node: string } };
    expect(semver.satisfies(process.version, manifest.engines.node), `Node ${process.version} against engines ${manifest.engines.node}`).toBe(true);
    const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
    const unsupported = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !semver.satisfies(process.version, (entry.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(unsupported.filter((name) => !NEWER_NODE_ACCEPTED.includes(name))).toEqual([]);
  });

  it('leaves no install script unreviewed in allowScripts', () => {
    const listed = JSON.parse(execFileSync('npm', ['install-scripts', 'ls', '--json'], { cwd: root, encoding: 'utf8' })) as { allowScripts: unknown[] };
    expect(listed.allowScripts).toEqual([]);
  });
});
