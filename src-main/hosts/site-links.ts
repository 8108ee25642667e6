import type { HostView } from '../../shared/api';
import type { SiteProfile } from '../../shared/site/schema';
import type { Clock } from '../../shared/clock';
import type { Store } from '../store';
import { createHostLink } from './create-host-link';
import type { CredentialStore } from './credentials';
import type { HostKeyPins, HostLink } from './host-link';

export interface SiteLinksOptions {
  profile: SiteProfile;
  store: Store;
  credentials: CredentialStore;
  /** Where to reach each host, when not at its profile address (the embedded simulated site). */
  endpoints?: Record<string, { address: string; port: number }>;
  simulated: boolean;
  clock?: Clock;
}

/** The links to every host of the site, one HostLink each, and what the Hosts screen shows of them. */
export interface SiteLinks {
  link(host: string): HostLink | undefined;
  view(host: string): HostView | undefined;
  views(): HostView[];
  /** Keeps the password for a host in the shell's credential store (memory, or sealed by the OS in Electron). */
  setPassword(host: string, password: string, who: string): Promise<HostView>;
  /** Calls `listener` whenever a host's view changes. */
  onChange(listener: (view: HostView) => void): () => void;
  close(): void;
}

export function createSiteLinks(options: SiteLinksOptions): SiteLinks {
  const { profile, store } = options;
  const pins: HostKeyPins = {
    get: (host) => store.hostKeys.get(host),
    approve: (key, approvedBy) => store.hostKeys.approve(key, approvedBy),
  };
  const links = new Map<string, HostLink>();
  const withPassword = new Set<string>(options.simulated ? profile.hosts.map((h) => h.name) : []);
  const listeners = new Set<(view: HostView) => void>();

  for (const host of profile.hosts) {
    const endpoint = options.endpoints?.[host.name] ?? { address: host.address, port: host.port };
    const link = createHostLink({
      host: { name: host.name, address: endpoint.address, port: endpoint.port, user: options.simulated ? 'SYSTEM' : host.user },
      access: { authentication: host.authentication, legacyAlgorithms: host.legacyAlgorithms, exec: host.exec },
      pins,
      credentials: options.credentials,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    link.onState(() => {
      const current = view(host.name);
      if (current) for (const listener of listeners) listener(current);
    });
    links.set(host.name, link);
  }

  function view(name: string): HostView | undefined {
    const host = profile.hosts.find((h) => h.name === name);
    const link = links.get(name);
    if (!host || !link) return undefined;
    const pinned = store.hostKeys.get(name);
    return {
      name,
      arch: host.arch,
      roles: host.roles,
      address: link.host.address,
      port: link.host.port,
      user: link.host.user,
      simulated: options.simulated,
      hasPassword: withPassword.has(name),
      state: link.state,
      latencyMs: link.latencyMs === undefined ? null : Math.round(link.latencyMs),
      pinned: pinned ? { algorithm: pinned.algorithm, fingerprint: pinned.fingerprint, approvedBy: pinned.approvedBy, approvedAt: pinned.approvedAt } : null,
    };
  }

  return {
    link: (host) => links.get(host),
    view,
    views: () => profile.hosts.map((host) => view(host.name)).filter((v): v is HostView => v !== undefined),
    async setPassword(host, password, who) {
      if (!links.has(host)) throw new Error(`${host} is not a host of the site profile`);
      await options.credentials.set(host, { kind: 'password', password }, who);
      withPassword.add(host);
      return view(host) as HostView;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const link of links.values()) link.disconnect();
    },
  };
}
