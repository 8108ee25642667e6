/**
 * SHOW SYSTEM [/BATCH]: the processes of the host, each executing batch job a BATCH_nnn process
 * of the user it runs as, marked B.
 *
 * Layout from a published SHOW SYSTEM capture of OpenVMS V7.1 (the header line, then Pid in
 * columns 0-7, the process name in a 15-column field from 9, State from 25, Pri ending at 34, I/O
 * at 43, CPU at 59, Page flts at 69, Pages at 76) and the DCL Dictionary's SHOW SYSTEM, which
 * marks batch processes with B after the Pages column.
 */
import type { CommandDef } from '../command-table';
import { has } from '../command-table';
import type { DclProcess } from '../process';
import { pick } from '../../host/sizes';
import { vmsDateTime, vmsDelta } from '../../time/vms-time';

export const SHOW_SYSTEM_HEADER = '  Pid    Process Name    State  Pri      I/O       CPU       Page flts  Pages';

interface Row {
  pid: string;
  name: string;
  state: string;
  priority: number;
  mark: '' | 'B';
  /** Seed of the made-up figures. */
  key: string;
  /** How long it has run, for figures that grow with it. */
  minutes: number;
}

/** The resident processes every OpenVMS Alpha system of the era runs. */
const SYSTEM_PROCESSES: readonly [string, string, number][] = [
  ['SWAPPER', 'HIB', 16],
  ['CLUSTER_SERVER', 'HIB', 12],
  ['CONFIGURE', 'HIB', 10],
  ['LANACP', 'HIB', 12],
  ['IPCACP', 'HIB', 10],
  ['ERRFMT', 'HIB', 9],
  ['OPCOM', 'LEF', 8],
  ['AUDIT_SERVER', 'HIB', 10],
  ['JOB_CONTROL', 'HIB', 10],
  ['QUEUE_MANAGER', 'HIB', 10],
  ['SECURITY_SERVER', 'HIB', 10],
  ['TCPIP$INETACP', 'HIB', 10],
  ['TCPIP$SSH_BG1', 'LEF', 6],
];

function line(row: Row): string {
  const io = 20 + row.minutes * pick(`${row.key}:io`, 1, 60);
  const cpu = row.minutes * pick(`${row.key}:cpu`, 10, 900);
  const faults = 100 + row.minutes * pick(`${row.key}:pf`, 1, 40);
  const pages = pick(`${row.key}:pages`, 120, 4000);
  const text =
    `${row.pid} ${row.name.padEnd(15)} ${row.state.padEnd(5)}${String(row.priority).padStart(5)}` +
    `${String(io).padStart(9)}${vmsDelta(cpu).padStart(16)}${String(faults).padStart(10)}${String(pages).padStart(7)}`;
  return row.mark === '' ? text : `${text}  ${row.mark}`;
}

export const SHOW_SYSTEM: CommandDef<DclProcess> = {
  name: 'SYSTEM',
  maxParameters: 0,
  qualifiers: [{ name: 'BATCH' }, { name: 'FULL' }],
  run(process, command) {
    const host = process.host;
    const now = process.site.now();
    const upMinutes = (at: Date) => Math.max(1, Math.round((now.getTime() - at.getTime()) / 60_000));
    // the resident processes started first, at boot: the lowest process indexes of the system
    const base = parseInt(process.pid, 16) & 0xffff0000;
    const rows: Row[] = [];
    if (!has(command, 'BATCH')) {
      SYSTEM_PROCESSES.forEach(([name, state, priority], i) => {
        const pid = (base + 0x101 + i).toString(16).toUpperCase().padStart(8, '0');
        rows.push({ pid, name, state, priority, mark: '', key: `${host.name}:${name}`, minutes: upMinutes(host.bootedAt) });
      });
    }
    for (const batch of process.site.queues(host.name)?.processes() ?? []) {
      rows.push({ pid: batch.pid, name: batch.name, state: 'LEF', priority: 4, mark: 'B', key: `${host.name}:${batch.name}`, minutes: upMinutes(batch.startedAt) });
    }
    const uptime = vmsDelta(now.getTime() - host.bootedAt.getTime()).replace(/\.\d\d$/, '');
    return [`OpenVMS ${host.version}  on node ${host.name}  ${vmsDateTime(now, { pad: true })}  Uptime  ${uptime}`, SHOW_SYSTEM_HEADER, ...rows.map(line)];
  },
};
