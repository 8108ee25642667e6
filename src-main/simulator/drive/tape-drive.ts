/**
 * A DLT loader with a magazine of slots (the plan's TZ887 with its 7-slot magazine), as the
 * operator and the host see it.
 *
 * Operator side: Eject opens the door (a loaded tape goes back to its slot first), the magazine
 * comes out, tapes go in and out of its slots on the work table, the magazine goes back, the door
 * closes, Load loads the top tape. Host side: the loader loads "the next available tape regardless
 * of the slot it occupies" when a tape is unloaded during a BACKUP that spans volumes, and a job can
 * ask for the n-th tape of the magazine through the loader's medium changer.
 */
export interface SavesetOnTape {
  name: string;
  /** Volume number of this piece within the saveset. */
  volume: number;
  blocks: number;
  written: Date;
}

export interface TapeCartridge {
  /** What the paper label on the cartridge says: a Bill Run code (`100803P`) or `DAILY 3`. */
  code: string;
  /** The magnetic volume label written by INITIALIZE (at most 6 characters), or null for a blank tape. */
  volumeLabel: string | null;
  writeProtected: boolean;
  capacityBlocks: number;
  usedBlocks: number;
  savesets: SavesetOnTape[];
  initializedAt: Date | null;
}

export type DriveRefusal =
  'door-closed' | 'door-open' | 'magazine-in-drive' | 'magazine-out' | 'slot-empty' | 'slot-taken' | 'no-such-slot' | 'tape-in-use' | 'tape-loaded' | 'no-tape';

