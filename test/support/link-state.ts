import type { HostLink } from '../../src-main/hosts/host-link';
import type { HostLinkState } from '../../src-main/hosts/link-state';

/** Resolves when the link reaches `kind` (at once if it is there), or rejects after `timeoutMs` saying where it is. */
export function waitForState(link: HostLink, kind: HostLinkState['kind'], timeoutMs: number): Promise<HostLinkState> {
  return new Promise((resolve, reject) => {
    if (link.state.kind === kind) return resolve(link.state);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the link did not become ${kind} within ${timeoutMs} ms; it is ${JSON.stringify(link.state)}`));
    }, timeoutMs);
    const stop = link.onState((state) => {
      if (state.kind === kind) {
        clearTimeout(timer);
        stop();
        resolve(state);
      }
    });
  });
}
