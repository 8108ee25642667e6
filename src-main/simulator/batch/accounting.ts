/**
 * The trailer OpenVMS writes at the end of every batch job log: who, when, and the accounting
 * figures (two columns; counts right-aligned, CPU and elapsed time as delta times). The figures
 * are made up steadily from the job's elapsed time.
 */
import { vmsDateTime, vmsDelta } from '../time/vms-time';
import { pick } from '../host/sizes';

function row(left: string, leftValue: string, leftWidth: number, right: string, rightValue: string): string {
  const first = `  ${left}${leftValue.padStart(leftWidth - 2 - left.length)}`;
  return `${first.padEnd(43)}${right}${rightValue.padStart(76 - 43 - right.length)}`;
}

export function accountingTrailer(username: string, started: Date, ended: Date, mountedVolumes: number, key: string): string[] {
  const elapsed = ended.getTime() - started.getTime();
  const minutes = Math.max(1, Math.round(elapsed / 60000));
  const cpu = Math.round(elapsed * (pick(`${key}:cpu`, 3, 12) / 100));
  return [
    `  ${username.padEnd(12)} job terminated at ${vmsDateTime(ended)}`,
    '',
    '  Accounting information:',
    row('Buffered I/O count:', String(400 + minutes * pick(`${key}:bio`, 20, 60)), 37, 'Peak working set size:', String(pick(`${key}:ws`, 4000, 24000))),
    row('Direct I/O count:', String(200 + minutes * pick(`${key}:dio`, 200, 900)), 37, 'Peak page file size:', String(pick(`${key}:pf`, 150000, 420000))),
    row('Page faults:', String(900 + minutes * pick(`${key}:pfl`, 5, 30)), 37, 'Mounted volumes:', String(mountedVolumes)),
    row('Charged CPU time:', vmsDelta(cpu), 39, 'Elapsed time:', vmsDelta(elapsed)),
  ];
}
