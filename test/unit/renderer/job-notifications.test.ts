import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askNotificationPermission, notifyChain, resetNotifications, type NotificationApi } from '../../../src-renderer/notifications';
import { chainView, failedDump, jobView } from './job-chain-fixture';

interface Raised {
  title: string;
  body: string | undefined;
}

/** A browser Notification that records what was raised, with the permission the operator gave. */
function fakeNotification(permission: NotificationPermission): { api: NotificationApi; raised: Raised[]; asked: () => number } {
  const raised: Raised[] = [];
  let asked = 0;
  class Fake {
    static permission = permission;
    static requestPermission(): Promise<NotificationPermission> {
      asked += 1;
      return Promise.resolve('granted');
    }
    constructor(title: string, options?: NotificationOptions) {
      raised.push({ title, body: options?.body });
    }
  }
  return { api: Fake, raised, asked: () => asked };
}

let fake: ReturnType<typeof fakeNotification>;

beforeEach(() => {
  fake = fakeNotification('granted');
  resetNotifications(() => fake.api);
});

afterEach(() => resetNotifications());

describe('a notification when a job of a live chain needs the operator', () => {
  it('a failed job raises one, with the plan’s known error and action, once however often the view comes', () => {
    const failed = chainView(2, [failedDump()], { tone: 'failed' });
    notifyChain(failed, null);
    notifyChain({ ...failed, seq: 3 }, failed);
    expect(fake.raised).toEqual([
      { title: 'DB_DUMP failed', body: 'Error Writing to Disk. Free space on the backup disk by deleting its temporary files. Run the job again.' },
    ]);
  });

  it('completed with errors, then a tape request, each raise their own, once', () => {
    const before = chainView(1, [jobView('TAPE_SAVE', { state: 'executing' })]);
    const withErrors = chainView(2, [
      jobView('DISK_SAVE', { state: 'completed-with-errors', reason: 'it ended in success but its log holds 2 E or F messages' }),
      jobView('TAPE_SAVE', { state: 'executing', waitingForOperator: { label: 'G', text: '%MOUNT-I-OPRQST, Please mount volume G in device _MKA500:' } }),
    ]);
    notifyChain(before, null);
    notifyChain(withErrors, before);
    notifyChain({ ...withErrors, seq: 3 }, withErrors);
    expect(fake.raised.map((r) => r.title)).toEqual(['DISK_SAVE completed with errors', 'TAPE_SAVE waits for a tape (G)']);
    expect(fake.raised[1]?.body).toContain('%MOUNT-I-OPRQST');
  });

  it('the same job failing after it completed with errors raises again: another state', () => {
    notifyChain(chainView(1, [jobView('DISK_SAVE', { state: 'completed-with-errors' })]), null);
    notifyChain(chainView(2, [jobView('DISK_SAVE', { state: 'failed' })]), null);
    expect(fake.raised.map((r) => r.title)).toEqual(['DISK_SAVE completed with errors', 'DISK_SAVE failed']);
  });

  it('the view that ends a chain on a failure still raises it: the chain was live until then', () => {
    const live = chainView(4, [jobView('DB_DUMP', { state: 'executing' })]);
    notifyChain(chainView(5, [failedDump()], { status: 'done' }), live);
    expect(fake.raised.map((r) => r.title)).toEqual(['DB_DUMP failed']);
  });

  it('a past day’s chain read from the store raises nothing', () => {
    notifyChain(chainView(9, [failedDump()], { status: 'done', date: '2030-05-01', id: 'chain-2030-05-01' }), null);
    expect(fake.raised).toEqual([]);
  });

  it('denied: nothing raised, and nothing either once granted later for what was already told', () => {
    fake = fakeNotification('denied');
    resetNotifications(() => fake.api);
    const failed = chainView(2, [failedDump()]);
    notifyChain(failed, null);
    expect(fake.raised).toEqual([]);
    (fake.api as { permission: NotificationPermission }).permission = 'granted';
    notifyChain({ ...failed, seq: 3 }, failed);
    expect(fake.raised).toEqual([]);
  });

  it('no Notification in this browser: nothing raised and nothing thrown', () => {
    resetNotifications(null);
    expect(() => notifyChain(chainView(2, [failedDump()]), null)).not.toThrow();
    expect(() => askNotificationPermission()).not.toThrow();
  });

  it('permission is asked once at start when the operator has not answered yet, never when they have', () => {
    fake = fakeNotification('default');
    resetNotifications(() => fake.api);
    askNotificationPermission();
    askNotificationPermission();
    expect(fake.asked()).toBe(1);

    fake = fakeNotification('denied');
    resetNotifications(() => fake.api);
    askNotificationPermission();
    expect(fake.asked()).toBe(0);
  });
});
