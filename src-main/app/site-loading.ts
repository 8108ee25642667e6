import { resolve } from 'node:path';
import { ApiFailure } from '../../shared/errors';
import { loadSiteProfile } from '../site/load-site-profile';
import type { LoadedSite } from './services';

/** The Settings key under which the operator's choice of profile is kept. */
export const SITE_FILE_SETTING = 'site.file';

/** Loads and validates a profile; an unusable one is refused with every problem listed by its path. */
export function loadSiteOrThrow(file: string): LoadedSite {
  const absolute = resolve(file);
  const loaded = loadSiteProfile(absolute);
  if (!loaded.ok) {
    const count = loaded.problems.length;
    throw new ApiFailure(
      'invalid-site-profile',
      `The site profile ${absolute} was refused: ${count === 1 ? loaded.problems[0] : `${count} problems`}`,
      { file: absolute, problems: loaded.problems },
    );
  }
  return { file: absolute, profile: loaded.profile };
}
