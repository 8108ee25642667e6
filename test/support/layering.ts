import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/** One import that crosses a layer the design forbids (DESIGN rule 1). */
export interface LayerViolation {
  file: string;
  specifier: string;
  reason: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) found.push((match[1] ?? match[2] ?? match[3]) as string);
  return found;
}

function layerOf(root: string, absolute: string): string {
  return relative(root, absolute).split(/[\\/]/)[0] ?? '';
}

/** Checks one file's imports against the layers: renderer ↛ main, shared ↛ either, shared ↛ Node. */
export function violationsIn(root: string, file: string, source: string): LayerViolation[] {
  const from = layerOf(root, file);
  const violations: LayerViolation[] = [];
  for (const specifier of importsOf(source)) {
    const target = specifier.startsWith('.') ? layerOf(root, resolve(dirname(file), specifier)) : null;
    const rel = relative(root, file);
    if (from === 'src-renderer' && target === 'src-main') violations.push({ file: rel, specifier, reason: 'the renderer imports main-process code' });
    if (from === 'shared' && (target === 'src-main' || target === 'src-renderer')) violations.push({ file: rel, specifier, reason: `shared code imports ${target}` });
    if (from === 'shared' && nodeBuiltins.has(specifier)) violations.push({ file: rel, specifier, reason: 'shared code imports a Node module' });
    if (from === 'shared' && ['electron', 'better-sqlite3', 'ws', 'react', 'react-dom'].includes(specifier)) violations.push({ file: rel, specifier, reason: 'shared code imports a process-specific library' });
  }
  return violations;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

export function treeViolations(root: string): LayerViolation[] {
  return ['shared', 'src-renderer'].flatMap((layer) =>
    sourceFiles(join(root, layer)).flatMap((file) => violationsIn(root, file, readFileSync(file, 'utf8'))),
  );
}
