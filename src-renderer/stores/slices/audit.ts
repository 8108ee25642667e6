/** The audit log as the console holds it: the latest records, newest first, as main appends them, and the older pages asked for. */
import type { StateCreator } from 'zustand';
import type { AuditEntry } from '../../../shared/api';
import type { ConsoleState } from '../console-store';

/** How many of the latest records the console holds and the Settings screen lists, and how many each older page adds. */
export const AUDIT_KEPT = 20;

export interface AuditSlice {
  audit: AuditEntry[];
  /** Whether audit.recent has answered: until then `audit` holds only what was appended since start. */
  auditListed: boolean;
  /** Older pages were asked for: from then on nothing is trimmed, so that no record falls between the pages. */
  auditPaged: boolean;
  /** The oldest record is held: there is no older page. */
  auditComplete: boolean;
  auditAppended(entry: AuditEntry): void;
  auditListedAs(entries: AuditEntry[]): void;
  /** One older page; `last` when main had no more. */
  auditOlderPage(entries: AuditEntry[], last: boolean): void;
}

/** Both lists in one, each record once, newest (highest id) first; at most AUDIT_KEPT unless older pages are held. */
function merged(held: AuditEntry[], more: AuditEntry[], trim: boolean): { audit: AuditEntry[]; dropped: boolean } {
  const byId = new Map<number, AuditEntry>();
  for (const entry of [...held, ...more]) byId.set(entry.id, entry);
  const sorted = [...byId.values()].sort((a, b) => b.id - a.id);
  return trim && sorted.length > AUDIT_KEPT ? { audit: sorted.slice(0, AUDIT_KEPT), dropped: true } : { audit: sorted, dropped: false };
}

export const createAuditSlice: StateCreator<ConsoleState, [], [], AuditSlice> = (set) => ({
  audit: [],
  auditListed: false,
  auditPaged: false,
  auditComplete: false,
  auditAppended: (entry) =>
    set((state) => {
      const { audit, dropped } = merged(state.audit, [entry], !state.auditPaged);
      // a record trimmed off the end is an older page to ask for again
      return { audit, auditComplete: state.auditComplete && !dropped };
    }),
  auditListedAs: (entries) =>
    set((state) => {
      const { audit, dropped } = merged(state.audit, entries, !state.auditPaged);
      return { audit, auditListed: true, auditComplete: entries.length < AUDIT_KEPT && !dropped };
    }),
  auditOlderPage: (entries, last) => set((state) => ({ audit: merged(state.audit, entries, false).audit, auditPaged: true, auditComplete: last })),
});
