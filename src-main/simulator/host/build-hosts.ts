/**
 * Builds every simulated host from the site profile and the layout: disks, the logical names
 * (MOUNT's DISK$label names, the profile's own chain, the procedures' rooted alias, a few system
 * names), the users (the system manager and the batch user) and the files that are there at start:
 * the command procedures (several versions each), earlier logs, the previous Bill Run's backup
 * files in the backup area, the file areas' files.
 */
import type { SiteProfile } from '../../../shared/site/schema';
import { Disk } from '../files/volumes';
import { BATCH_USER_PRIVILEGES, HostState, SYSTEM_MANAGER_PRIVILEGES } from './host-state';
import { aliasRoot, type SiteLayout } from './site-layout';
import { pick } from './sizes';
import { procedureText } from '../batch/procedure-text';

const DAY = 24 * 3600 * 1000;

/** The batch user's login directory: the log directory, where its jobs' logs go by default. */
export function loginOf(layout: SiteLayout, username: string): { device: string; directory: string } {
  if (username === layout.profile.batchUser) return layout.logs;
  return { device: 'SYS$SYSROOT', directory: 'SYSMGR' };
}

export function buildHosts(layout: SiteLayout, start: Date): Map<string, HostState> {
  const { profile } = layout;
  const hosts = new Map<string, HostState>();
  for (const hostProfile of profile.hosts) {
    const plans = layout.disksByHost.get(hostProfile.name) ?? [];
    const created = new Date(start.getTime() - 3 * 365 * DAY);
    const disks = plans.map(
      (plan) =>
        new Disk({
          device: plan.device,
          label: plan.label,
          kind: plan.kind,
          totalBlocks: plan.totalBlocks,
          baseUsed: plan.baseUsed,
          model: plan.model,
          created,
          node: plan.servedBy,
          ...(plan.volumeSet === undefined ? {} : { volumeSet: plan.volumeSet }),
        }),
    );
    const version = /(\d+\.\d+(?:-\d+)?)/.exec(hostProfile.os)?.[1] ?? '7.2-1';
    const host = new HostState(hostProfile.name, hostProfile.arch, `V${version}`, disks, new Date(start.getTime() - pick(hostProfile.name, 20, 90) * DAY));
    defineLogicals(host, layout);
    defineUsers(host, layout);
    if (layout.jobHosts.has(host.name)) createFiles(host, layout, start);
    hosts.set(host.name, host);
  }
  return hosts;
}

/**
 * The system table as the host's startup leaves it. Access modes as the system sets them: MOUNT
 * defines DISK$label in executive mode, concealed and terminal, to the physical device with its
 * leading underscore; the startup procedures' SYS$ names are executive mode; the site's own
 * names (DEFINE/SYSTEM in SYSTARTUP) are supervisor mode, and a concealed one is not terminal, so
 * SHOW LOGICAL follows it on (RDB1$DISK00 -> DISK$PROD_09), as the plan shows.
 */
function defineLogicals(host: HostState, layout: SiteLayout): void {
  const systemDisk = host.disks.find((d) => d.options.kind === 'system' && d.options.node === host.name);
  const mounted = new Set<string>();
  for (const disk of host.disks) {
    // MOUNT/SYSTEM defines DISK$label for each volume, and MOUNT/BIND DISK$set for a volume set (its root volume)
    host.system.define(`DISK$${disk.label}`, `_${disk.device}:`, { concealed: true, terminal: true, mode: 'exec' });
    mounted.add(`DISK$${disk.label}`);
  }
  if (systemDisk !== undefined) {
    host.system.define('SYS$SYSDEVICE', `_${systemDisk.device}:`, { mode: 'exec' });
    host.system.define('SYS$SYSROOT', `_${systemDisk.device}:[SYS0.]`, { concealed: true, terminal: true, mode: 'exec' });
    host.system.define('SYS$MANAGER', 'SYS$SYSROOT:[SYSMGR]', { mode: 'exec' });
    host.system.define('SYS$SYSTEM', 'SYS$SYSROOT:[SYSEXE]', { mode: 'exec' });
    host.system.define('SYS$NODE', `${host.name}::`, { mode: 'exec' });
  }
  if (layout.jobHosts.has(host.name)) {
    for (const logical of layout.profile.logicalNames) {
      // a DISK$label name the profile quotes is MOUNT's: its mode and attributes, the plan's value
      // (the plan shows "DISK$PROD_09" = "$1$DGA15:", without the underscore MOUNT usually gives)
      if (mounted.has(logical.name.toUpperCase())) {
        host.system.define(logical.name, logical.value, { concealed: true, terminal: true, mode: 'exec' });
        continue;
      }
      host.system.define(logical.name, logical.value, { concealed: logical.concealed });
    }
    const root = aliasRoot(layout);
    if (root !== null) host.system.define(root.name, root.value, { concealed: true });
  }
}

