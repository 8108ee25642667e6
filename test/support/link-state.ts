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

/**
 * A first connection as the operator makes it: the link stops at the host key, and the key shown
 * is approved. `context` adds to the error when the link does not stop there (a server's log).
 */
export async function connectApprovingKey(link: HostLink, who = 'JS', context: () => string = () => ''): Promise<void> {
  await link.connect().catch(() => undefined);
  const state = link.state;
  if (state.kind !== 'awaiting-host-key-approval') throw new Error(`expected a key to approve, got ${JSON.stringify(state)}\n${context()}`);
  await link.approveHostKey(state.offered.fingerprint, who);
}
