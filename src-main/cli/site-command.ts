import { checkSiteFile } from '../site/check-site-file';

export function runSiteCheck(file: string): { exitCode: number; lines: string[] } {
  return checkSiteFile(file);
}
