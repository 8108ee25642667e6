// @vitest-environment jsdom
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiEventNames, type AppInfo, type AuditEntry, type HostView, type QueueSnapshot, type SiteSummary } from '../../../shared/api';
import type { RunView } from '../../../shared/procedures/run-view';
import { HostsScreen } from '../../../src-renderer/screens/HostsScreen';
import { ProceduresScreen } from '../../../src-renderer/screens/ProceduresScreen';
import { QueuesScreen } from '../../../src-renderer/screens/QueuesScreen';
import { SettingsScreen } from '../../../src-renderer/screens/SettingsScreen';
import { setApi } from '../../../src-renderer/stores/console-api';
import { stopListening } from '../../../src-renderer/stores/console-events';
import { useConsole, type ConsoleState } from '../../../src-renderer/stores/console-store';
import { actOnRun, startRun } from '../../../src-renderer/stores/run-actions';
import { start } from '../../../src-renderer/stores/session-actions';
import { fakeConsoleApi, type Answers, type FakeConsoleApi } from './fake-console-api';

// React's act() warns unless the environment says it is a test environment
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const site: SiteSummary = {
  name: 'Example',
  organisation: 'Example Ltd',
  plan: 'Backup plan',
  revision: '1',
  file: '/profiles/example.yaml',
  hosts: [{ name: 'ALPHA1', arch: 'Alpha', roles: ['drive host'] }],
  logicalNames: [],
  drive: { model: 'DRIVE-9', host: 'ALPHA1', slots: 7, media: 'tape IV' },
};
const info: AppInfo = { version: '0.0.0', shell: 'browser', today: '2030-05-06', site, simulated: true };

function host(name: string, state: HostView['state']['kind']): HostView {
  const at = '2030-05-06T07:00:00.000Z';
  const view =
    state === 'connected' ? { kind: 'connected' as const, host: name, at, mode: 'shell' as const, warnings: [] } : { kind: 'disconnected' as const, host: name, at };
  return {
    name,
    arch: 'Alpha',
    roles: ['drive host'],
    address: '127.0.0.1',
    port: 2200,
    user: 'OPERATOR',
    simulated: true,
    hasPassword: false,
    state: view,
    latencyMs: null,
    pinned: null,
  };
}

function record(id: number, action: string): AuditEntry {
  return { id, at: `2030-05-06T07:00:0${id}.000Z`, who: 'JS', action, subject: null, details: null };
}

function run(runId: string, seq: number, status: RunView['status'] = 'active'): RunView {
  return {
    runId,
    procedureId: 'monthly',
    date: '2030-05-06',
    status,
    startedBy: 'JS',
    startedAt: '2030-05-06T07:00:00Z',
    updatedAt: '2030-05-06T07:00:00Z',
    plan: null,
    state: 'manual',
    index: seq,
    records: [],
    reading: null,
    nextCheckAt: null,
    found: {},
    commandError: null,
    seq,
  };
}

function queue(name: string, at: string): QueueSnapshot {
  return { host: 'ALPHA1', queue: name, at, info: null, problem: 'not connected' };
}

const answers: Answers = {
  'app.info': () => info,
  'hosts.list': () => [host('ALPHA1', 'disconnected')],
  'audit.recent': () => [record(2, 'session.sign-in'), record(1, 'console.start')],
  'labels.stocks': () => ({ stocks: [], chosen: { set: 'a', cartridge: 'b' }, cartridge: { firstSerial: 'AA0001', mediaId: 'X', checkCharacter: false } }),
  'procedures.list': () => ({ choices: [], runs: [] }),
  'queues.show': () => [queue('FIRST_QUEUE', '2030-05-06T07:00:00.000Z')],
};

let api: FakeConsoleApi;
let container: HTMLDivElement;
let root: Root;

/** Resolves once the store satisfies `reached`: the test waits on the store's own change events. */
function storeReaches(reached: (state: ConsoleState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (reached(useConsole.getState())) return resolve();
    const stop = useConsole.subscribe((state) => {
      if (!reached(state)) return;
      stop();
      resolve();
    });
  });
}

/** Renders a screen and lets its first requests (already answered by the fake) come back. */
async function mount(screen: ReactElement): Promise<void> {
  await act(async () => root.render(screen));
}

function unmount(): void {
  act(() => root.render(<></>));
}

beforeEach(async () => {
  api = fakeConsoleApi(answers);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await start(api);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  stopListening();
  setApi(null);
  useConsole.setState(useConsole.getInitialState(), true);
});

const cardState = (name: string) => container.querySelector(`section[data-host="${name}"]`)?.getAttribute('data-state');
const auditActions = () => [...container.querySelectorAll('tbody tr')].map((row) => row.children[2]?.textContent);