export class DriveError extends Error {
  constructor(
    readonly reason: DriveRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface MountState {
  foreign: boolean;
  /** Owner of the mount (process or batch job name), for SHOW DEVICE/FULL. */
  owner: string;
}

export class TapeDrive {
  readonly slots: (TapeCartridge | null)[];
  magazineInDrive = true;
  doorOpen = false;
  /** Index of the slot whose tape is in the drive, or null. */
  loadedSlot: number | null = null;
  mount: MountState | null = null;
  /** Set by a fault: the drive answers "medium is offline". */
  offline = false;
  errorCount = 0;
  operations = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly model: string,
    /** Physical device name with its colon, e.g. `$1$MKA500:`. */
    readonly device: string,
    slotCount: number,
    readonly capacityBlocks: number,
  ) {
    this.slots = Array.from({ length: slotCount }, () => null);
  }

  /** Called after every change, for a console that shows the drive. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  blankTape(code: string, options: { volumeLabel?: string | null; writeProtected?: boolean } = {}): TapeCartridge {
    return {
      code,
      volumeLabel: options.volumeLabel ?? null,
      writeProtected: options.writeProtected ?? false,
      capacityBlocks: this.capacityBlocks,
      usedBlocks: 0,
      savesets: [],
      initializedAt: null,
    };
  }

  loaded(): TapeCartridge | null {
    return this.loadedSlot === null ? null : (this.slots[this.loadedSlot] ?? null);
  }

  // --- the operator at the rack ---

  /** The Eject button: the loaded tape goes back to its slot and the door opens. */
  pressEject(): void {
    if (this.mount !== null) throw new DriveError('tape-in-use', 'the tape in the drive is mounted by the host; it must be dismounted first');
    this.loadedSlot = null;
    this.doorOpen = true;
    this.changed();
  }

  removeMagazine(): void {
    if (!this.doorOpen) throw new DriveError('door-closed', 'open the door first (Eject)');
    if (!this.magazineInDrive) throw new DriveError('magazine-out', 'the magazine is already out of the drive');
    this.magazineInDrive = false;
    this.changed();
  }

  insertTape(slot: number, tape: TapeCartridge): void {
    this.checkOnTable(slot);
    if (this.slots[slot - 1] !== null) throw new DriveError('slot-taken', `slot ${slot} already holds a tape`);
    this.slots[slot - 1] = tape;
    this.changed();
  }

  removeTape(slot: number): TapeCartridge {
    this.checkOnTable(slot);
    const tape = this.slots[slot - 1];
    if (tape === null || tape === undefined) throw new DriveError('slot-empty', `slot ${slot} is empty`);
    this.slots[slot - 1] = null;
    this.changed();
    return tape;
  }

  insertMagazine(): void {
    if (!this.doorOpen) throw new DriveError('door-closed', 'open the door first (Eject)');
    if (this.magazineInDrive) throw new DriveError('magazine-in-drive', 'the magazine is already in the drive');
    this.magazineInDrive = true;
    this.changed();
  }

  closeDoor(): void {
    if (!this.magazineInDrive) throw new DriveError('magazine-out', 'put the magazine back before closing the door');
    this.doorOpen = false;
    this.changed();
  }

  /** The Load button: loads the top tape of the magazine. */
  pressLoad(): TapeCartridge {
    if (this.doorOpen) throw new DriveError('door-open', 'close the door first');
    if (!this.magazineInDrive) throw new DriveError('magazine-out', 'the magazine is not in the drive');
    if (this.loadedSlot !== null) throw new DriveError('tape-loaded', 'a tape is already loaded');
    const top = this.slots.findIndex((tape) => tape !== null);
    if (top < 0) throw new DriveError('no-tape', 'the magazine holds no tape');
    this.loadedSlot = top;
    this.changed();
    return this.slots[top] as TapeCartridge;
  }

  private checkOnTable(slot: number): void {
    if (!Number.isInteger(slot) || slot < 1 || slot > this.slots.length) throw new DriveError('no-such-slot', `the magazine has slots 1 to ${this.slots.length}`);
    if (this.magazineInDrive) throw new DriveError('magazine-in-drive', 'take the magazine out of the drive first');
  }

  // --- the host ---

  /** Can the host use the drive? (door closed, magazine in, a tape loaded, not offline) */
  ready(): boolean {
    return !this.offline && !this.doorOpen && this.magazineInDrive && this.loaded() !== null;
  }

  /** Unloads the tape and loads the next available one after its slot; null at the end of the magazine. */
  loadNext(): TapeCartridge | null {
    const from = this.loadedSlot ?? -1;
    this.loadedSlot = null;
    this.mount = null;
    this.operations += 1;
    for (let i = from + 1; i < this.slots.length; i += 1) {
      if (this.slots[i] !== null) {
        this.loadedSlot = i;
        this.changed();
        return this.slots[i] as TapeCartridge;
      }
    }
    this.changed();
    return null;
  }

  /** Loads the n-th tape of the magazine (1 = the top tape), counting only occupied slots. */
  loadPosition(position: number): TapeCartridge | null {
    if (this.doorOpen || !this.magazineInDrive) return null;
    let seen = 0;
    for (let i = 0; i < this.slots.length; i += 1) {
      if (this.slots[i] !== null) {
        seen += 1;
        if (seen === position) {
          this.loadedSlot = i;
          this.mount = null;
          this.operations += 1;
          this.changed();
          return this.slots[i] as TapeCartridge;
        }
      }
    }
    return null;
  }

  /** Loads the tape whose paper label is `code`, wherever it is in the magazine. */
  loadCode(code: string): TapeCartridge | null {
    if (this.doorOpen || !this.magazineInDrive) return null;
    const index = this.slots.findIndex((tape) => tape?.code === code);
    if (index < 0) return null;
    this.loadedSlot = index;
    this.mount = null;
    this.operations += 1;
    this.changed();
    return this.slots[index] as TapeCartridge;
  }

  unload(): void {
    this.loadedSlot = null;
    this.mount = null;
    this.operations += 1;
    this.changed();
  }

  /** A snapshot for the console and the tests. */
  snapshot(): {
    model: string;
    device: string;
    doorOpen: boolean;
    magazineInDrive: boolean;
    loadedSlot: number | null;
    mounted: boolean;
    offline: boolean;
    slots: ({ code: string; volumeLabel: string | null; writeProtected: boolean; usedBlocks: number; savesets: string[] } | null)[];
  } {
    return {
      model: this.model,
      device: this.device,
      doorOpen: this.doorOpen,
      magazineInDrive: this.magazineInDrive,
      loadedSlot: this.loadedSlot === null ? null : this.loadedSlot + 1,
      mounted: this.mount !== null,
      offline: this.offline,
      slots: this.slots.map((tape) =>
        tape === null
          ? null
          : {
              code: tape.code,
              volumeLabel: tape.volumeLabel,
              writeProtected: tape.writeProtected,
              usedBlocks: tape.usedBlocks,
              savesets: tape.savesets.map((s) => (s.volume > 1 ? `${s.name} (volume ${s.volume})` : s.name)),
            },
      ),
    };
  }
}
