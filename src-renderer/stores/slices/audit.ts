/** The latest records of the audit log, newest first, as main appends them. */
import type { StateCreator } from 'zustand';
import type { AuditEntry } from '../../../shared/api';
import type { ConsoleState } from '../console-store';

/** How many of the latest records the console holds and the Settings screen lists. */
export const AUDIT_KEPT = 20;

export interface AuditSlice {
  audit: AuditEntry[];
  /** Whether audit.recent has answered: until then `audit` holds only what was appended since start. */
  auditListed: boolean;
  auditAppended(entry: AuditEntry): void;
  auditListedAs(entries: AuditEntry[]): void;
}

/** Both lists in one, each record once, newest (highest id) first, at most AUDIT_KEPT. */
function latest(held: AuditEntry[], more: AuditEntry[]): AuditEntry[] {
  const byId = new Map<number, AuditEntry>();
  for (const entry of [...held, ...more]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, AUDIT_KEPT);
}

export const createAuditSlice: StateCreator<ConsoleState, [], [], AuditSlice> = (set) => ({
  audit: [],
  auditListed: false,
  auditAppended: (entry) => set((state) => ({ audit: latest(state.audit, [entry]) })),
  auditListedAs: (entries) => set((state) => ({ audit: latest(state.audit, entries), auditListed: true })),
});