function defineUsers(host: HostState, layout: SiteLayout): void {
  const { profile } = layout;
  const back = profile.directories.procedures.symbol;
  const symbols: Record<string, string> = {};
  if (back !== undefined) symbols[back] = `SET DEFAULT ${profile.directories.procedures.path}`;
  const manager = { uic: '[SYSTEM]', login: loginOf(layout, 'SYSTEM'), symbols, privileges: SYSTEM_MANAGER_PRIVILEGES };
  host.users.set('SYSTEM', { username: 'SYSTEM', ...manager });
  // the account the console logs in with is "system manager (or any account with system manager privileges)"
  for (const hostProfile of profile.hosts.filter((h) => h.name === host.name && h.user !== 'SYSTEM')) {
    host.users.set(hostProfile.user, { username: hostProfile.user, ...manager });
  }
  host.users.set(profile.batchUser, {
    username: profile.batchUser,
    uic: `[${profile.batchUser.slice(0, 12)}]`,
    login: loginOf(layout, profile.batchUser),
    symbols: {},
    privileges: BATCH_USER_PRIVILEGES,
  });
}

function diskOf(host: HostState, device: string): Disk | undefined {
  const label = /^DISK\$(.+)$/.exec(device)?.[1];
  return label === undefined ? undefined : host.diskByLabel(label);
}

