/**
 * One simulated OpenVMS host: its disks, logical name tables, users and (on the drive's host) the
 * tape loader. Built from the site profile by ./build-hosts.
 */
import { LogicalNameSpace, LogicalTable } from '../files/logical-names';
import { resolveSpec, type DefaultDirectory, type ResolveContext, type ResolvedSpec } from '../files/resolve';
import type { Disk } from '../files/volumes';
import type { TapeDrive } from '../drive/tape-drive';

export interface HostUser {
  username: string;
  uic: string;
  /** Login directory as SYS$LOGIN gives it. */
  login: DefaultDirectory;
  /** DCL symbols defined at login (the system manager's BACK symbol, ...). */
  symbols: Record<string, string>;
  /** The process privileges the account is authorized (UAF), upper case: CMKRNL, OPER, ... */
  privileges: ReadonlySet<string>;
}

/** What a system manager account holds: every privilege the simulated commands ask about. */
export const SYSTEM_MANAGER_PRIVILEGES: ReadonlySet<string> = new Set(['CMKRNL', 'CMEXEC', 'SYSNAM', 'SYSPRV', 'OPER', 'VOLPRO', 'BYPASS', 'SETPRV', 'TMPMBX', 'NETMBX']);

/** What a batch account holds: the two every user has, nothing that can act as another user. */
export const BATCH_USER_PRIVILEGES: ReadonlySet<string> = new Set(['TMPMBX', 'NETMBX']);

export class HostState {
  readonly system = new LogicalTable('LNM$SYSTEM_TABLE');
  readonly group = new LogicalTable('LNM$GROUP_000001');
  readonly users = new Map<string, HostUser>();
  drive: TapeDrive | undefined;
  private pidCounter: number;

  constructor(
    readonly name: string,
    readonly arch: 'VAX' | 'Alpha',
    /** `V7.2-1`. */
    readonly version: string,
    readonly disks: Disk[],
    readonly bootedAt: Date,
  ) {
    this.pidCounter = 0x20200100 + (name.charCodeAt(name.length - 1) % 16) * 0x1000;
  }

  /** A new process identification, as SHOW PROCESS and accounting show it. */
  nextPid(): string {
    this.pidCounter += 0x13;
    return this.pidCounter.toString(16).toUpperCase().padStart(8, '0');
  }

  /** The logical name search order of a process: its own tables first, then group and system. */
  logicals(processTables: LogicalTable[]): LogicalNameSpace {
    return new LogicalNameSpace([...processTables, this.group, this.system]);
  }

  resolveContext(processTables: LogicalTable[], defaults: DefaultDirectory): ResolveContext {
    return { logicals: this.logicals(processTables), disks: this.disks, defaults };
  }

  resolve(processTables: LogicalTable[], defaults: DefaultDirectory, spec: string): ResolvedSpec {
    return resolveSpec(this.resolveContext(processTables, defaults), spec);
  }

  /** The process-level tables a new process of this user starts with (SYS$LOGIN and friends). */
  processTables(username: string, pid: string): LogicalTable[] {
    const user = this.users.get(username);
    const process = new LogicalTable('LNM$PROCESS_TABLE');
    const job = new LogicalTable(`LNM$JOB_${pid.slice(0, 8)}`);
    if (user !== undefined) {
      const login = `${user.login.device}:[${user.login.directory}]`;
      job.define('SYS$LOGIN', login, { mode: 'exec' });
      job.define('SYS$LOGIN_DEVICE', `${user.login.device}:`, { mode: 'exec' });
      job.define('SYS$SCRATCH', login, { mode: 'exec' });
    }
    return [process, job];
  }

  diskByLabel(label: string): Disk | undefined {
    return this.disks.find((disk) => disk.label === label);
  }
}
