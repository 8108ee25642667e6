/**
 * The desktop notifications of the job chains: a job of a live chain that failed, completed with
 * errors or waits for the operator (a tape request) raises one browser Notification, once for
 * that job and state, so a failure cannot be missed while another screen or window is in front.
 * Where the browser has no Notification, or the operator refused them, nothing is raised and
 * nothing fails: the screens still show everything.
 */
import type { ChainView, JobView } from '../shared/api';

/** The part of the browser's Notification this module uses, so a test can hand in its own. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): unknown;
}

function browserNotification(): NotificationApi | null {
  const candidate = (globalThis as { Notification?: NotificationApi }).Notification;
  return typeof candidate === 'function' ? candidate : null;
}

let notificationApi: () => NotificationApi | null = browserNotification;
let asked = false;
const notified = new Set<string>();

/** For tests: another Notification (null: none), and nothing asked or notified yet. */
export function resetNotifications(api: (() => NotificationApi | null) | null = browserNotification): void {
  notificationApi = api ?? (() => null);
  asked = false;
  notified.clear();
}

/** Asks the operator once, at start, whether the console may notify; never again if they answered. */
export function askNotificationPermission(): void {
  const api = notificationApi();
  if (asked || api === null || api.permission !== 'default') return;
  asked = true;
  try {
    void api.requestPermission().catch(() => undefined);
  } catch {
    // an old browser's requestPermission takes a callback and returns nothing; asking is all that matters
  }
}

interface Alarm {
  key: string;
  title: string;
  body: string;
}

function alarmsOf(chain: ChainView, job: JobView): Alarm[] {
  const base = `${chain.id}/${job.job}`;
  const alarms: Alarm[] = [];
  const firstError = job.errors[0];
  const why = firstError?.knownError ? `${firstError.knownError.title}. ${firstError.knownError.action.join(' ')}` : (firstError?.text[0] ?? job.reason);
  if (job.state === 'failed') alarms.push({ key: `${base}/failed`, title: `${job.job} failed`, body: why });
  if (job.state === 'completed-with-errors') alarms.push({ key: `${base}/completed-with-errors`, title: `${job.job} completed with errors`, body: why });
  if (job.waitingForOperator !== null) {
    const tape = job.waitingForOperator.label === null ? '' : ` (${job.waitingForOperator.label})`;
    alarms.push({ key: `${base}/operator/${job.waitingForOperator.text}`, title: `${job.job} waits for a tape${tape}`, body: job.waitingForOperator.text });
  }
  return alarms;
}

/**
 * Raises what the chain's new view calls for. `before` is the view it replaced: a chain is live
 * while it is active, and also in the view that ends it (its last job may be the one that failed).
 */
export function notifyChain(chain: ChainView, before: ChainView | null): void {
  if (chain.status !== 'active' && before?.status !== 'active') return;
  const api = notificationApi();
  for (const job of chain.jobs) {
    for (const alarm of alarmsOf(chain, job)) {
      if (notified.has(alarm.key)) continue;
      // remembered even when not shown: permission granted later does not bring up old news
      notified.add(alarm.key);
      if (api === null || api.permission !== 'granted') continue;
      try {
        new api(alarm.title, { body: alarm.body, tag: alarm.key });
      } catch {
        // some browsers allow notifications only from a service worker: the screens still say it
      }
    }
  }
}
