import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { SiteProfileChoice, SiteSummary } from '../../shared/api';
import { ApiFailure } from '../../shared/errors';
import type { SiteProfile } from '../../shared/site/schema';
import { problemLine } from '../site/check-site-file';
import { loadSiteProfile, readSiteProfile, type LocatedProblem, type SiteProfileLoad } from '../site/load-site-profile';

/** The Settings key under which the operator's choice of profile is kept. */
export const SITE_FILE_SETTING = 'site.file';

/** A profile as loaded: the file it came from and what it holds. */
export interface LoadedSite {
  file: string;
  profile: SiteProfile;
}

/** The one problem of a refusal in the message's words: where it is, then what. */
function placed(p: LocatedProblem): string {
  return p.line === undefined ? p.message : `line ${p.line}, column ${p.column ?? 1}: ${p.message}`;
}

/** A profile as loaded, or the refusal with every problem listed by its file, line and column. */
function loadedOrThrow(absolute: string, loaded: SiteProfileLoad): LoadedSite {
  if (!loaded.ok) {
    const count = loaded.located.length;
    const only = loaded.located[0];
    throw new ApiFailure('invalid-site-profile', `The site profile ${absolute} was refused: ${count === 1 && only ? placed(only) : `${count} problems`}`, {
      file: absolute,
      problems: loaded.located.map((p) => problemLine(absolute, p)),
    });
  }
  return { file: absolute, profile: loaded.profile };
}

/** Where Settings looks for profiles: the console's data folder and the folder of the shipped ones. */
export interface SiteFolders {
  data: string;
  shipped: string;
}

const PROFILE_NAME = /\.ya?ml$/i;

async function profilesIn(folder: string, kind: SiteProfileChoice['folder']): Promise<SiteProfileChoice[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // a data folder without profiles yet, or a shipped folder left out of a build: nothing to list
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && PROFILE_NAME.test(entry.name))
    .map((entry) => ({ file: join(folder, entry.name), name: entry.name, folder: kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The profile files an operator may load from Settings: the data folder's first, then the shipped ones. */
export async function listSiteProfiles(folders: SiteFolders): Promise<SiteProfileChoice[]> {
  const [data, shipped] = await Promise.all([profilesIn(resolve(folders.data), 'data'), profilesIn(resolve(folders.shipped), 'shipped')]);
  return [...data, ...shipped];
}

/**
 * A path from the page, taken only when it is one of the listed profiles: the browser shell's
 * page may be any tab on the workstation, and a free path would let it read any file.
 */
export async function listedProfileOrThrow(file: string, folders: SiteFolders): Promise<string> {
  const absolute = resolve(file);
  const listed = await listSiteProfiles(folders);
  if (!listed.some((choice) => choice.file === absolute)) {
    throw new ApiFailure(
      'unlisted-site-profile',
      `${basename(absolute)} is not one of the profiles Settings lists: put the file in ${resolve(folders.data)} and choose it from the list.`,
    );
  }
  return absolute;
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
