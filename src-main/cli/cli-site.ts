import { defaultSiteFile } from '../app/paths';
import { loadSiteOrThrow } from '../app/site-loading';
import { ApiFailure } from '../../shared/errors';
import type { LoadedSite } from '../app/site-loading';

/** The profile a CLI command works from: `--site FILE`, or the one shipped with the console. */
export function loadCliSite(file: string | undefined): LoadedSite {
  try {
    return loadSiteOrThrow(file ?? defaultSiteFile);
  } catch (error) {
    if (error instanceof ApiFailure) {
      const problems = (error.details as { problems: string[] }).problems;
      throw new Error(problems.length === 1 ? error.message : `${error.message}:\n  ${problems.join('\n  ')}`);
    }
    throw error;
  }
}
