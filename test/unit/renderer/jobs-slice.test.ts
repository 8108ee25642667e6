import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stopListening, listenToMain } from '../../../src-renderer/stores/console-events';
import { setApi } from '../../../src-renderer/stores/console-api';
import { useConsole } from '../../../src-renderer/stores/console-store';
import { listChains } from '../../../src-renderer/stores/job-actions';
import { consoleNowMs } from '../../../src-renderer/stores/slices/jobs';
import { resetNotifications } from '../../../src-renderer/notifications';
import { chainView, jobView } from './job-chain-fixture';
import { fakeConsoleApi, type FakeConsoleApi } from './fake-console-api';

let api: FakeConsoleApi;

beforeEach(() => {
  resetNotifications(null);
  api = fakeConsoleApi({});
  setApi(api);
  listenToMain(api);
});

afterEach(() => {
  stopListening();
  setApi(null);
  useConsole.setState(useConsole.getInitialState(), true);
});

const held = () => useConsole.getState().chains['chain-2030-05-06'];

describe('the jobs slice keeps each chain at its newest view', () => {
  it('subscribes jobs.changed once, and a view pushed replaces the one held', () => {
    expect(api.subscribed['jobs.changed']).toBe(1);
    api.push('jobs.changed', chainView(1, [jobView('DB_DUMP')]));
    api.push('jobs.changed', chainView(2, [jobView('DB_DUMP', { state: 'executing' })]));
    expect(held()?.jobs[0]?.state).toBe('executing');
  });

  it('a stale event (lower seq) arriving late does not go back', () => {
    api.push('jobs.changed', chainView(5, [jobView('DB_DUMP', { state: 'completed' })]));
    api.push('jobs.changed', chainView(4, [jobView('DB_DUMP', { state: 'executing' })]));
    api.push('jobs.changed', chainView(5, [jobView('DB_DUMP', { state: 'pending' })]));
    expect(held()?.seq).toBe(5);
    expect(held()?.jobs[0]?.state).toBe('completed');
  });

  it('the jobs.chains answer older than an event already told keeps the event’s view, and adds the past days', async () => {
    api.push('jobs.changed', chainView(7, [jobView('DB_DUMP', { state: 'failed' })]));
    api.answer('jobs.chains', () => [
      chainView(3, [jobView('DB_DUMP', { state: 'executing' })]),
      chainView(9, [jobView('DB_DUMP', { state: 'completed' })], { id: 'chain-2030-05-05', date: '2030-05-05', status: 'done' }),
    ]);
    await listChains();
    const state = useConsole.getState();
    expect(state.chainsListed).toBe(true);
    expect(held()?.seq).toBe(7);
    expect(held()?.jobs[0]?.state).toBe('failed');
    expect(state.chains['chain-2030-05-05']?.status).toBe('done');
  });

  it('a failed jobs.chains keeps the chains told and says why', async () => {
    api.push('jobs.changed', chainView(2, [jobView('DB_DUMP')]));
    await listChains();
    expect(useConsole.getState().chainsError?.message).toMatch(/jobs\.chains/);
    expect(held()?.seq).toBe(2);
  });

  it('another site profile forgets the chains of the one before, and lists the new one’s again', async () => {
    api.answer('jobs.chains', () => [chainView(8, [jobView('DB_DUMP')])]);
    await listChains();
    // the same day's chain of the new profile, counting its seq afresh
    api.answer('jobs.chains', () => [chainView(1, [jobView('OTHER_JOB')])]);
    const relisted = new Promise<void>((resolve) => {
      const stop = useConsole.subscribe((state) => {
        if (state.chainsListed && state.chains['chain-2030-05-06']?.seq === 1) {
          stop();
          resolve();
        }
      });
    });
    api.push('site.changed', {
      name: 'Other',
      organisation: 'Other Ltd',
      plan: 'Plan',
      revision: '1',
      file: '/p/other.yaml',
      hosts: [],
      logicalNames: [],
      drive: { model: 'D', host: 'H', slots: 7, media: 'm' },
    });
    await relisted;
    expect(held()?.jobs.map((j) => j.job)).toEqual(['OTHER_JOB']);
  });
});

describe("main's clock as the chains tell it", () => {
  it('counts on from the latest time main reported, and an older report does not set it back', () => {
    const state = useConsole.getState();
    state.consoleTimeSeen('2010-08-03T07:10:00.000Z', 1_000);
    state.consoleTimeSeen('2010-08-03T07:09:00.000Z', 2_000);
    expect(consoleNowMs(useConsole.getState().consoleClock, 15_000)).toBe(Date.parse('2010-08-03T07:10:14.000Z'));
  });

  it('a queue reading pushed moves the clock', () => {
    api.push('queues.changed', [{ host: 'ALPHA1', queue: 'NIGHT_BATCH', at: '2010-08-03T07:20:00.000Z', info: null, problem: 'not connected' }]);
    expect(useConsole.getState().consoleClock?.consoleMs).toBe(Date.parse('2010-08-03T07:20:00.000Z'));
  });
});
