import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
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

export const rendererDir = join(projectRoot, 'dist', 'renderer');
export const defaultSiteFile = join(projectRoot, 'assets', 'sites', 'microfinancial.yaml');
