/**
 * `tapeops site check FILE`: whether a profile file is usable, as lines for a terminal.
 * Problems are printed FILE:LINE:COLUMN: like a compiler, so an editor can jump to them.
 */
import { counted } from '../../shared/plural';
import { loadSiteProfile, type LocatedProblem } from './load-site-profile';

export interface SiteFileCheck {
  exitCode: 0 | 1;
  lines: string[];
}

export function checkSiteFile(file: string): SiteFileCheck {
  const result = loadSiteProfile(file);
  if (result.ok) {
    const { hosts, queues, jobs } = result.profile;
    return {
      exitCode: 0,
      lines: [`ok: ${file} — ${counted(hosts.length, 'host')}, ${counted(queues.length, 'queue')}, ${counted(jobs.length, 'job')}`],
    };
  }
  return { exitCode: 1, lines: result.located.map((p) => problemLine(file, p)) };
}

/**
 * One problem as `tapeops site check` prints it and Settings shows it: FILE:LINE:COLUMN: message,
 * like a compiler, so that the line on screen is the line an editor jumps to.
 */
export function problemLine(file: string, p: LocatedProblem): string {
  if (p.kind === 'file') return p.message;
  if (p.line === undefined) return `${file}: ${p.message}`;
  return `${file}:${p.line}:${p.column ?? 1}: ${p.message}`;
}
