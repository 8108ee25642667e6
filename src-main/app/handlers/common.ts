/** The console itself, the operator's sign-in, the choice of site profile and the audit log. */
import { createWriteStream } from 'node:fs';
import { localDate } from '../../../shared/clock';
import type { commonRequests } from '../../../shared/api';
import { auditCsv, writeAuditCsv } from '../../reports/audit-csv';
import type { Handlers } from '../dispatch';
import { summarise } from '../site-loading';
import { rethrowStoreError, signedIn, type HandlerDeps } from './context';

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
    'site.choose': ({ file }, ctx) => deps.chooseSite(file, signedIn(ctx)),
    'audit.recent': ({ limit }) => deps.store.audit.list({ limit }),
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
