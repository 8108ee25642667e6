// `npm start`: the Electron window. Where Electron's binary cannot be had, say so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (relative && existsSync(join(electronDir, 'dist', relative))) return join(electronDir, 'dist', relative);
  // Electron fetches its binary on first use; quietly, so a machine without internet gets one clear line.
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  const after = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (fetched.status === 0 && after && existsSync(join(electronDir, 'dist', after))) return join(electronDir, 'dist', after);
  return null;
}

const binary = electronBinary();
if (!binary) {
  console.error('Electron could not be downloaded on this machine, so no window can open: run `npm run console` to open the same console in your browser.');
  process.exit(1);
}
const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
