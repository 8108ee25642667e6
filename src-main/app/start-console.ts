/**
 * The composition root both shells start: the store, the event bus, the handlers, and the site
 * session on the profile the console starts with (`--site`, else the one chosen in Settings,
 * else the shipped one). Choosing another profile in Settings closes the session and opens it
 * again on the new profile.
 */
import { dirname, join } from 'node:path';
import type { AppInfo, SiteSummary } from '../../shared/api';
import { systemClock, type Clock } from '../../shared/clock';
import type { ApiResult } from '../../shared/errors';
import { MemoryCredentialStore, type CredentialStore } from '../hosts';
import { openStore, type Store } from '../store';
import { dispatch, type RequestContext } from './dispatch';
import { createDownloads, type Download } from './downloads';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import type { LabelPrinter } from '../labels/label-printer';
import { openSiteSession, type HostsMode, type SiteSession } from './site-session';
import { loadSiteOrThrow, readSiteOrThrow, SITE_FILE_SETTING, summarise, type LoadedSite } from './site-loading';

export interface ConsoleOptions {
  shell: AppInfo['shell'];
  version: string;
  /** The user data folder: the store and the simulated site's host keys. */
  dataDir: string;
  /** The SQLite file of the console's own state; `tapeops.db` in the data folder by default. */
  storeFile?: string;
  /** The profile named on the command line (`--site FILE`); it wins over the Settings choice. */
  siteFile?: string;
  /** The profile shipped with the console, used when nothing else is chosen. */
  defaultSiteFile: string;
  hosts: HostsMode;
  clock?: Clock;
  log?: (message: string) => void;
  /** Where live hosts' passwords are kept: Electron seals them with safeStorage; by default, memory only. */
  credentials?: (store: Store) => CredentialStore;
  /** Printing, in Electron. */
  printer?: LabelPrinter;
  /** Electron's save dialog, where exports are written straight to the file the operator chose. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Electron's open dialog for a site profile: the chosen path, or null when cancelled. */
  chooseProfilePath?: () => Promise<string | null>;
  /** The simulated site's time scale: real seconds per simulated hour (3600 by default). */
  secondsPerSimulatedHour?: number;
}

/** The console as both shells carry it. */
export interface ConsoleMain {
  request(name: unknown, input: unknown, ctx: RequestContext): Promise<ApiResult<unknown>>;
  readonly events: EventBus;
  readonly store: Store;
  /** The site session open now. */
  session(): SiteSession;
  /** The profile the session open now serves. */
  site(): LoadedSite;
  summary(): SiteSummary;
  /** A file offered by a request, for the browser shell to stream (its one-time path). */
  takeDownload(path: string): Download | undefined;
  close(): Promise<void>;
}

function chooseStartingSite(options: ConsoleOptions, store: Store, log: (message: string) => void): LoadedSite {
  if (options.siteFile) return loadSiteOrThrow(options.siteFile);
  const chosen = store.settings.get<string>(SITE_FILE_SETTING);
  if (typeof chosen === 'string') {
    try {
      return loadSiteOrThrow(chosen);
    } catch (error) {
      log(`The site profile chosen in Settings could not be loaded; using the default. ${(error as Error).message}`);
    }
  }
  return loadSiteOrThrow(options.defaultSiteFile);
}

export async function startConsole(options: ConsoleOptions): Promise<ConsoleMain> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string) => console.error(message));
  const store = openStore(options.storeFile ?? join(options.dataDir, 'tapeops.db'), {
    now: () => clock.now(),
    onListenerError: (error) => log(`an audit listener failed: ${(error as Error).stack ?? String(error)}`),
  });
  const events = new EventBus();
  // every record goes out to every open console once its transaction has committed, background
  // transitions of runs included
  store.audit.onAppended((record) => events.emit('audit.appended', record));
  // the browser shell keeps live hosts' passwords in memory only: given again at every start
  const credentials = options.credentials?.(store) ?? new MemoryCredentialStore();
  const open = (site: LoadedSite) =>
    openSiteSession({
      site,
      hosts: options.hosts,
      store,
      clock,
      events,
      log,
      dataDir: options.dataDir,
      credentials,
      ...(options.secondsPerSimulatedHour === undefined ? {} : { secondsPerSimulatedHour: options.secondsPerSimulatedHour }),
    });

  let session: SiteSession;
  try {
    session = await open(chooseStartingSite(options, store, log));
  } catch (error) {
    store.close();
    throw error;
  }

  // one profile change at a time: the runs of a site are restored by one session only
  let choosing: Promise<unknown> = Promise.resolve();
  async function chooseSite(file: string, who: string): Promise<SiteSummary> {
    const next = await readSiteOrThrow(file);
    const swap = choosing.then(async () => {
      const previous = session;
      await previous.close();
      try {
        session = await open(next);
      } catch (error) {
        session = await open(previous.site);
        throw error;
      }
      store.settings.set(SITE_FILE_SETTING, next.file, who);
      events.emit('site.changed', summarise(next));
    });
    choosing = swap.catch(() => undefined);
    await swap;
    return summarise(next);
  }

  // the browser shell streams large files over HTTP; Electron writes them where its save dialog says
  const downloads = options.shell === 'browser' ? createDownloads(clock) : undefined;
  const handlers = createHandlers({
    clock,
    store,
    shell: options.shell,
    version: options.version,
    session: () => session,
    chooseSite,
    ...(options.printer ? { printer: options.printer } : {}),
    ...(downloads ? { downloads } : {}),
    ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
    siteFolders: { data: options.dataDir, shipped: dirname(options.defaultSiteFile) },
    ...(options.chooseProfilePath ? { chooseProfilePath: options.chooseProfilePath } : {}),
  });

  let closing: Promise<void> | null = null;
  return {
    events,
    store,
    session: () => session,
    site: () => session.site,
    summary: () => summarise(session.site),
    takeDownload: (path) => downloads?.take(path),
    async request(name, input, ctx) {
      const result = await dispatch(handlers, name, input, ctx, (error) => log(`internal error in ${String(name)}: ${(error as Error).stack ?? String(error)}`));
      // records another process wrote (a `tapeops submit` from the CLI) are announced here too
      store.audit.catchUp();
      return result;
    },
    close() {
      closing ??= (async () => {
        await choosing;
        await session.close();
        store.close();
      })();
      return closing;
    },
  };
}
