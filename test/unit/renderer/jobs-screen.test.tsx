// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, ChainView } from '../../../shared/api';
import { App } from '../../../src-renderer/App';
import { JobsScreen } from '../../../src-renderer/screens/JobsScreen';
import { setApi } from '../../../src-renderer/stores/console-api';
import { useConsole } from '../../../src-renderer/stores/console-store';
import { resetNotifications } from '../../../src-renderer/notifications';
import { chainView, failedDump, jobView } from './job-chain-fixture';
import { fakeConsoleApi } from './fake-console-api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const info: AppInfo = {
  version: '0.0.0',
  shell: 'browser',
  today: '2030-05-06',
  simulated: true,
  site: {
    name: 'Example',
    organisation: 'Example Ltd',
    plan: 'Backup plan',
    revision: '1',
    file: '/profiles/example.yaml',
    hosts: [{ name: 'ALPHA1', arch: 'Alpha', roles: ['drive host'] }],
    logicalNames: [],
    drive: { model: 'DRIVE-9', host: 'ALPHA1', slots: 7, media: 'tape IV' },
  },
};

const executing = jobView('TAPE_SAVE', {
  state: 'executing',
  reason: 'the queue shows "Executing"',
  entry: 415,
  queueStatus: 'Executing',
  when: 'at 12:00, submitted by DB_DUMP',
  done: 2,
  total: 7,
  current: 'DKA100:',
  tape: 'E',
  volumes: ['D', 'E'],
  startedAt: '2030-05-06T12:00:03.000Z',
  elapsedMs: 65 * 60_000,
  remainingMs: 2 * 3_600_000 + 5 * 60_000,
  estimateBasis: 'history',
  log: { file: 'SYS$LOGIN:TAPE_SAVE.LOG', version: 'SYS$LOGIN:TAPE_SAVE.LOG;1', lines: 0, readAt: '2030-05-06T13:04:46.000Z', linesAt: '2030-05-06T13:04:00.000Z' },
});

function dayChain(): ChainView {
  return chainView(6, [failedDump(), executing], {
    summary: 'DB_DUMP failed at 08:17; TAPE_SAVE is executing',
    tone: 'failed',
    arrows: [{ from: 'DB_DUMP', to: 'TAPE_SAVE', at: '12:00' }],
    updatedAt: '2030-05-06T13:05:00.000Z',
  });
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  resetNotifications(null);
  setApi(fakeConsoleApi({}));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const chain = dayChain();
  useConsole.setState({
    info,
    date: info.today,
    operator: { initials: 'JS', name: null },
    chains: { [chain.id]: chain },
    chainsListed: true,
    // main's clock read at 13:05:00; the window's reading is put ahead of its clock so the count stands still during the test
    consoleClock: { consoleMs: Date.parse('2030-05-06T13:05:00.000Z'), localMs: Date.now() + 60_000 },
  });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setApi(null);
  useConsole.setState(useConsole.getInitialState(), true);
});

const card = (job: string) => container.querySelector<HTMLElement>(`article[data-job="${job}"]`);

describe('the Jobs screen shows a chain as main told it', () => {
  it('a failed job says so in words, with its error, the plan’s known error and its corrective action', async () => {
    await act(async () => root.render(<JobsScreen />));
    const failed = card('DB_DUMP');
    expect(failed?.querySelector('[data-testid="state-DB_DUMP"]')?.textContent).toContain('Failed');
    expect(failed?.textContent).toContain('%RMU-F-WRITEERR, error writing DISK$SAVE_1:[DUMPS]LEDGER_BACKUP.RBF;');
    expect(failed?.textContent).toContain('-RMS-F-FUL, device full (insufficient space for allocation)');
    expect(failed?.textContent).toContain('The plan knows this error: Error Writing to Disk.');
    const steps = [...(failed?.querySelectorAll('.known-error-action li') ?? [])].map((li) => li.textContent);
    expect(steps).toEqual(['Free space on the backup disk by deleting its temporary files.', 'Run the job again.']);
    expect(failed?.textContent).toContain('at line 118 while on LEDGER');
  });

  it('each job’s progress bar holds done of total, labelled for a screen reader', async () => {
    await act(async () => root.render(<JobsScreen />));
    const bar = card('TAPE_SAVE')?.querySelector('progress');
    expect(bar?.getAttribute('value')).toBe('2');
    expect(bar?.getAttribute('max')).toBe('7');
    expect(bar?.getAttribute('aria-label')).toBe('Progress of TAPE_SAVE');
    expect(card('TAPE_SAVE')?.textContent).toContain('2 of 7 done');
    expect(card('DB_DUMP')?.textContent).toContain('1 of 3 done, 1 failed');
  });

  it('the executing job shows what it has in hand, its tape, elapsed and estimate in h:mm, and how fresh its log is', async () => {
    await act(async () => root.render(<JobsScreen />));
    const facts = Object.fromEntries([...(card('TAPE_SAVE')?.querySelectorAll('dt') ?? [])].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']));
    expect(facts['In hand']).toBe('DKA100:');
    expect(facts['Tape']).toContain('E');
    expect(facts['Tape']).toContain('mounted so far: D, E');
    expect(facts['Elapsed']).toBe('1:05');
    expect(facts['Still to go']).toContain('about 2:05');
    expect(facts['Queue says']).toBe('Executing (entry 415)');
    expect(facts['Log']).toContain('log read 14 s ago, last new line 1 min ago');
  });

  it('the plan’s arrow into a job is drawn above it, with its time', async () => {
    await act(async () => root.render(<JobsScreen />));
    const arrows = container.querySelector('[data-into="TAPE_SAVE"]');
    expect(arrows?.textContent).toContain('DB_DUMP submits TAPE_SAVE at 12:00');
    expect(container.querySelector('[data-into="DB_DUMP"]')).toBeNull();
  });

  it('a tape request waiting for the operator is an alert at the top of the job', async () => {
    const chain = dayChain();
    const waiting = { ...executing, waitingForOperator: { label: 'F', text: '%MOUNT-I-OPRQST, Please mount volume F in device _MKA500:' } };
    useConsole.setState({ chains: { [chain.id]: { ...chain, seq: 7, jobs: [failedDump(), waiting] } } });
    await act(async () => root.render(<JobsScreen />));
    const alert = card('TAPE_SAVE')?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Waiting for you: tape F');
    expect(alert?.textContent).toContain('%MOUNT-I-OPRQST, Please mount volume F in device _MKA500:');
  });
});

describe('Today’s line', () => {
  it('shows the chain’s summary in red words when a job failed, and leads to the Jobs screen', async () => {
    await act(async () => root.render(<App />));
    const line = container.querySelector<HTMLElement>('[data-testid="chain-line"]');
    expect(line?.dataset['tone']).toBe('failed');
    expect(line?.className).toContain('tone-failed');
    expect(line?.textContent).toContain('Failed: DB_DUMP failed at 08:17; TAPE_SAVE is executing');
    const open = [...(line?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Open the Jobs screen');
    await act(async () => open?.click());
    expect(container.querySelector('h1')?.textContent).toBe('Jobs');
    expect(container.querySelector('nav button[aria-current="page"]')?.textContent).toBe('Jobs');
  });
});
