import type { AppInfo, SiteSummary } from '../../shared/api';
import { localDate, systemClock, type Clock } from '../../shared/clock';
import type { ApiResult } from '../../shared/errors';
import type { SiteProfile } from '../../shared/site/schema';
import { openStore, type AuditRecord, type Store } from '../store';
import { dispatch, type RequestContext } from './dispatch';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { loadSiteOrThrow, SITE_FILE_SETTING } from './site-loading';
import type { SiteLinks } from './site-links';
import type { FaultControl } from '../simulator/faults/fault-control';
import type { LabelPrinter } from './label-printer';
import type { TapeDrive } from '../simulator/drive/tape-drive';
import { createProcedureRuns } from '../machines/procedure-runs';

export interface ServicesOptions {
  shell: AppInfo['shell'];
  version: string;
  /** The SQLite file of the console's own state, in the user data folder. */
  storeFile: string;
  /** The profile named on the command line (`--site FILE`); it wins over the Settings choice. */
  siteFile?: string;
  /** The profile shipped with the console, used when nothing else is chosen. */
  defaultSiteFile: string;
  clock?: Clock;
  log?: (message: string) => void;
  /** Builds the links to the site's hosts once the profile is known; none when absent. */
  links?: (site: LoadedSite, store: Store) => SiteLinks;
  /** The faults of the console's own simulated site, when it runs one. */
  faults?: FaultControl;
  /** Printing, in Electron. */
  printer?: LabelPrinter;
  /** The drive of the console's own simulated site. */
  simulatedDrive?: () => TapeDrive | undefined;
}

export interface LoadedSite {
  file: string;
  profile: SiteProfile;
}

/** The main-process services both shells run: built once from a site profile and a Clock. */
export interface Services {
  request(name: unknown, input: unknown, ctx: RequestContext): Promise<ApiResult<unknown>>;
  readonly events: EventBus;
  readonly store: Store;
  site(): LoadedSite;
  summary(): SiteSummary;
  readonly links: SiteLinks | undefined;
  close(): void;
}

function chooseStartingSite(options: ServicesOptions, store: Store, log: (message: string) => void): LoadedSite {
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

export function createServices(options: ServicesOptions): Services {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((message: string) => console.error(message));
  const store = openStore(options.storeFile, { now: () => clock.now() });
  const events = new EventBus();
  let site: LoadedSite;
  try {
    site = chooseStartingSite(options, store, log);
  } catch (error) {
    store.close();
    throw error;
  }
  let lastAuditId = store.audit.list({ limit: 1 })[0]?.id ?? 0;
  const links = options.links?.(site, store);
  links?.onChange((view) => events.emit('hosts.changed', view));

  const procedures = createProcedureRuns({
    store,
    clock,
    profile: () => site.profile,
    links,
    onChange: (view) => events.emit('procedures.changed', view),
    log,
  });

  const handlers = createHandlers({
    procedures,
    clock,
    store,
    shell: options.shell,
    version: options.version,
    site: () => site,
    summary: () => summarise(site),
    replaceSite: (next) => {
      site = next;
      events.emit('site.changed', summarise(site));
    },
    ...(links ? { links } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.simulatedDrive ? { simulatedDrive: options.simulatedDrive } : {}),
  });

  // Whatever a request appended to the audit log goes out to every open console, oldest first.
  function publishNewAudit(): void {
    const fresh: AuditRecord[] = [];
    for (let page = store.audit.list({ afterId: lastAuditId, limit: 500 }); page.length > 0; ) {
      fresh.push(...page);
      const oldest = page[page.length - 1] as AuditRecord;
      page = page.length < 500 ? [] : store.audit.list({ afterId: lastAuditId, beforeId: oldest.id, limit: 500 });
    }
    for (const record of fresh.reverse()) {
      lastAuditId = record.id;
      events.emit('audit.appended', record);
    }
  }

  return {
    events,
    store,
    site: () => site,
    summary: () => summarise(site),
    async request(name, input, ctx) {
      const result = await dispatch(handlers, name, input, ctx, (error) => log(`internal error in ${String(name)}: ${(error as Error).stack ?? String(error)}`));
      publishNewAudit();
      return result;
    },
    links,
    close: () => {
      procedures.close();
      links?.close();
      store.close();
    },
  };
}

export function summarise({ file, profile }: LoadedSite): SiteSummary {
  return {
    name: profile.site.name,
    organisation: profile.site.organisation,
    plan: profile.site.plan,
    revision: profile.site.revision,
    file,
    hosts: profile.hosts.map((host) => ({ name: host.name, arch: host.arch, roles: host.roles })),
    logicalNames: profile.logicalNames.map((logical) => logical.name),
    drive: { model: profile.drive.model, host: profile.drive.host, slots: profile.drive.slots, media: profile.drive.media },
  };
}

