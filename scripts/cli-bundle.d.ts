// Types of ./cli-bundle.js for the TypeScript that imports it (the benchmarks).
import type { Plugin } from 'esbuild';

export const projectRoot: string;
export const cliBundleDir: string;
export const EXTERNAL_PACKAGES: string[];
export function newestSourceMtime(root?: string): number;
export function freshCliBundle(): string | undefined;
export function sourceUrlPlugin(outdir: string, format: 'esm' | 'cjs'): Plugin;
export function buildCliBundle(options?: { logLevel?: 'silent' | 'error' | 'warning' | 'info' }): Promise<string>;
export function currentCliBuild(): { build: string; sourcesMtime: number } | undefined;
export function freshOrBuiltCliBundle(): Promise<string | undefined>;
