/** Stand-in for the `electron` module in unit tests: a real import would try to download its binary. */
export const app = { getPath: (_name: string) => '/tmp', whenReady: () => Promise.resolve(), on: () => undefined };
export const ipcMain = { handle: () => undefined };
export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = { invoke: () => Promise.resolve(undefined), on: () => undefined };
export default { app, ipcMain, contextBridge, ipcRenderer };
