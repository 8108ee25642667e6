/**
 * Disks with their directories and versioned files. Sizes are in 512-byte blocks, as OpenVMS
 * counts them; most of a disk's use is a fixed `baseUsed` (files the simulation does not list),
 * and the files it does list (procedures, logs, backup files) add to it.
 */
export interface VmsFile {
  name: string;
  type: string;
  version: number;
  /** Blocks used. */
  blocks: number;
  created: Date;
  modified: Date;
  owner: string;
  /** Text content (records), or null for binary files (RBF, savesets). */
  records: string[] | null;
  /** Open for write by another process (a log being written, a file a user holds open). */
  openForWrite: boolean;
}

export type DiskKind = 'system' | 'user' | 'backup-area' | 'database';

export class Directory {
  readonly files: VmsFile[] = [];
  constructor(
    readonly path: string,
    readonly created: Date,
  ) {}

  versionsOf(name: string, type: string): VmsFile[] {
    return this.files.filter((f) => f.name === name && f.type === type).sort((a, b) => b.version - a.version);
  }

  highest(name: string, type: string): VmsFile | undefined {
    return this.versionsOf(name, type)[0];
  }

  /** Adds a new version (one above the highest, or the one asked for). */
  add(file: Omit<VmsFile, 'version'> & { version?: number }): VmsFile {
    const version = file.version ?? (this.highest(file.name, file.type)?.version ?? 0) + 1;
    const created: VmsFile = { ...file, version };
    this.files.push(created);
    return created;
  }

  remove(file: VmsFile): void {
    const index = this.files.indexOf(file);
    if (index >= 0) this.files.splice(index, 1);
  }

  /** Files in DIRECTORY order: by name, then type, then version from the highest. */
  sorted(): VmsFile[] {
    return [...this.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : b.version - a.version));
  }
}

/**
 * One volume of a bound volume set (MOUNT/BIND): its own device, label and size. The set is one
 * Disk to the files on it; SHOW DEVICE lists each member with its relative volume number.
 */
export interface VolumeSetMember {
  device: string;
  label: string;
  totalBlocks: number;
}

export interface DiskOptions {
  /** Physical device name without its colon, e.g. `$1$DGA15`. */
  device: string;
  label: string;
  kind: DiskKind;
  totalBlocks: number;
  baseUsed: number;
  /** Device type shown by SHOW DEVICE/FULL (e.g. `HSG80`). */
  model: string;
  created: Date;
  /** The node the disk is served from, shown in parentheses by SHOW DEVICE. */
  node: string;
  /** A bound volume set: its members in relative volume order, the first being `device`. */
  volumeSet?: VolumeSetMember[];
}

/** A member as SHOW DEVICE shows it: its relative volume number (0 for a volume in no set) and free blocks. */
export interface VolumeView {
  device: string;
  label: string;
  totalBlocks: number;
  freeBlocks: number;
  relativeVolume: number;
}

export class Disk {
  readonly directories = new Map<string, Directory>();
  errorCount = 0;
  operations: number;
  /** Extra blocks held by a fault (the backup area filled up). */
  heldBlocks = 0;

  constructor(readonly options: DiskOptions) {
    this.directories.set('000000', new Directory('000000', options.created));
    this.operations = Math.floor(options.totalBlocks / 977) % 900000;
  }

  get device(): string {
    return this.options.device;
  }
  get label(): string {
    return this.options.label;
  }

  usedBlocks(): number {
    let used = this.options.baseUsed + this.heldBlocks;
    for (const directory of this.directories.values()) for (const file of directory.files) used += file.blocks;
    return used;
  }

  freeBlocks(): number {
    return Math.max(0, this.options.totalBlocks - this.usedBlocks());
  }

  /** The devices of the disk: itself, or each member of its volume set. */
  deviceNames(): string[] {
    return this.options.volumeSet?.map((member) => member.device) ?? [this.device];
  }

  /**
   * The volumes SHOW DEVICE lists: the disk itself, or each member of its volume set. A set's
   * used blocks are shared among its members in proportion to their size (the file system
   * allocates across the set), so the members' free blocks add up to the set's.
   */
  volumes(): VolumeView[] {
    const set = this.options.volumeSet;
    if (set === undefined || set.length === 0) {
      return [{ device: this.device, label: this.label, totalBlocks: this.options.totalBlocks, freeBlocks: this.freeBlocks(), relativeVolume: 0 }];
    }
    const total = set.reduce((sum, member) => sum + member.totalBlocks, 0);
    let free = this.freeBlocks();
    return set.map((member, i) => {
      const share = i === set.length - 1 ? free : Math.min(free, Math.round((this.freeBlocks() * member.totalBlocks) / total));
      free -= share;
      return { device: member.device, label: member.label, totalBlocks: member.totalBlocks, freeBlocks: share, relativeVolume: i + 1 };
    });
  }

  directory(path: string): Directory | undefined {
    return this.directories.get(path);
  }

  /** The directory, created with its parents when missing. */
  ensureDirectory(path: string, at: Date): Directory {
    const parts = path.split('.');
    let current: Directory | undefined;
    for (let i = 1; i <= parts.length; i += 1) {
      const sub = parts.slice(0, i).join('.');
      current = this.directories.get(sub);
      if (current === undefined) {
        current = new Directory(sub, at);
        this.directories.set(sub, current);
      }
    }
    return current as Directory;
  }
}
