/** The console and who is at it: what main said at start, the operator, the screen shown. */
import type { StateCreator } from 'zustand';
import type { AppInfo, Operator, SiteSummary } from '../../../shared/api';
import type { ConsoleState } from '../console-store';
import type { ShownError } from '../shown-error';

export type Screen = 'today' | 'jobs' | 'procedures' | 'labels' | 'calendar' | 'hosts' | 'queues' | 'where' | 'settings';

export interface SessionSlice {
  /** app.info's answer, with the site replaced whenever main loads another profile. */
  info: AppInfo | null;
  /** Why the console could not start (app.info failed). */
  startError: ShownError | null;
  operator: Operator | null;
  /** Who signed out of this window last, for the sign-in screen to say so; null once someone signs in. */
  signedOut: Operator | null;
  screen: Screen;
  /** Main loaded another site profile (this console chose it, or another one did). */
  siteChanged(site: SiteSummary): void;
}

export const createSessionSlice: StateCreator<ConsoleState, [], [], SessionSlice> = (set) => ({
  info: null,
  startError: null,
  operator: null,
  signedOut: null,
  screen: 'today',
  siteChanged: (site) => set((state) => (state.info ? { info: { ...state.info, site } } : {})),
});
