/** The site profile: choosing another, and following main when it loads one. */
import type { SiteProfileList, SiteSummary } from '../../shared/api';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { reloadPlans } from './day-actions';
import { listHosts, readQueues } from './host-actions';
import { listRuns } from './run-actions';
import { attempt, attemptApplied, type Outcome } from './outcome';
import { shown, type ShownError } from './shown-error';

/**
 * Main opened a session on another profile: its plans, hosts, queues and runs are others. What a
 * screen has shown is asked for again now; what none has shown yet is asked for when one opens.
 */
export async function followSite(site: SiteSummary): Promise<void> {
  const held = useConsole.getState();
  const { hostsListed, runsListed, queues } = held;
  held.siteChanged(site);
  held.hostsForgotten();
  held.runsForgotten();
  await Promise.all([
    reloadPlans(),
    hostsListed ? listHosts() : Promise.resolve(),
    runsListed ? listRuns() : Promise.resolve(),
    queues !== null ? readQueues() : Promise.resolve(),
  ]);
}

/** Loads a profile file; main then tells every console (this one too) with `site.changed`. */
export async function chooseSite(file: string): Promise<ShownError | null> {
  try {
    useConsole.getState().siteChanged(await getApi().request('site.choose', { file }));
    return null;
  } catch (error) {
    return shown(error);
  }
}

/** The profiles Settings offers: those in the data folder and those shipped with the console. */
export function listSiteProfiles(): Promise<Outcome<SiteProfileList>> {
  return attempt(() => getApi().request('site.profiles', {}));
}

/** Electron: the operating system's file dialog, then the chosen profile loaded. The site loaded, null when cancelled. */
export function chooseSiteFile(): Promise<Outcome<SiteSummary | null>> {
  return attemptApplied(
    () => getApi().request('site.chooseFile', {}),
    (site) => {
      if (site) useConsole.getState().siteChanged(site);
    },
  );
}
