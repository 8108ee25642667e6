/**
 * The names the Electron preload needs, kept apart from the zod schemas of ./index.ts so the sandboxed
 * preload bundle stays small. index.ts checks at compile time that these lists match its maps.
 */
export const REQUEST_NAMES = [
  'app.info',
  'session.signIn',
  'session.signOut',
  'day.plan',
  'calendar.month',
  'calendar.ics',
  'site.choose',
  'site.profiles',
  'site.chooseFile',
  'audit.recent',
  'audit.csv',
  'hosts.list',
  'hosts.connect',
  'hosts.disconnect',
  'hosts.approveKey',
  'hosts.setPassword',
  'queues.show',
  'logical.resolve',
  'simulator.fault',
  'labels.stocks',
  'labels.chooseStock',
  'labels.preview',
  'labels.file',
  'labels.print',
  'labels.printers',
  'simulator.drive',
  'procedures.list',
  'procedures.start',
  'procedures.act',
  'jobs.chains',
  'jobs.log',
  'jobs.follow',
] as const;

export const EVENT_NAMES = ['audit.appended', 'site.changed', 'hosts.changed', 'procedures.changed', 'queues.changed', 'jobs.changed'] as const;

export type RequestName = (typeof REQUEST_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const BRIDGE_GLOBAL = 'tapeops';
export const IPC_REQUEST_PREFIX = 'tapeops:request:';
export const IPC_EVENT_PREFIX = 'tapeops:event:';

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
