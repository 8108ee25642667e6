/**
 * The plan's magazine procedure done by hand, for the demo and the tests: Eject, take the
 * magazine out, empty it, put in the day's tapes in the plan's order, put it back, close the door,
 * Load. Tapes come as new cartridges carrying their paper labels; a Bill Run tape re-used after six
 * months keeps its old magnetic label until it is initialised.
 */
import { billRunSet } from '../../../shared/tapes/bill-run-set';
import type { SiteProfile } from '../../../shared/site/schema';
import { volumeLabelOf } from '../../../shared/tapes/volume-label';
import type { TapeCartridge, TapeDrive } from './tape-drive';

export function emptyMagazine(drive: TapeDrive): TapeCartridge[] {
  if (!drive.doorOpen) drive.pressEject();
  if (drive.magazineInDrive) drive.removeMagazine();
  const removed: TapeCartridge[] = [];
  drive.slots.forEach((tape, index) => {
    if (tape !== null) removed.push(drive.removeTape(index + 1));
  });
  return removed;
}

/** Fills the magazine with the Bill Run set of `date` (slots 1..n) and, optionally, a daily tape after it. */
export function loadBillRunMagazine(
  drive: TapeDrive,
  profile: Pick<SiteProfile, 'tapes'>,
  date: string,
  options: { dailyLabel?: string; staleLabels?: boolean } = {},
): void {
  emptyMagazine(drive);
  const set = billRunSet(profile, date);
  for (const tape of set) {
    const cartridge = drive.blankTape(tape.code, {
      volumeLabel: options.staleLabels === false ? null : volumeLabelOf(`0${tape.letter}`, profile.tapes.billRun.volumeLabel),
    });
    drive.insertTape(tape.position, cartridge);
  }
  if (options.dailyLabel !== undefined) {
    drive.insertTape(set.length + 1, drive.blankTape(options.dailyLabel, { volumeLabel: volumeLabelOf(options.dailyLabel, profile.tapes.billRun.volumeLabel) }));
  }
  drive.insertMagazine();
  drive.closeDoor();
  drive.pressLoad();
}

/** The daily procedure: the day's DAILY tape alone in the magazine, loaded. */
export function loadDailyMagazine(drive: TapeDrive, dailyLabel: string): void {
  emptyMagazine(drive);
  drive.insertTape(1, drive.blankTape(dailyLabel, { volumeLabel: volumeLabelOf(dailyLabel) }));
  drive.insertMagazine();
  drive.closeDoor();
  drive.pressLoad();
}
