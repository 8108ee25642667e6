import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createServicesWithLinks } from '../app/services-with-links';
import { nowArgument, siteArgument } from '../app/arguments';
import { clockStartingAt, parseNow } from '../../shared/clock';
import { defaultSiteFileIn } from '../app/paths';
import { electronCredentialStore } from '../hosts/electron-credentials';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { electronLabelPrinter } from './label-printing';
import { applySessionPolicy, createConsoleWindow } from './window';

// The Electron shell: window, preload and IPC only; the services are the same as the browser shell's.
registerAppScheme();

app.whenReady().then(async () => {
  const root = app.getAppPath();
  const dataDir = process.env.TAPEOPS_DATA_DIR ?? app.getPath('userData');
  const now = nowArgument(process.argv);
  const startAt = now === undefined ? null : parseNow(now);
  if (now !== undefined && startAt === null) throw new Error(`--now is a local date and time such as 2026-12-03T09:00, not ${JSON.stringify(now)}`);
  const services = await createServicesWithLinks(
    {
      shell: 'electron',
      version: app.getVersion(),
      storeFile: join(dataDir, 'tapeops.db'),
      siteFile: siteArgument(process.argv),
      defaultSiteFile: defaultSiteFileIn(root),
      printer: electronLabelPrinter(),
      ...(startAt === null ? {} : { clock: clockStartingAt(startAt) }),
    },
    { dataDir, live: process.argv.includes('--live'), credentials: (store) => electronCredentialStore(store.hostCredentials) },
  );
  applySessionPolicy();
  serveRenderer(join(root, 'dist', 'renderer'));
  registerIpc(services, () => BrowserWindow.getAllWindows());
  createConsoleWindow(join(__dirname, 'preload.cjs'));
  app.on('window-all-closed', () => {
    services.close();
    app.quit();
  });
}).catch((error: unknown) => {
  console.error(`TapeOps Console could not start: ${(error as Error).message}`);
  app.exit(1);
});
