import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';

const created: { options: { webPreferences: Record<string, unknown> }; listeners: Map<string, (...args: unknown[]) => void>; openHandler?: () => unknown }[] = [];
const headerHooks: ((details: { responseHeaders: Record<string, string[]> }, callback: (r: unknown) => void) => void)[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: { webPreferences: Record<string, unknown> }) {
      const record = { options, listeners: new Map<string, (...args: unknown[]) => void>(), openHandler: undefined as undefined | (() => unknown) };
      created.push(record);
      this.webContents = {
        on: (name: string, listener: (...args: unknown[]) => void) => record.listeners.set(name, listener),
        setWindowOpenHandler: (handler: () => unknown) => (record.openHandler = handler),
      };
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: (hook: (typeof headerHooks)[number]) => headerHooks.push(hook) },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    },
  };
  return { BrowserWindow, session, net: {}, protocol: {} };
});

const { createConsoleWindow, applySessionPolicy } = await import('../../../src-main/electron/window');

describe('the console window', () => {
  createConsoleWindow('/app/dist/main/preload.cjs');
  const win = created[0]!;

  it('isolates the page: context isolation, sandbox, no Node integration', () => {
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });

  it('stays on its own pages and opens no window', () => {
    const navigate = win.listeners.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    navigate(home, 'app://console/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    expect(win.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('sends a strict Content-Security-Policy with every response', () => {
    applySessionPolicy();
    let headers: Record<string, string[]> = {};
    headerHooks[0]!({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('the packaged app', () => {
  const builder = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('turns the dangerous Electron fuses off and checks ASAR integrity', () => {
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('is TapeOps Console, as AppImage and deb for Linux and NSIS for Windows', () => {
    expect(builder.productName).toBe('TapeOps Console');
    expect((builder.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((builder.win as { target: string[] }).target).toEqual(['nsis']);
  });
});
