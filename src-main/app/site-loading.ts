import { resolve } from 'node:path';
import type { SiteSummary } from '../../shared/api';
import { ApiFailure } from '../../shared/errors';
import type { SiteProfile } from '../../shared/site/schema';
import { loadSiteProfile, readSiteProfile, type SiteProfileLoad } from '../site/load-site-profile';

/** The Settings key under which the operator's choice of profile is kept. */
export const SITE_FILE_SETTING = 'site.file';

/** A profile as loaded: the file it came from and what it holds. */
export interface LoadedSite {
  file: string;
  profile: SiteProfile;
}

/** A profile as loaded, or the refusal with every problem listed by its path. */
function loadedOrThrow(absolute: string, loaded: SiteProfileLoad): LoadedSite {
  if (!loaded.ok) {
    const count = loaded.problems.length;
    throw new ApiFailure('invalid-site-profile', `The site profile ${absolute} was refused: ${count === 1 ? loaded.problems[0] : `${count} problems`}`, {
      file: absolute,
      problems: loaded.problems,
    });
  }
  return { file: absolute, profile: loaded.profile };
}

/** Loads and validates a profile at start-up; an unusable one is refused with every problem listed by its path. */
export function loadSiteOrThrow(file: string): LoadedSite {
  const absolute = resolve(file);
  return loadedOrThrow(absolute, loadSiteProfile(absolute));
}

/**
 * The same for a path an operator typed (Settings): read asynchronously, regular files under a
 * size cap only, so a FIFO, a device or a huge file cannot stop the console for everyone.
 */
export async function readSiteOrThrow(file: string): Promise<LoadedSite> {
  const absolute = resolve(file);
  return loadedOrThrow(absolute, await readSiteProfile(absolute));
}

/** What the screens show of a loaded profile. */
export function summarise({ file, profile }: LoadedSite): SiteSummary {
  return {
    name: profile.site.name,
    organisation: profile.site.organisation,
    plan: profile.site.plan,
    revision: profile.site.revision,
    file,
    hosts: profile.hosts.map((host) => ({ name: host.name, arch: host.arch, roles: host.roles })),
    logicalNames: profile.logicalNames.map((logical) => logical.name),
    drive: { model: profile.drive.model, host: profile.drive.host, slots: profile.drive.slots, media: profile.drive.media },
  };
}
