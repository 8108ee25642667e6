/**
 * Where things are on the simulated site, worked out once from the profile: the disks each host
 * has, the backup area, the log and procedure directories, the databases with their backup sizes,
 * the file areas (logical names such as LEASE_FILES that name a directory), the tape drive.
 *
 * Choices where the plan gives no figure (all sizes in 512-byte blocks):
 * - the databases' full backups (RBF files) together fill 80% of the backup area, shared among
 *   them by a hash of each name (so the Bill Run's consolidated savesets span several tapes);
 * - database root files live on the disk the profile's logical names lead to (PROD_09 for the
 *   plan's LEASE_FILES chain), in a directory named after the database;
 * - disks named in the plan get fixed, period-typical sizes; a system disk is `<HOST>_SYSTEM`;
 * - the backup area is the plan's "devices bound together to create one large area": a bound
 *   volume set (MOUNT/BIND) of two volumes of half the area each, named after the area's label
 *   (BACKUP_01, its second volume BACKUP_02); the plan does not say how many devices, so two.
 */
import type { SiteProfile } from '../../../shared/site/schema';
import { BLOCKS_PER_GB, gbToBlocks, pick } from './sizes';

export interface DiskPlan {
  label: string;
  /** Physical device without its colon. */
  device: string;
  kind: 'system' | 'user' | 'backup-area' | 'database';
  totalBlocks: number;
  baseUsed: number;
  model: string;
  /** The host that serves it (shown in parentheses by SHOW DEVICE). */
  servedBy: string;
  /** A bound volume set's members, the first being `device`. */
  volumeSet?: { device: string; label: string; totalBlocks: number }[];
}

export interface DatabasePlan {
  name: string;
  short: string;
  /** Root file, e.g. `DISK$PROD_09:[LEASE_DATA]LEASE_DATA.RDB`. */
  root: string;
  /** Size of a full backup (RBF) in blocks. */
  fullBlocks: number;
  /** Size of one incremental (AIJ) backup in blocks. */
  aijBlocks: number;
  /** Storage areas, for the RMU log. */
  areas: string[];
}

export interface FileArea {
  /** Logical name, e.g. LEASE_FILES. */
  logical: string;
  blocks: number;
}

export interface SpecParts {
  device: string;
  directory: string;
}

export interface SiteLayout {
  profile: SiteProfile;
  disksByHost: Map<string, DiskPlan[]>;
  backupArea: SpecParts;
  logs: SpecParts;
  procedures: SpecParts;
  proceduresAlias: SpecParts;
  databases: Map<string, DatabasePlan>;
  fileAreas: FileArea[];
  tapeDevice: string;
  tapeCapacityBlocks: number;
  /** Hosts that run jobs or hold queues. */
  jobHosts: Set<string>;
}

export function splitDirectory(spec: string): SpecParts {
  const match = /^([A-Z0-9$_]+):\[([^\]]+)\]$/.exec(spec);
  if (match === null) throw new Error(`not a directory specification: ${spec}`);
  return { device: match[1] as string, directory: match[2] as string };
}

const SYSTEM_DISK_BLOCKS = 8_380_080; // a 4 GB disk of the period
const DATA_DISK_BLOCKS = 35_565_080; // an 18 GB disk of the period
const DLT_BLOCKS_PER_GB = BLOCKS_PER_GB;

function labelOf(device: string): string | null {
  const match = /^DISK\$([A-Z0-9$_]+)$/.exec(device.replace(/:$/, ''));
  return match === null ? null : (match[1] as string);
}

/** The label of a volume set's second volume: BACKUP_01 gives BACKUP_02. */
function secondVolumeLabel(label: string): string {
  const match = /^(.*?)(\d+)$/.exec(label);
  if (match === null) return `${label}_2`.slice(0, 12);
  const digits = match[2] as string;
  return `${match[1]}${String(Number(digits) + 1).padStart(digits.length, '0')}`;
}

