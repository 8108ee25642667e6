import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../../shared/api';

const exposed: Record<string, Record<string, unknown>> = {};
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: 'answer' }));
const on = vi.fn();
const removeListener = vi.fn();
const ipcRenderer = { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => (exposed[key] = api) },
  ipcRenderer,
}));

beforeEach(async () => {
  vi.resetModules();
  for (const key of Object.keys(exposed)) delete exposed[key];
  invoke.mockClear();
  await import('../../../src-main/electron/preload');
});

describe('the preload', () => {
  it('exposes one function per request of the contract and a subscribe, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['tapeops']);
    const bridge = exposed.tapeops as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...requestNames, 'subscribe'].sort());
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
  });

  it('sends a request on its own channel only', async () => {
    const bridge = exposed.tapeops as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(bridge['day.plan']?.({ date: '2010-08-03' })).resolves.toEqual({ ok: 'answer' });
    expect(invoke).toHaveBeenCalledWith('tapeops:request:day.plan', { date: '2010-08-03' });
  });

  it('refuses to subscribe to a channel outside the contract', () => {
    const bridge = exposed.tapeops as { subscribe: (event: string, handler: () => void) => () => void };
    expect(() => bridge.subscribe('some-other-channel', () => undefined)).toThrow(/unknown event/);
    const stop = bridge.subscribe('audit.appended', () => undefined);
    expect(on).toHaveBeenCalledWith('tapeops:event:audit.appended', expect.any(Function));
    stop();
    expect(removeListener).toHaveBeenCalledWith('tapeops:event:audit.appended', expect.any(Function));
  });
});
