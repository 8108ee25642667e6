/** The console itself, the operator's sign-in, the choice of site profile and the audit log. */
import { createWriteStream } from 'node:fs';
import { localDate } from '../../../shared/clock';
import type { commonRequests, SiteSummary } from '../../../shared/api';
import { auditCsv, writeAuditCsv } from '../../reports/audit-csv';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../../../shared/errors';
import { listedProfileOrThrow, listSiteProfiles, summarise } from '../site-loading';
import { rethrowStoreError, signedIn, type HandlerDeps } from './context';

/** Loads a profile for an operator; a profile refused for what it holds is written to the audit log with its problems. */
async function chooseAudited(deps: HandlerDeps, file: string, who: string): Promise<SiteSummary> {
  try {
    return await deps.chooseSite(file, who);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'invalid-site-profile') {
      const details = error.details as { file: string; problems: string[] };
      deps.store.audit.append({ who, action: 'site.profile-refused', subject: details.file, details: { problems: details.problems } });
    }
    throw error;
  }
}

export function commonHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof commonRequests> {
  return {
    'app.info': () => {
      const session = deps.session();
      return { version: deps.version, shell: deps.shell, today: localDate(deps.clock.now()), site: summarise(session.site), simulated: session.simulator !== undefined };
    },
    'session.signIn': ({ initials, name }, ctx) => {
      try {
        const operator = deps.store.operators.signIn(initials, name);
        ctx.operator = operator.initials;
        return { initials: operator.initials, name: operator.name };
      } catch (error) {
        rethrowStoreError(error);
      }
    },
    'session.signOut': (_input, ctx) => {
      const initials = signedIn(ctx);
      deps.store.operators.signOut(initials);
      ctx.operator = null;
      const known = deps.store.operators.get(initials);
      return { initials, name: known?.name ?? null };
    },
    'site.choose': async ({ file }, ctx) => {
      const who = signedIn(ctx);
      const chosen = await listedProfileOrThrow(file, deps.siteFolders);
      return chooseAudited(deps, chosen, who);
    },
    'site.profiles': async (_input, ctx) => {
      signedIn(ctx);
      return { folders: deps.siteFolders, profiles: await listSiteProfiles(deps.siteFolders) };
    },
    'site.chooseFile': async (_input, ctx) => {
      const who = signedIn(ctx);
      if (deps.chooseProfilePath === undefined) {
        throw new ApiFailure('no-file-dialog', 'This console has no file dialog: choose one of the listed profiles.');
      }
      const file = await deps.chooseProfilePath();
      return file === null ? null : chooseAudited(deps, file, who);
    },
    'audit.recent': ({ limit, beforeId }) => deps.store.audit.list(beforeId === undefined ? { limit } : { limit, beforeId }),
    'audit.csv': async (_input, ctx) => {
      signedIn(ctx);
      const fileName = `tapeops-audit-${localDate(deps.clock.now())}.csv`;
      if (deps.downloads !== undefined) {
        return { fileName, download: deps.downloads.offer({ fileName, mime: 'text/csv; charset=utf-8', write: (out) => writeAuditCsv(deps.store, out) }) };
      }
      if (deps.chooseSavePath === undefined) return { fileName, content: auditCsv(deps.store) };
      const path = await deps.chooseSavePath(fileName);
      if (path !== null) await writeAuditCsv(deps.store, createWriteStream(path));
      return { fileName, savedTo: path };
    },
  };
}
