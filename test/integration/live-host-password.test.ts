import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/api';
import { isApiError, type ApiResult } from '../../shared/errors';
import { defaultSiteFile } from '../../src-main/app/paths';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import { startLiveHost, type LiveHost } from '../support/live-host';

// A "live" host: an SSH server the console did not start, reached at its profile address.
const dir = mkdtempSync(join(tmpdir(), 'tapeops-live-'));
let live: LiveHost;
let services: ConsoleMain;
const ctx = { operator: null as string | null };

function ok<T>(result: ApiResult<unknown>): T {
  if (isApiError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.ok as T;
}

beforeAll(async () => {
  live = await startLiveHost(dir, 'Right-Password-1');
  const siteFile = live.siteFile;
  services = await startConsole({ shell: 'browser', version: 'test', dataDir: dir, siteFile, defaultSiteFile, hosts: 'live', log: () => undefined });
  ok(await services.request('session.signIn', { initials: 'MAB' }, ctx));
});

afterAll(async () => {
  await services.close();
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a live host needs the operator's password, which the browser shell keeps in memory only", () => {
  it('without a password the link says so', async () => {
    const view = ok<HostView>(await services.request('hosts.connect', { host: 'BLT4' }, ctx));
    expect(view.hasPassword).toBe(false);
    expect(view.state.kind).toBe('disconnected');
    expect(view.state.kind === 'disconnected' && view.state.lastError?.code).toBe('no-credentials');
  });

  it('a wrong password is refused and not retried by itself (VMS intrusion detection would lock the account)', async () => {
    ok(await services.request('hosts.setPassword', { host: 'BLT4', password: 'wrong' }, ctx));
    // the host's key is checked before any password is sent
    const waiting = ok<HostView>(await services.request('hosts.connect', { host: 'BLT4' }, ctx));
    expect(waiting.state.kind).toBe('awaiting-host-key-approval');
    if (waiting.state.kind !== 'awaiting-host-key-approval') return;
    const refused = await services.request('hosts.approveKey', { host: 'BLT4', fingerprint: waiting.state.offered.fingerprint }, ctx);
    expect(isApiError(refused) && refused.error.code).toBe('link-auth-failed');
    const view = ok<HostView[]>(await services.request('hosts.list', {}, ctx)).find((h) => h.name === 'BLT4');
    expect(view?.state.kind).toBe('disconnected');
    expect(view?.state.kind === 'disconnected' && view.state.lastError?.code).toBe('auth-failed');
  });

  it('the right password connects once the key is approved; no password reaches the audit log', async () => {
    const given = ok<HostView>(await services.request('hosts.setPassword', { host: 'BLT4', password: 'Right-Password-1' }, ctx));
    expect(given.hasPassword).toBe(true);
    // the key approved a moment ago is pinned: no question this time
    const connected = ok<HostView>(await services.request('hosts.connect', { host: 'BLT4' }, ctx));
    expect(connected.state.kind).toBe('connected');
    expect(connected.simulated).toBe(false);
    const audit = JSON.stringify(services.store.audit.list({ limit: 500 }));
    expect(audit).toContain('host.password-entered');
    expect(audit).not.toContain('Right-Password-1');
    expect(readFileSync(join(dir, 'tapeops.db')).includes('Right-Password-1')).toBe(false);
  });

  it("the simulated site's hosts take no typed password", async () => {
    const { services: simulated } = await (async () => {
      const other = mkdtempSync(join(tmpdir(), 'tapeops-sim-'));
      const s = await startConsole({ shell: 'browser', version: 'test', dataDir: other, defaultSiteFile, hosts: 'simulated', log: () => undefined });
      afterAll(async () => {
        await s.close();
        rmSync(other, { recursive: true, force: true });
      });
      return { services: s };
    })();
    ok(await simulated.request('session.signIn', { initials: 'MAB' }, ctx));
    const refused = await simulated.request('hosts.setPassword', { host: 'BLT4', password: 'anything' }, ctx);
    expect(isApiError(refused) && refused.error.code).toBe('simulated-host');
  });
});
