import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostView, LogicalResolution, QueueSnapshot } from '../../shared/api';
import { isApiError, type ApiResult } from '../../shared/errors';
import { defaultSiteFile } from '../../src-main/app/paths';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import type { EmbeddedSimulator } from '../../src-main/app/simulated-site';
import type { RequestContext } from '../../src-main/app/dispatch';

const dataDir = mkdtempSync(join(tmpdir(), 'tapeops-hosts-'));
const running: { services: ConsoleMain; simulator: EmbeddedSimulator | undefined }[] = [];

async function start() {
  const services = await startConsole({ shell: 'browser', version: 'test', dataDir, defaultSiteFile, hosts: 'simulated', log: () => undefined });
  const entry = { services, simulator: services.session().simulator };
  running.push(entry);
  return entry;
}

async function stop(entry: (typeof running)[number]) {
  await entry.services.close();
  running.splice(running.indexOf(entry), 1);
}

afterAll(async () => {
  for (const entry of [...running]) await stop(entry);
  rmSync(dataDir, { recursive: true, force: true });
});

function ok<T>(result: ApiResult<unknown>): T {
  if (isApiError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.ok as T;
}

describe('the console reaches the simulated site over SSH', () => {
  const ctx: RequestContext = { operator: null };

  it('asks the operator to approve the host key first, and refuses a fingerprint that was not offered', async () => {
    const { services } = await start();
    ok(await services.request('session.signIn', { initials: 'JS' }, ctx));
    const waiting = ok<HostView>(await services.request('hosts.connect', { host: 'BLT4' }, ctx));
    expect(waiting.state.kind).toBe('awaiting-host-key-approval');
    if (waiting.state.kind !== 'awaiting-host-key-approval') return;
    expect(waiting.state.offered.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    const wrong = await services.request('hosts.approveKey', { host: 'BLT4', fingerprint: `SHA256:${'A'.repeat(43)}` }, ctx);
    expect(isApiError(wrong) && wrong.error.message).toMatch(/is not the one BLT4 offered/);

    const connected = ok<HostView>(await services.request('hosts.approveKey', { host: 'BLT4', fingerprint: waiting.state.offered.fingerprint }, ctx));
    expect(connected.state.kind).toBe('connected');
    expect(connected.pinned?.approvedBy).toBe('JS');
    expect(services.store.audit.list({ action: 'host.key-approved' })[0]?.who).toBe('JS');
  });

  it('shows both queues of the plan live and follows LEASE_FILES to its device', async () => {
    const services = running[0]!.services;
    const queues = ok<QueueSnapshot[]>(await services.request('queues.show', {}, ctx));
    expect(queues.map((q) => [q.queue, q.info?.kind, q.problem])).toEqual([
      ['TIME_BLT4', 'batch', null],
      ['TAPE_BACKUP', 'batch', null],
    ]);
    const where = ok<LogicalResolution>(await services.request('logical.resolve', { name: 'LEASE_FILES' }, ctx));
    expect(where.location).toBe('DISK$PROD_09:[LEASE_FILES]');
    expect(where.device).toBe('$1$DGA15:');
    expect(where.steps.map((s) => [s.name, s.value, s.concealed])).toEqual([
      ['LEASE_FILES', 'RDB1$DISK00:[LEASE_FILES]', false],
      ['RDB1$DISK00', 'DISK$PROD_09:', true],
      // MOUNT/SYSTEM defines DISK$label concealed and terminal
      ['DISK$PROD_09', '$1$DGA15:', true],
    ]);
  });

  it("after a restart the pinned key is still the simulated host's: it connects without asking", async () => {
    await stop(running[0]!);
    const { services } = await start();
    ok(await services.request('session.signIn', { initials: 'JS' }, ctx));
    const view = ok<HostView>(await services.request('hosts.connect', { host: 'BLT4' }, ctx));
    expect(view.state.kind).toBe('connected');
  });

  it('turns a fault of the simulated site on through the API, audited under the operator', async () => {
    const services = running[0]!.services;
    const { active } = ok<{ active: string[] }>(await services.request('simulator.fault', { fault: 'queue-stopped', on: true, queue: 'TAPE_BACKUP' }, ctx));
    expect(active.join(' ')).toMatch(/TAPE_BACKUP/);
    const queues = ok<QueueSnapshot[]>(await services.request('queues.show', {}, ctx));
    expect(queues.find((q) => q.queue === 'TAPE_BACKUP')?.info?.states).toContain('stopped');
    expect(services.store.audit.list({ action: 'simulator.fault' })[0]).toMatchObject({ who: 'JS', subject: 'queue-stopped' });
    ok(await services.request('simulator.fault', { fault: 'queue-stopped', on: false, queue: 'TAPE_BACKUP' }, ctx));
  });

  it('a host not connected is reported on the Queues screen, not hidden', async () => {
    const services = running[0]!.services;
    ok(await services.request('hosts.disconnect', { host: 'BLT4' }, ctx));
    const queues = ok<QueueSnapshot[]>(await services.request('queues.show', {}, ctx));
    expect(queues.every((q) => q.info === null && /BLT4 is not connected/.test(q.problem ?? ''))).toBe(true);
  });
});
