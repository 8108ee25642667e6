import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../../shared/api';
import { startConsole } from '../../../src-main/app/start-console';
import { defaultSiteFile } from '../../../src-main/app/paths';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  net: {},
  protocol: {},
}));

const { registerIpc } = await import('../../../src-main/electron/ipc');

const dir = mkdtempSync(join(tmpdir(), 'tapeops-ipc-'));
const services = await startConsole({ shell: 'electron', version: 'test', dataDir: dir, storeFile: join(dir, 'store.db'), defaultSiteFile, hosts: 'none' });
registerIpc(services, () => []);
afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

function eventFrom(url: string, sender: object = {}, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } };
}

describe('IPC in the Electron shell', () => {
  it('handles exactly the requests of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(requestNames.map((name) => `tapeops:request:${name}`).sort());
  });

  it('answers the console window', async () => {
    const plan = (await handlers.get('tapeops:request:day.plan')?.(eventFrom('app://console/index.html'), { date: '2010-08-03' })) as { ok: { kind: string } };
    expect(plan.ok.kind).toBe('billrun');
  });

  it('refuses a sender that is not the console top frame', async () => {
    for (const event of [eventFrom('https://evil.example/'), eventFrom('file:///tmp/x.html'), eventFrom('app://console/index.html', {}, { url: 'app://console/' })]) {
      expect(await handlers.get('tapeops:request:app.info')?.(event, {})).toEqual({
        error: { code: 'untrusted-sender', message: 'this request did not come from the console window' },
      });
    }
  });

  it('keeps the operator per window', async () => {
    const windowA = {};
    const windowB = {};
    await handlers.get('tapeops:request:session.signIn')?.(eventFrom('app://console/index.html', windowA), { initials: 'ab' });
    const asA = await handlers.get('tapeops:request:site.choose')?.(eventFrom('app://console/index.html', windowA), { file: defaultSiteFile });
    const asB = await handlers.get('tapeops:request:site.choose')?.(eventFrom('app://console/index.html', windowB), { file: defaultSiteFile });
    expect(asA).toHaveProperty('ok');
    expect(asB).toEqual({ error: { code: 'not-signed-in', message: 'Sign in with your initials first.' } });
  });
});
