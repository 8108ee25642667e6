import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'TapeOps Console';

/** The folder of the project (or of the unpacked app), two levels above this file. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The same user data folder Electron's app.getPath('userData') gives, so both shells share one store. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TAPEOPS_DATA_DIR) return env.TAPEOPS_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The built renderer; TAPEOPS_RENDERER_DIR names another build (several people testing their own builds on one checkout). */
export const rendererDir = process.env.TAPEOPS_RENDERER_DIR ?? join(projectRoot, 'dist', 'renderer');
/** The site profile shipped with the console, named in package.json (`tapeops.defaultSite`) so no site is named in code. */
export function defaultSiteFileIn(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { tapeops?: { defaultSite?: string } };
  const relative = manifest.tapeops?.defaultSite;
  if (!relative) throw new Error(`package.json in ${root} names no default site profile (tapeops.defaultSite)`);
  return resolve(root, relative);
}

export const defaultSiteFile = defaultSiteFileIn(projectRoot);