function createFiles(host: HostState, layout: SiteLayout, start: Date): void {
  const { profile } = layout;
  const owner = `[${profile.batchUser}]`;
  const at = (daysAgo: number, key: string) => new Date(start.getTime() - daysAgo * DAY - pick(key, 0, 36_000_000));

  // the command procedures, a few versions each
  const proceduresDisk = diskOf(host, layout.procedures.device);
  const procedures = proceduresDisk?.ensureDirectory(layout.procedures.directory, at(900, 'dir'));
  const systemLogin = host.diskByLabel(`${host.name}_SYSTEM`)?.ensureDirectory('SYS0.SYSMGR', at(1000, 'sysmgr'));
  for (const job of profile.jobs.filter((j) => j.host === host.name)) {
    const match = /([A-Z0-9$_]+)\.COM$/.exec(job.procedure);
    if (match === null) continue;
    const target = job.procedure.startsWith('SYS$LOGIN:') ? systemLogin : procedures;
    if (target === undefined) continue;
    const versions = pick(`${job.name}:versions`, 2, 9);
    const text = procedureText(layout, job);
    for (let v = 1; v <= versions; v += 1) {
      const when = at(60 * (versions - v) + 30, `${job.name}:${v}`);
      target.add({
        name: match[1] as string,
        type: 'COM',
        version: v,
        blocks: Math.max(1, Math.ceil(text.join('\n').length / 512)) + (v < versions ? pick(`${job.name}:${v}:b`, 0, 2) : 0),
        created: when,
        modified: when,
        owner: '[SYSTEM]',
        records: text,
        openForWrite: false,
      });
    }
  }
  // adhoc procedures by the profile's naming convention (RMU_BACKUP_<short>_DATA.COM)
  const pattern = profile.adhocBackups?.jobPattern;
  if (pattern !== undefined && procedures !== undefined) {
    for (const db of profile.databases) {
      const name = pattern.replace('{short}', db.short);
      if (procedures.highest(name, 'COM') !== undefined) continue;
      const when = at(pick(name, 200, 700), name);
      procedures.add({
        name,
        type: 'COM',
        version: pick(`${name}:v`, 1, 4),
        blocks: 3,
        created: when,
        modified: when,
        owner: '[SYSTEM]',
        records: [`$! ${name}.COM`, `$ EXIT`],
        openForWrite: false,
      });
    }
  }

  // earlier logs; and the files the plan quotes as found open by BACKUP (from the known errors)
  const logsDisk = diskOf(host, layout.logs.device);
  const logs = logsDisk?.ensureDirectory(layout.logs.directory, at(900, 'logs'));
  if (logs !== undefined) {
    for (const job of profile.jobs.filter((j) => j.host === host.name && j.when !== 'adhoc' && !j.procedure.startsWith('SYS$LOGIN:'))) {
      const count = pick(`${job.name}:logs`, 2, 4);
      const base = pick(`${job.name}:logv`, 40, 400);
      for (let k = count; k >= 1; k -= 1) {
        const when = at(k * 5, `${job.name}:log:${k}`);
        logs.add({
          name: job.name,
          type: 'LOG',
          version: base + (count - k),
          blocks: pick(`${job.name}:${k}:lb`, 4, 60),
          created: when,
          modified: new Date(when.getTime() + pick(`${job.name}:${k}:dur`, 600_000, 14_400_000)),
          owner,
          records: [`$! log of an earlier run of ${job.name}`],
          openForWrite: false,
        });
      }
    }
    for (const example of profile.knownErrors.flatMap((e) => e.examples ?? [])) {
      const open = /, [A-Z0-9$_]+:\[([^\]]+)\]([A-Z0-9$_]+)\.([A-Z0-9$_]+);(\d+) is open for write/.exec(example);
      if (open === null) continue;
      const [, directory, name, type, version] = open as unknown as [string, string, string, string, string];
      const dir = logsDisk?.ensureDirectory(directory, at(900, 'open'));
      dir?.add({ name, type, version: Number(version), blocks: 12, created: at(0.2, name), modified: at(0.01, name), owner, records: ['...'], openForWrite: false });
    }
  }

  // the file areas (LEASE_FILES): domain files
  for (const area of layout.fileAreas) {
    const logical = profile.logicalNames.find((l) => l.name === area.logical);
    if (logical === undefined) continue;
    const location = host.resolve([], { device: 'SYS$SYSDEVICE', directory: '000000' }, `${area.logical}:`);
    const dir = location.disk.ensureDirectory(location.directory, at(1500, area.logical));
    const count = pick(`${area.logical}:count`, 18, 40);
    for (let i = 0; i < count; i += 1) {
      const when = at(pick(`${area.logical}:${i}`, 0, 400), `${area.logical}:${i}:t`);
      dir.add({
        name: `${area.logical.split('_')[0]}_DOMAIN_${String(i + 1).padStart(2, '0')}`,
        type: i % 7 === 6 ? 'IDX' : 'DAT',
        version: 1,
        blocks: Math.round(area.blocks / count),
        created: when,
        modified: when,
        owner,
        records: null,
        openForWrite: false,
      });
    }
  }

  // the backup area with the previous Bill Run's files
  const areaDisk = diskOf(host, layout.backupArea.device);
  const area = areaDisk?.ensureDirectory(layout.backupArea.directory, at(1200, 'area'));
  if (area !== undefined) {
    for (const db of layout.databases.values()) {
      const when = at(pick(`${db.name}:prev`, 2, 5), `${db.name}:prevt`);
      area.add({
        name: `${db.short}_DATA_BACKUP`,
        type: 'RBF',
        blocks: db.fullBlocks,
        created: when,
        modified: when,
        owner,
        records: null,
        openForWrite: false,
        version: pick(`${db.name}:rbfv`, 20, 140),
      });
    }
    for (const db of aijDatabases(layout)) {
      const plan = layout.databases.get(db);
      if (plan === undefined) continue;
      const base = pick(`${db}:aijv`, 300, 900);
      for (let k = 0; k < 3; k += 1) {
        const when = at(1 - k * 0.2, `${db}:aij:${k}`);
        area.add({
          name: `${plan.short}_DATA_BACKUP`,
          type: 'AIJ',
          version: base + k,
          blocks: plan.aijBlocks,
          created: when,
          modified: when,
          owner,
          records: null,
          openForWrite: false,
        });
      }
    }
    for (const fileArea of layout.fileAreas) {
      const when = at(3, `${fileArea.logical}:bck`);
      area.add({
        name: `${fileArea.logical}_BACKUP`,
        type: 'BCK',
        version: pick(`${fileArea.logical}:bckv`, 20, 90),
        blocks: fileArea.blocks,
        created: when,
        modified: when,
        owner,
        records: null,
        openForWrite: false,
      });
      const inc = at(1, `${fileArea.logical}:inc`);
      area.add({
        name: `${fileArea.logical}_BACKUP`,
        type: 'INC',
        version: pick(`${fileArea.logical}:incv`, 100, 400),
        blocks: Math.round(fileArea.blocks / 30),
        created: inc,
        modified: inc,
        owner,
        records: null,
        openForWrite: false,
      });
    }
  }
}

/** Databases whose incremental (AIJ) backups the plan collects: those of a saveset named AIJ.*. */
export function aijDatabases(layout: SiteLayout): string[] {
  const names = new Set<string>();
  for (const job of layout.profile.jobs) for (const saveset of job.savesets) if (saveset.name.startsWith('AIJ.')) for (const db of saveset.databases ?? []) names.add(db);
  return [...names];
}

export type { SiteProfile };
