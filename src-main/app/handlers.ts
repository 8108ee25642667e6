import { localDate, type Clock } from '../../shared/clock';
import { ApiFailure } from '../../shared/errors';
import { planDay } from '../../shared/calendar/day-plan';
import { monthCalendar } from '../../shared/calendar/month';
import type { AppInfo, SiteSummary } from '../../shared/api';
import { calendarIcs } from '../reports/calendar-ics';
import { auditCsv } from '../reports/audit-csv';
import { isStoreError, type Store } from '../store';
import type { Handlers, RequestContext } from './dispatch';
import type { LoadedSite } from './services';
import { loadSiteOrThrow, SITE_FILE_SETTING } from './site-loading';
import type { SiteLinks } from './site-links';
import type { FaultControl } from '../simulator/faults/fault-control';
import { applyFault } from '../simulator/faults/apply-fault';
import { chooseStock, labelFile, labelStocks, previewLabels, printLabels } from './label-handlers';
import type { LabelPrinter } from './label-printer';
import type { OperatorAction, ProcedureRuns } from '../machines/procedure-runs';
import type { TapeDrive } from '../simulator/drive/tape-drive';
import { workSimulatedDrive } from './simulated-drive';
import { approveHostKey, connectHost, disconnectHost, resolveLogical, setHostPassword, showQueues } from './host-handlers';

export interface HandlerDeps {
  clock: Clock;
  store: Store;
  shell: AppInfo['shell'];
  version: string;
  site(): LoadedSite;
  summary(): SiteSummary;
  replaceSite(next: LoadedSite): void;
  /** The links to the hosts; absent when the console runs without them (some tests). */
  links?: SiteLinks;
  /** The faults of the console's own simulated site; absent when it talks to real hosts. */
  faults?: FaultControl;
  /** Electron's printing; absent in the browser shell, whose renderer prints with the browser. */
  printer?: LabelPrinter;
  procedures: ProcedureRuns;
  /** The drive of the console's own simulated site, worked by hand from the screen (demo, tests). */
  simulatedDrive?: () => TapeDrive | undefined;
}

function signedIn(ctx: RequestContext): string {
  if (!ctx.operator) throw new ApiFailure('not-signed-in', 'Sign in with your initials first.');
  return ctx.operator;
}

/** Store errors the operator caused (bad initials, say) are shown as they are; the rest are internal. */
function rethrowStoreError(error: unknown): never {
  if (isStoreError(error, 'invalid-initials')) throw new ApiFailure(error.code, error.message);
  throw error;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const labels = { profile: () => deps.site().profile, store: deps.store, ...(deps.printer ? { printer: deps.printer } : {}) };
  return {
    'app.info': () => ({ version: deps.version, shell: deps.shell, today: localDate(deps.clock.now()), site: deps.summary(), simulated: deps.faults !== undefined }),

    'session.signIn': ({ initials, name }, ctx) => {
      try {
        const operator = deps.store.operators.signIn(initials, name);
        ctx.operator = operator.initials;
        return { initials: operator.initials, name: operator.name };
      } catch (error) {
        rethrowStoreError(error);
      }
    },

    'day.plan': ({ date }) => planDay(deps.site().profile, date),

    'calendar.month': ({ month }) => monthCalendar(deps.site().profile, month),

    'calendar.ics': ({ month, months }) => {
      const { profile } = deps.site();
      const slug = profile.site.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'site';
      return { fileName: `${slug}-backup-calendar-${month}.ics`, content: calendarIcs(profile, month, months) };
    },

    'site.choose': ({ file }, ctx) => {
      const who = signedIn(ctx);
      const next = loadSiteOrThrow(file);
      deps.store.settings.set(SITE_FILE_SETTING, next.file, who);
      deps.replaceSite(next);
      return deps.summary();
    },

    'audit.recent': ({ limit }) => deps.store.audit.list({ limit }),
    'audit.csv': (_input, ctx) => {
      signedIn(ctx);
      return { fileName: `tapeops-audit-${localDate(deps.clock.now())}.csv`, content: auditCsv(deps.store) };
    },

    'hosts.list': () => deps.links?.views() ?? [],
    'hosts.connect': ({ host }, ctx) => {
      signedIn(ctx);
      return connectHost(deps.links, host);
    },
    'hosts.disconnect': ({ host }, ctx) => {
      signedIn(ctx);
      return disconnectHost(deps.links, host);
    },
    'hosts.approveKey': ({ host, fingerprint }, ctx) => approveHostKey(deps.links, host, fingerprint, signedIn(ctx)),
    'hosts.setPassword': async ({ host, password }, ctx) => {
      const who = signedIn(ctx);
      const view = await setHostPassword(deps.links, host, password, who);
      deps.store.audit.append({ who, action: 'host.password-entered', subject: host });
      return view;
    },
    'queues.show': () => showQueues(deps.site().profile, deps.links, () => deps.clock.now()),
    'logical.resolve': ({ name, host }) => resolveLogical(deps.site().profile, deps.links, name, host),
    'simulator.fault': (request, ctx) => {
      const who = signedIn(ctx);
      if (!deps.faults) throw new ApiFailure('not-simulated', 'The console is connected to real hosts: faults exist only on its simulated site.');
      let active: string[];
      try {
        active = applyFault(deps.faults, request);
      } catch (error) {
        throw new ApiFailure('invalid-input', (error as Error).message);
      }
      deps.store.audit.append({ who, action: 'simulator.fault', subject: request.fault, details: request });
      return { active };
    },
    'labels.stocks': () => labelStocks(deps.store, deps.site().profile),
    'labels.chooseStock': ({ use, stockId }, ctx) => chooseStock(deps.store, deps.site().profile, use, stockId, signedIn(ctx)),
    'labels.preview': ({ selection, stockId }) => previewLabels(labels, selection, stockId),
    'labels.file': ({ selection, stockId, format }) => labelFile(labels, selection, stockId, format),
    'labels.print': (request, ctx) => printLabels(labels, request, signedIn(ctx)),
    'labels.printers': async () => (deps.printer ? deps.printer.printers() : []),
    'simulator.drive': (request, ctx) => workSimulatedDrive(deps.simulatedDrive?.(), request, signedIn(ctx), deps.store),
    'procedures.list': () => ({ choices: deps.procedures.choices(), runs: deps.procedures.list() }),
    'procedures.start': ({ procedureId, date, job }, ctx) => deps.procedures.start(procedureId, date, signedIn(ctx), job),
    'procedures.act': ({ runId, action, reason, slot, code }, ctx) => {
      const request: OperatorAction =
        action === 'skip' || action === 'abandon'
          ? { action, reason: reason ?? '' }
          : action === 'scan'
            ? { action, slot: slot ?? 0, code: code ?? null }
            : { action };
      return deps.procedures.act(runId, request, signedIn(ctx));
    },
  };
}
