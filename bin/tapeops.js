#!/usr/bin/env node
// The CLI runs its esbuild bundle (dist/cli/, see scripts/cli-bundle.js): JavaScript compiled once,
// one module per command. When the bundle is missing or older than any file under src-main/ or
// shared/ or package.json (a fresh checkout, an edit), it is built first, which takes well under
// two seconds; so a fresh checkout needs no build step. Where esbuild is not installed (a
// production install leaves out devDependencies) or the build fails, the CLI runs the TypeScript
// sources through tsx as before. TAPEOPS_CLI=tsx asks for tsx (the benchmarks' "before").
import { pathToFileURL } from 'node:url';
import { freshOrBuiltCliBundle } from '../scripts/cli-bundle.js';

async function bundledEntry() {
  if (process.env.TAPEOPS_CLI === 'tsx') return undefined;
  try {
    return await freshOrBuiltCliBundle();
  } catch {
    // dist/ cannot be written, say: the sources run as they are
    return undefined;
  }
}

const entry = await bundledEntry();
let main;
if (entry) {
  ({ main } = await import(pathToFileURL(entry).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
