import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, rendererDir } from '../app/paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(rendererDir, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the renderer when it is missing or older than its sources, so `npm run console` works on a fresh checkout. */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  const sources = Math.max(newestMtime(join(projectRoot, 'src-renderer')), newestMtime(join(projectRoot, 'shared')));
  if (builtAt() >= sources) return;
  log('Building the console (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: join(projectRoot, 'vite.config.ts'), root: join(projectRoot, 'src-renderer'), logLevel: 'warn' });
}