describe('events pushed while no screen shows them', () => {
  it('a host that connected while the Hosts screen was closed is shown connected when it opens again', async () => {
    await mount(<HostsScreen />);
    await act(() => storeReaches((s) => s.hostsListed));
    expect(cardState('ALPHA1')).toBe('disconnected');

    unmount();
    api.push('hosts.changed', host('ALPHA1', 'connected'));
    await mount(<HostsScreen />);

    expect(cardState('ALPHA1')).toBe('connected');
    expect(container.querySelector('section[data-host="ALPHA1"] .badge')?.textContent).toBe('Connected');
    // the list was asked once: the second opening showed what the event told
    expect(api.asked.filter((name) => name === 'hosts.list')).toHaveLength(1);
  });

  it('an audit record appended before Settings was ever opened is listed with the older ones, newest first', async () => {
    api.push('audit.appended', record(3, 'labels.printed'));
    await mount(<SettingsScreen />);
    await act(() => storeReaches((s) => s.auditListed));
    expect(auditActions()).toEqual(['labels.printed', 'session.sign-in', 'console.start']);

    // and one appended while Settings is closed is there when it opens again
    unmount();
    api.push('audit.appended', record(4, 'settings.change'));
    await mount(<SettingsScreen />);
    expect(auditActions()).toEqual(['settings.change', 'labels.printed', 'session.sign-in', 'console.start']);
    expect(api.asked.filter((name) => name === 'audit.recent')).toHaveLength(1);
  });

  it('the queues main pushed are shown without asking for them, with the time of the reading', async () => {
    api.push('queues.changed', [queue('NIGHT_QUEUE', '2030-05-06T07:00:05.000Z')]);
    await mount(<QueuesScreen />);
    expect(container.querySelector('section[data-queue="NIGHT_QUEUE"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="queues-read-at"]')?.textContent).toContain('As of 07:00:05.');
    expect(api.asked).not.toContain('queues.show');
  });

  it('the Queues screen asks once when no reading has come yet, and a pushed reading replaces it', async () => {
    await mount(<QueuesScreen />);
    await act(() => storeReaches((s) => s.queues !== null));
    expect(container.querySelector('section[data-queue="FIRST_QUEUE"]')).not.toBeNull();
    act(() => api.push('queues.changed', [queue('FIRST_QUEUE', '2030-05-06T07:00:10.000Z')]));
    expect(container.querySelector('[data-testid="queues-read-at"]')?.textContent).toContain('As of 07:00:10.');
    // an older reading arriving late does not go back in time
    act(() => api.push('queues.changed', [queue('OLD_QUEUE', '2030-05-06T06:59:00.000Z')]));
    expect(container.querySelector('section[data-queue="OLD_QUEUE"]')).toBeNull();
    expect(api.asked.filter((name) => name === 'queues.show')).toHaveLength(1);
  });

  it('another profile loaded elsewhere: the Hosts screen lists the new profile’s hosts', async () => {
    await mount(<HostsScreen />);
    await act(() => storeReaches((s) => s.hostsListed));
    api.answer('hosts.list', () => [host('VAX7', 'disconnected')]);
    await act(async () => {
      api.push('site.changed', { ...site, name: 'Other', hosts: [{ name: 'VAX7', arch: 'VAX', roles: [] }] });
      await storeReaches((s) => s.hostsListed && s.hosts[0]?.name === 'VAX7');
    });
    expect(cardState('VAX7')).toBe('disconnected');
    expect(cardState('ALPHA1')).toBeUndefined();
    expect(useConsole.getState().info?.site.name).toBe('Other');
  });
});

describe('run views, as answers and as events in either order', () => {
  it('a stale view (lower seq) does not replace the newer one, whichever came first', async () => {
    api.answer('procedures.act', () => run('r1', 2));
    api.push('procedures.changed', run('r1', 3));
    const outcome = await actOnRun({ runId: 'r1', action: 'confirm' });
    expect(outcome.ok).toBe(true);
    expect(useConsole.getState().runs.map((r) => [r.runId, r.seq])).toEqual([['r1', 3]]);

    // the newer one replaces the older, from an answer as from an event
    api.answer('procedures.act', () => run('r1', 4));
    await actOnRun({ runId: 'r1', action: 'confirm' });
    expect(useConsole.getState().runs.map((r) => r.seq)).toEqual([4]);
    api.push('procedures.changed', run('r1', 3));
    expect(useConsole.getState().runs.map((r) => r.seq)).toEqual([4]);
    api.push('procedures.changed', run('r1', 5, 'done'));
    expect(useConsole.getState().runs.map((r) => [r.seq, r.status])).toEqual([[5, 'done']]);
  });

  it('a run another console started is listed beside this one’s; the list does not undo a newer event', async () => {
    api.answer('procedures.start', () => run('mine', 1));
    await startRun('monthly', '2030-05-06');
    api.push('procedures.changed', run('theirs', 7));
    // procedures.list answers an older view of "theirs" than the event did
    api.answer('procedures.list', () => ({ choices: [], runs: [run('theirs', 6), run('mine', 1)] }));
    await mount(<ProceduresScreen />);
    await act(() => storeReaches((s) => s.runsListed));
    const seqs = Object.fromEntries(useConsole.getState().runs.map((r) => [r.runId, r.seq]));
    expect(seqs).toEqual({ theirs: 7, mine: 1 });
    expect(container.textContent).toContain('stopped at step 8');
  });
});

describe('every event is subscribed once, at start', () => {
  it('however many times the screens open and close', async () => {
    for (let i = 0; i < 3; i++) {
      for (const screen of [<HostsScreen key="h" />, <QueuesScreen key="q" />, <SettingsScreen key="s" />, <ProceduresScreen key="p" />]) {
        await mount(screen);
        unmount();
      }
    }
    await start(api);
    for (const event of apiEventNames) {
      expect({ event, subscribed: api.subscribed[event], listening: api.listeners(event) }).toEqual({ event, subscribed: 1, listening: 1 });
    }
  });
});
