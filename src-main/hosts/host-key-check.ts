import type { OfferedHostKey } from './host-link-error';

/** A host key the operator approved, as the link needs it. */
export interface PinnedHostKey extends OfferedHostKey {
  host: string;
  address: string;
  port: number;
  /** Initials of the operator who approved it. */
  approvedBy: string;
  approvedAt: string;
}

export type HostKeyVerdict =
  | { kind: 'match'; pinned: PinnedHostKey }
  | { kind: 'unknown'; offered: OfferedHostKey; message: string }
  | { kind: 'changed'; pinned: PinnedHostKey; offered: OfferedHostKey; message: string };

/**
 * Compares the key a host offers with the pinned one. An unknown key waits for the operator; a
 * changed key is refused, and the message says what was pinned, what was offered and what to do,
 * because an operator at the tape rack must be able to act on it without a manual.
 */
export function verifyHostKey(host: string, pinned: PinnedHostKey | undefined, offered: OfferedHostKey): HostKeyVerdict {
  if (pinned === undefined) {
    return {
      kind: 'unknown',
      offered,
      message:
        `${host} is not known yet. It offered the ${offered.algorithm} key ${offered.fingerprint}. ` +
        `Compare this fingerprint with the one ${host}'s system manager reads on the host, then approve it on the Hosts screen.`,
    };
  }
  if (pinned.algorithm === offered.algorithm && pinned.fingerprint === offered.fingerprint) return { kind: 'match', pinned };
  return {
    kind: 'changed',
    pinned,
    offered,
    message:
      `Connection to ${host} refused: its host key has changed. ` +
      `Pinned: ${pinned.algorithm} ${pinned.fingerprint} (approved by ${pinned.approvedBy} on ${pinned.approvedAt.slice(0, 10)}). ` +
      `Offered now: ${offered.algorithm} ${offered.fingerprint}. ` +
      `If ${host}'s SSH key was regenerated on purpose, ask its system manager for the new fingerprint, compare it, ` +
      `and approve the new key on the Hosts screen. Otherwise do not connect: someone may be intercepting the connection.`,
  };
}
