/** What every feature's handlers are given, and the checks they share. */
import type { AppInfo, SiteSummary } from '../../../shared/api';
import type { Clock } from '../../../shared/clock';
import { ApiFailure } from '../../../shared/errors';
import { isStoreError, type Store } from '../../store';
import type { RequestContext } from '../dispatch';
import type { LabelPrinter } from '../../labels/label-printer';
import type { Downloads } from '../downloads';
import type { SiteFolders } from '../site-loading';
import type { SiteSession } from '../site-session';

export interface HandlerDeps {
  clock: Clock;
  store: Store;
  shell: AppInfo['shell'];
  version: string;
  /** The site session open now: its profile, links, runs and (when simulated) site. */
  session(): SiteSession;
  /** Loads another profile and opens the site session on it; answers the new site. */
  chooseSite(file: string, who: string): Promise<SiteSummary>;
  /** Electron's printing; absent in the browser shell, whose renderer prints with the browser. */
  printer?: LabelPrinter;
  /** The browser shell's streamed downloads; absent in Electron. */
  downloads?: Downloads;
  /** Electron's save dialog: the path the operator chose for a file, or null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Where Settings lists profiles from; site.choose takes no other file. */
  siteFolders: SiteFolders;
  /** Electron's open dialog for a profile file: the chosen path, or null when cancelled. */
  chooseProfilePath?: () => Promise<string | null>;
}

export function signedIn(ctx: RequestContext): string {
  if (!ctx.operator) throw new ApiFailure('not-signed-in', 'Sign in with your initials first.');
  return ctx.operator;
}

/** Store errors the operator caused (bad initials, say) are shown as they are; the rest are internal. */
export function rethrowStoreError(error: unknown): never {
  if (isStoreError(error, 'invalid-initials')) throw new ApiFailure(error.code, error.message);
  throw error;
}