export function planLayout(profile: SiteProfile): SiteLayout {
  const jobHosts = new Set<string>([...profile.jobs.map((j) => j.host), ...profile.queues.map((q) => q.host), profile.drive.host]);
  const hostNames = new Set(profile.hosts.map((h) => h.name));
  const backupArea = splitDirectory(profile.directories.backupArea.path);
  const logs = splitDirectory(profile.directories.logs);
  const procedures = splitDirectory(profile.directories.procedures.path);
  const proceduresAlias = splitDirectory(profile.directories.procedures.alias);

  // physical devices the profile names through DISK$label logical names
  const physicalOf = new Map<string, string>();
  for (const logical of profile.logicalNames) {
    const label = labelOf(logical.name);
    const physical = /^_?(\$\d+\$[A-Z]{2}[A-Z]\d+|[A-Z]{2}[A-Z]\d+):$/.exec(logical.value);
    if (label !== null && physical !== null) physicalOf.set(label, physical[1] as string);
  }
  const databaseDiskLabel = [...physicalOf.keys()][0];

  const disksByHost = new Map<string, DiskPlan[]>();
  for (const host of profile.hosts) {
    const alpha = host.arch === 'Alpha';
    const prefix = alpha ? '$1$DGA' : '$1$DUA';
    const taken = new Set([...physicalOf.values()]);
    let unit = alpha ? 1 : 0;
    const nextDevice = (label: string, servedByVax = false): string => {
      const known = physicalOf.get(label);
      if (known !== undefined) return known;
      const p = servedByVax ? '$1$DUA' : prefix;
      while (taken.has(`${p}${unit}`)) unit += 1;
      const device = `${p}${unit}`;
      taken.add(device);
      unit += 1;
      return device;
    };
    const disks: DiskPlan[] = [];
    const add = (label: string, kind: DiskPlan['kind'], servedBy = host.name) => {
      if (disks.some((d) => d.label === label)) return;
      const servedByVax = profile.hosts.find((h) => h.name === servedBy)?.arch === 'VAX';
      const device = nextDevice(label, servedBy !== host.name && servedByVax);
      const totalBlocks = kind === 'backup-area' ? gbToBlocks(profile.directories.backupArea.sizeGB) : kind === 'system' ? SYSTEM_DISK_BLOCKS : DATA_DISK_BLOCKS;
      const usedPercent = kind === 'system' ? pick(`${label}:used`, 55, 78) : kind === 'backup-area' ? 0 : pick(`${label}:used`, 40, 72);
      const plan: DiskPlan = {
        label,
        device,
        kind,
        totalBlocks,
        baseUsed: Math.round((totalBlocks * usedPercent) / 100),
        model: device.includes('DUA') ? 'RF74' : 'HSG80',
        servedBy,
      };
      if (kind === 'backup-area') {
        const first = Math.round(totalBlocks / 2);
        plan.volumeSet = [
          { device, label, totalBlocks: first },
          { device: nextDevice(secondVolumeLabel(label)), label: secondVolumeLabel(label), totalBlocks: totalBlocks - first },
        ];
      }
      disks.push(plan);
    };
    add(`${host.name}_SYSTEM`, 'system');
    if (jobHosts.has(host.name)) {
      for (const spec of [procedures, logs]) {
        const label = labelOf(spec.device);
        if (label !== null) add(label, 'user');
      }
      const area = labelOf(backupArea.device);
      if (area !== null) add(area, 'backup-area');
      for (const label of physicalOf.keys()) add(label, 'database');
      for (const job of profile.jobs.filter((j) => j.host === host.name)) {
        for (const device of job.devices) {
          const other = /^([A-Z0-9]+)_SYSTEM$/.exec(device);
          if (other !== null && hostNames.has(other[1] as string)) add(device, 'system', other[1] as string);
          else add(device, 'user');
        }
      }
    }
    disksByHost.set(host.name, disks);
  }

  // databases: the full backups share 80% of the backup area
  const areaBlocks = gbToBlocks(profile.directories.backupArea.sizeGB);
  const weights = profile.databases.map((db) => pick(`${db.name}:size`, 20, 100));
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const databases = new Map<string, DatabasePlan>();
  profile.databases.forEach((db, i) => {
    const fullBlocks = Math.round((areaBlocks * 0.8 * (weights[i] ?? 1)) / totalWeight / 1000) * 1000 + pick(`${db.name}:odd`, 1, 999);
    const dir = db.name.replace(/\$/g, '_');
    const disk = databaseDiskLabel === undefined ? backupArea.device : `DISK$${databaseDiskLabel}`;
    databases.set(db.name, {
      name: db.name,
      short: db.short,
      root: `${disk}:[${dir}]${dir}.RDB`,
      fullBlocks,
      aijBlocks: Math.round(fullBlocks / pick(`${db.name}:aij`, 40, 90)),
      areas: ['RDB$SYSTEM', ...Array.from({ length: pick(`${db.name}:areas`, 1, 4) }, (_, k) => `${dir}_AREA_${k + 1}`)],
    });
  });

  const fileAreas: FileArea[] = profile.logicalNames
    .filter((logical) => /:\[[^\]]+\]$/.test(logical.value))
    .map((logical) => ({ logical: logical.name, blocks: pick(`${logical.name}:blocks`, 1_500_000, 4_000_000) }));

  return {
    profile,
    disksByHost,
    backupArea,
    logs,
    procedures,
    proceduresAlias,
    databases,
    fileAreas,
    tapeDevice: profile.drive.device,
    // a compressed capacity assumes 2:1; backup files compress about 1.5:1, so a tape holds 3/4 of it
    tapeCapacityBlocks: Math.round(profile.drive.capacityGB * (profile.drive.compressed ? 0.75 : 1) * DLT_BLOCKS_PER_GB),
    jobHosts,
  };
}

/** The rooted logical name behind the procedures' alias (USER_ROOT = DISK$MENTAT:[USER_DIR.]), when the alias is one. */
export function aliasRoot(layout: SiteLayout): { name: string; value: string } | null {
  const { procedures, proceduresAlias } = layout;
  if (proceduresAlias.device === procedures.device) return null;
  if (!procedures.directory.endsWith(proceduresAlias.directory)) return null;
  const root = procedures.directory.slice(0, procedures.directory.length - proceduresAlias.directory.length);
  if (root !== '' && !root.endsWith('.')) return null;
  return { name: proceduresAlias.device, value: `${procedures.device}:[${root === '' ? '000000.' : root}]` };
}
