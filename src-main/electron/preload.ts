import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_EVENT_PREFIX, IPC_REQUEST_PREFIX, REQUEST_NAMES, isEventName, type EventName } from '../../shared/api/channels';
import type { BridgeApi } from '../../shared/api';

// One function per request of the contract, and nothing else: the page never holds ipcRenderer.
const bridge: Record<string, unknown> = {};
for (const name of REQUEST_NAMES) {
  bridge[name] = (input: unknown) => ipcRenderer.invoke(`${IPC_REQUEST_PREFIX}${name}`, input);
}
bridge.subscribe = (event: EventName, handler: (payload: unknown) => void) => {
  if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
  const channel = `${IPC_EVENT_PREFIX}${event}`;
  const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
  ipcRenderer.on(channel, listener);
  return () => ipcRenderer.removeListener(channel, listener);
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge as BridgeApi);
