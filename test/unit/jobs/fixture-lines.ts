/** A log fixture of this folder as numbered lines, without its `#!` source lines. */
import { readFileSync } from 'node:fs';
import { numberedLines, type NumberedLine } from '../../../shared/jobs/job-progress';

export const WRAPPED_FIXTURE = 'rmu-backup-data-80-columns.txt';

export function fixtureLines(name: string): NumberedLine[] {
  const raw = readFileSync(new URL(name, import.meta.url), 'utf8');
  return numberedLines(
    raw
      .split('\n')
      .filter((line) => !line.startsWith('#!'))
      .join('\n'),
  );
}
