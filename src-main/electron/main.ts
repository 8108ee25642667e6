import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { startConsole } from '../app/start-console';
import { clockForNow, nowArgument, siteArgument } from '../app/arguments';
import { defaultSiteFileIn } from '../app/paths';
import { electronCredentialStore } from '../hosts/electron-credentials';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { electronLabelPrinter } from './label-printing';
import { chooseProfilePath } from './profile-dialog';
import { applySessionPolicy, createConsoleWindow } from './window';

// The Electron shell: window, preload and IPC only; the services are the same as the browser shell's.
registerAppScheme();

app
  .whenReady()
  .then(async () => {
    const root = app.getAppPath();
    const dataDir = process.env.TAPEOPS_DATA_DIR ?? app.getPath('userData');
    const now = clockForNow(nowArgument(process.argv));
    if ('problem' in now) throw new Error(now.problem);
    const siteFile = siteArgument(process.argv);
    const services = await startConsole({
      shell: 'electron',
      version: app.getVersion(),
      dataDir,
      ...(siteFile === undefined ? {} : { siteFile }),
      defaultSiteFile: defaultSiteFileIn(root),
      hosts: process.argv.includes('--live') ? 'live' : 'simulated',
      credentials: (store) => electronCredentialStore(store.hostCredentials),
      printer: electronLabelPrinter(),
      chooseSavePath: async (suggestedName) => {
        const chosen = await dialog.showSaveDialog({ defaultPath: join(app.getPath('downloads'), suggestedName) });
        return chosen.canceled || chosen.filePath === undefined ? null : chosen.filePath;
      },
      chooseProfilePath: () => chooseProfilePath(dataDir),
      clock: now.clock,
    });
    applySessionPolicy();
    serveRenderer(join(root, 'dist', 'renderer'));
    registerIpc(services, () => BrowserWindow.getAllWindows());
    createConsoleWindow(join(__dirname, 'preload.cjs'));
    app.on('window-all-closed', () => {
      void services.close().finally(() => app.quit());
    });
  })
  .catch((error: unknown) => {
    console.error(`TapeOps Console could not start: ${(error as Error).message}`);
    app.exit(1);
  });
