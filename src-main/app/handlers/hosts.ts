/** The links to the hosts, the queues main watches, and where a logical name leads. */
import type { hostRequests, HostView } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { isHostLinkError, type SiteLinks } from '../../hosts';
import { linkTo, resolveLogical } from '../../host-queries';
import type { Handlers } from '../dispatch';
import { signedIn, type HandlerDeps } from './context';

function viewOf(links: SiteLinks, host: string): HostView {
  return links.view(host) as HostView;
}

export function hostHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof hostRequests> {
  const links = () => deps.session().links;
  return {
    'hosts.list': () => links()?.views() ?? [],
    'hosts.connect': async ({ host }, ctx) => {
      signedIn(ctx);
      const link = linkTo(links(), host);
      // the outcome (connected, key to approve, refused) is in the state the view carries
      await link.connect().catch(() => undefined);
      return viewOf(links() as SiteLinks, host);
    },
    'hosts.disconnect': ({ host }, ctx) => {
      signedIn(ctx);
      linkTo(links(), host).disconnect();
      return viewOf(links() as SiteLinks, host);
    },
    'hosts.approveKey': async ({ host, fingerprint }, ctx) => {
      const who = signedIn(ctx);
      const link = linkTo(links(), host);
      try {
        await link.approveHostKey(fingerprint, who);
      } catch (error) {
        if (isHostLinkError(error)) throw new ApiFailure(`link-${error.code}`, error.message);
        throw error;
      }
      return viewOf(links() as SiteLinks, host);
    },
    'hosts.setPassword': async ({ host, password }, ctx) => {
      const who = signedIn(ctx);
      const site = links();
      const link = linkTo(site, host);
      if (site?.view(host)?.simulated) {
        throw new ApiFailure('simulated-host', `${host} is on the console's simulated site: its password is made by the console at every start.`);
      }
      let view: HostView;
      try {
        view = await (site as SiteLinks).setPassword(link.host.name, password, who);
      } catch (error) {
        // the message of a refused store never holds the password; say why it was not kept
        throw new ApiFailure('credential-not-kept', `The password for ${host} was not kept: ${(error as Error).message}`);
      }
      deps.store.audit.append({ who, action: 'host.password-entered', subject: host });
      return view;
    },
    'queues.show': () => deps.session().queues.refresh(),
    'logical.resolve': ({ name, host }) => {
      const { site, links: siteLinks } = deps.session();
      return resolveLogical(linkTo(siteLinks, host ?? site.profile.drive.host), name);
    },
  };
}
