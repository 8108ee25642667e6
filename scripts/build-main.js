// Bundles the Electron main process and preload (CommonJS: a sandboxed preload cannot be an ES
// module), and the CLI with the console server it starts (ES modules, one per command: see
// scripts/cli-bundle.js; bin/tapeops.js also builds it on demand when it is missing or stale).
import { build } from 'esbuild';
import { join } from 'node:path';
import { buildCliBundle, EXTERNAL_PACKAGES, projectRoot, sourceUrlPlugin } from './cli-bundle.js';

const common = { absWorkingDir: projectRoot, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/main/electron-main.cjs',
  external: [...EXTERNAL_PACKAGES, 'ws'],
  // paths.ts finds the project from import.meta.url: in the bundle, each source gets its own file's URL
  plugins: [sourceUrlPlugin(join(projectRoot, 'dist', 'main'), 'cjs')],
});
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'] });
const cli = await buildCliBundle();
console.log(`built dist/main/electron-main.cjs, dist/main/preload.cjs and ${cli.slice(projectRoot.length + 1)}`);
