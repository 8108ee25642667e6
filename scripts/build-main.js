// Bundles the Electron main process and preload (CommonJS: a sandboxed preload cannot be an ES module).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/main/electron-main.cjs',
  external: ['electron', 'better-sqlite3', 'ws', 'ssh2', 'bufferutil', 'utf-8-validate', 'pdfkit', '@resvg/resvg-js'],
  // paths.ts finds the project from import.meta.url; in the bundle that is the bundle's own file
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', 'x', 'y')).href;" },
});
await build({ ...common, entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/main/preload.cjs', external: ['electron'] });
console.log('built dist/main/electron-main.cjs and dist/main/preload.cjs');
