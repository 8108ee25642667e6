/**
 * The renderer's one store, in slices (zustand's slices pattern): each slice holds one part of
 * what main has told and the rule by which newer news replaces it. Actions live at module level
 * (./*-actions.ts) and main's events are applied by ./console-events.ts, outside React, so that
 * nothing pushed while a screen is closed is lost. Screens read one field at a time.
 */
import { create } from 'zustand';
import { createAuditSlice, type AuditSlice } from './slices/audit';
import { createDaySlice, type DaySlice } from './slices/day';
import { createHostsSlice, type HostsSlice } from './slices/hosts';
import { createJobsSlice, type JobsSlice } from './slices/jobs';
import { createRunsSlice, type RunsSlice } from './slices/runs';
import { createSessionSlice, type SessionSlice } from './slices/session';

export type { Screen } from './slices/session';

export type ConsoleState = SessionSlice & DaySlice & HostsSlice & RunsSlice & AuditSlice & JobsSlice;

export const useConsole = create<ConsoleState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createDaySlice(...a),
  ...createHostsSlice(...a),
  ...createRunsSlice(...a),
  ...createAuditSlice(...a),
  ...createJobsSlice(...a),
}));
