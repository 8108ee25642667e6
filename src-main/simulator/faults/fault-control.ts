/**
 * Faults on demand (DESIGN rule 7): what goes wrong at the site, switched on by a test or the demo.
 *
 * - backup area full: a large temporary file fills the backup area, so the next RMU/BACKUP ends in
 *   %RMU-F-WRITEERR with -RMS-F-FUL (the plan's remedy, deleting temporary files, clears it);
 * - file open: a file is held open for write, so BACKUP reports %BACKUP-W-ACCONFLICT for it;
 * - tape write error (once) and medium offline;
 * - tape not initialised: a tape of the magazine keeps a stale label;
 * - tape missing: the person loading the magazine left one slot empty;
 * - queue stopped;
 * - link dropped (every SSH connection to the host is cut), slow link (output delayed),
 *   exec channels refused.
 */
import type { TapeDrive } from '../drive/tape-drive';

export interface FaultState {
  isMediumOffline: boolean;
  /** True once per armed tape write error. */
  consumeTapeWriteError(): boolean;
  slowLinkMs(host: string): number;
  refusesExec(host: string): boolean;
}

export interface FaultControl {
  /** Fills (or, with false, frees) the backup area of the host that runs the jobs. */
  backupAreaFull(on?: boolean): void;
  /** Holds a file open for write; by default the one the plan's known error quotes, else a log. Returns its spec. */
  fileOpen(spec?: string, on?: boolean): string;
  /** The next tape write fails with a parity error. */
  tapeWriteError(on?: boolean): void;
  /** The drive answers "medium is offline". */
  mediumOffline(on?: boolean): void;
  /** The tape in this slot (1-based) keeps a stale label, as if INITIALIZE_TAPES had not run. */
  tapeNotInitialized(slot: number): void;
  /** The tape of this slot (1-based) is taken out of the magazine, which goes back in, loaded. */
  tapeMissing(slot: number, drive: TapeDrive | undefined): void;
  queueStopped(queue: string, on?: boolean): void;
  /** Cuts every connection (SSH and sessions) to the host, or to all hosts. */
  dropLink(host?: string): void;
  /** Delays each piece of output by this many real milliseconds (0 to stop). */
  slowLink(delayMs: number, host?: string): void;
  refuseExec(on?: boolean, host?: string): void;
  /** Every fault off. */
  clear(): void;
  /** What is on, for a screen or a test. */
  active(): string[];
}

export interface FaultEffects {
  fillBackupArea(on: boolean): void;
  setFileOpen(spec: string | undefined, on: boolean): string;
  setTapeLabelStale(slot: number): void;
  setQueueStopped(queue: string, on: boolean): void;
  dropLink(host: string | undefined): void;
  setDriveOffline(on: boolean): void;
}

export class Faults implements FaultState, FaultControl {
  isMediumOffline = false;
  private tapeErrors = 0;
  private readonly slow = new Map<string, number>();
  private readonly refused = new Set<string>();
  private readonly on = new Set<string>();

  constructor(private readonly effects: FaultEffects) {}

  consumeTapeWriteError(): boolean {
    if (this.tapeErrors <= 0) return false;
    this.tapeErrors -= 1;
    if (this.tapeErrors === 0) this.on.delete('tape write error');
    return true;
  }

  slowLinkMs(host: string): number {
    return this.slow.get(host) ?? this.slow.get('*') ?? 0;
  }

  refusesExec(host: string): boolean {
    return this.refused.has(host) || this.refused.has('*');
  }

  private mark(name: string, on: boolean): void {
    if (on) this.on.add(name);
    else this.on.delete(name);
  }

  backupAreaFull(on = true): void {
    this.effects.fillBackupArea(on);
    this.mark('backup area full', on);
  }

  fileOpen(spec?: string, on = true): string {
    const name = this.effects.setFileOpen(spec, on);
    this.mark(`file open: ${name}`, on);
    return name;
  }

  tapeWriteError(on = true): void {
    this.tapeErrors = on ? 1 : 0;
    this.mark('tape write error', on);
  }

  mediumOffline(on = true): void {
    this.isMediumOffline = on;
    this.effects.setDriveOffline(on);
    this.mark('medium offline', on);
  }

  tapeNotInitialized(slot: number): void {
    this.effects.setTapeLabelStale(slot);
    this.mark(`tape not initialised: slot ${slot}`, true);
  }

  tapeMissing(slot: number, drive: TapeDrive | undefined): void {
    if (drive === undefined) throw new Error('tape-missing needs the tape drive of the site');
    if (!Number.isInteger(slot) || slot < 1 || slot > drive.slots.length) throw new Error(`tape-missing: the magazine has slots 1 to ${drive.slots.length}`);
    // done with the operator's hands, so the drive refuses it as it would refuse the person (a
    // mounted tape stays in the drive); the door and magazine are left as they were found
    const wasOpen = drive.doorOpen;
    const wasIn = drive.magazineInDrive;
    const wasLoaded = drive.loadedSlot !== null;
    if (!wasOpen) drive.pressEject();
    if (wasIn) drive.removeMagazine();
    if (drive.slots[slot - 1] !== null) drive.removeTape(slot);
    if (wasIn) drive.insertMagazine();
    if (!wasOpen) drive.closeDoor();
    if (wasLoaded && !wasOpen && drive.slots.some((tape) => tape !== null)) drive.pressLoad();
    this.mark(`tape missing: slot ${slot}`, true);
  }

  queueStopped(queue: string, on = true): void {
    this.effects.setQueueStopped(queue, on);
    this.mark(`queue stopped: ${queue.toUpperCase()}`, on);
  }

  dropLink(host?: string): void {
    this.effects.dropLink(host);
  }

  slowLink(delayMs: number, host = '*'): void {
    if (delayMs > 0) this.slow.set(host, delayMs);
    else this.slow.delete(host);
    this.mark(`slow link: ${host}`, delayMs > 0);
  }

  refuseExec(on = true, host = '*'): void {
    if (on) this.refused.add(host);
    else this.refused.delete(host);
    this.mark(`exec refused: ${host}`, on);
  }

  clear(): void {
    for (const name of [...this.on]) {
      if (name === 'backup area full') this.backupAreaFull(false);
      else if (name.startsWith('file open: ')) this.fileOpen(name.slice('file open: '.length), false);
      else if (name.startsWith('queue stopped: ')) this.queueStopped(name.slice('queue stopped: '.length), false);
      else if (name === 'medium offline') this.mediumOffline(false);
    }
    this.tapeErrors = 0;
    this.slow.clear();
    this.refused.clear();
    this.on.clear();
  }

  active(): string[] {
    return [...this.on].sort();
  }
}
