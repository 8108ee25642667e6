import { dialog } from 'electron';

/**
 * Electron's open dialog for a site profile (YAML), starting in the data folder where a site's own
 * profile is kept: the path the operator chose, or null when they cancelled. Main loads it and
 * answers the renderer through `site.chooseFile`, so the page never names a path itself.
 */
export async function chooseProfilePath(dataDir: string): Promise<string | null> {
  const chosen = await dialog.showOpenDialog({
    title: 'Load a site profile',
    defaultPath: dataDir,
    properties: ['openFile'],
    filters: [{ name: 'Site profile (YAML)', extensions: ['yaml', 'yml'] }],
  });
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}
