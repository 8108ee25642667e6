/**
 * The trailer OpenVMS writes at the end of every batch job log: who, when, and the accounting
 * figures in two columns, counts right-aligned, CPU and elapsed time as delta times. The figures
 * are made up steadily from the job's elapsed time.
 *
 * Two layouts, as LOGINOUT prints them (see test/fixtures/vms/batch-log/header-and-trailer-alpha.txt):
 * - Alpha: the published Alpha capture (OpenVMS Alpha V8.4 startup log; no V7.2 Alpha capture was
 *   found, and the Alpha layout with "Peak virtual size" is the one every Alpha capture shows):
 *   left values end at column 40, right labels start at column 46, right values end at column 79;
 *   the second row is "Peak virtual size" (in pagelets).
 * - VAX: the published OpenVMS VAX V7.3 captures: left values end at 37 (the CPU time at 43),
 *   right labels at 46, right values end at 76 (the elapsed time at 77); the second row is
 *   "Peak page file size".
 * The date after "job terminated at" is padded to its full width, as $ASCTIM writes it.
 */
import { vmsDateTime, vmsDelta } from '../time/vms-time';
import { pick } from '../host/sizes';

export type Architecture = 'Alpha' | 'VAX';

interface Columns {
  /** Column (0-based, exclusive) where left values end. */
  leftEnd: number;
  cpuEnd: number;
  rightLabel: number;
  rightEnd: number;
  elapsedEnd: number;
}

const LAYOUT: Record<Architecture, Columns> = {
  Alpha: { leftEnd: 40, cpuEnd: 40, rightLabel: 46, rightEnd: 79, elapsedEnd: 79 },
  VAX: { leftEnd: 37, cpuEnd: 43, rightLabel: 46, rightEnd: 76, elapsedEnd: 77 },
};

function row(left: string, leftValue: string, leftEnd: number, right: string, rightValue: string, rightEnd: number, columns: Columns): string {
  const first = `  ${left}`.padEnd(leftEnd - leftValue.length) + leftValue;
  const second = right.padEnd(rightEnd - columns.rightLabel - rightValue.length) + rightValue;
  return `${first.padEnd(columns.rightLabel)}${second}`;
}

/** `  USERNAME     job terminated at  3-AUG-2010 07:01:00.43` */
export function terminatedLine(username: string, at: Date): string {
  return `  ${username.padEnd(12)} job terminated at ${vmsDateTime(at, { pad: true })}`;
}

/** The one line LOGOUT writes for an interactive process: `  USERNAME     logged out at  3-AUG-2010 ...`. */
export function loggedOutLine(username: string, at: Date): string {
  return `  ${username.padEnd(12)} logged out at ${vmsDateTime(at, { pad: true })}`;
}

export function accountingTrailer(username: string, started: Date, ended: Date, mountedVolumes: number, key: string, arch: Architecture = 'Alpha'): string[] {
  const columns = LAYOUT[arch];
  const elapsed = ended.getTime() - started.getTime();
  const minutes = Math.max(1, Math.round(elapsed / 60000));
  const cpu = Math.round(elapsed * (pick(`${key}:cpu`, 3, 12) / 100));
  // Alpha counts memory in 512-byte pagelets, VAX in 512-byte pages of a smaller process
  const workingSet = arch === 'Alpha' ? pick(`${key}:ws`, 4000, 24000) : pick(`${key}:ws`, 600, 4000);
  const secondRow: [string, number] =
    arch === 'Alpha' ? ['Peak virtual size:', pick(`${key}:pf`, 170000, 420000)] : ['Peak page file size:', pick(`${key}:pf`, 2500, 40000)];
  const count = (label: string, value: number, right: string, rightValue: string) =>
    row(label, String(value), columns.leftEnd, right, rightValue, columns.rightEnd, columns);
  return [
    terminatedLine(username, ended),
    '',
    '  Accounting information:',
    count('Buffered I/O count:', 400 + minutes * pick(`${key}:bio`, 20, 60), 'Peak working set size:', String(workingSet)),
    count('Direct I/O count:', 200 + minutes * pick(`${key}:dio`, 200, 900), secondRow[0], String(secondRow[1])),
    count('Page faults:', 900 + minutes * pick(`${key}:pfl`, 5, 30), 'Mounted volumes:', String(mountedVolumes)),
    row('Charged CPU time:', vmsDelta(cpu), columns.cpuEnd, 'Elapsed time:', vmsDelta(elapsed), columns.elapsedEnd, columns),
  ];
}
