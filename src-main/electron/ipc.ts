import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_PREFIX, IPC_REQUEST_PREFIX, requestNames } from '../../shared/api';
import type { RequestContext } from '../app/dispatch';
import type { ConsoleMain } from '../app/start-console';
import { APP_ORIGIN } from './app-protocol';

/** Only the console's own top frame may call main; anything else is answered with an error. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(services: ConsoleMain, windows: () => BrowserWindow[]): void {
  const contexts = new WeakMap<object, RequestContext>();
  for (const name of requestNames) {
    ipcMain.handle(`${IPC_REQUEST_PREFIX}${name}`, async (event, input: unknown) => {
      if (!trustedSender(event)) {
        return { error: { code: 'untrusted-sender', message: 'this request did not come from the console window' } };
      }
      let ctx = contexts.get(event.sender);
      if (!ctx) {
        ctx = { operator: null };
        contexts.set(event.sender, ctx);
      }
      return services.request(name, input, ctx);
    });
  }
  services.events.listen((event, payload) => {
    for (const win of windows()) win.webContents.send(`${IPC_EVENT_PREFIX}${event}`, payload);
  });
}
