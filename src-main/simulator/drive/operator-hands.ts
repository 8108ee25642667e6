/**
 * The person at the rack, for a simulated site: the magazine procedure's physical acts as short
 * commands, typed at `tapeops simulate` or sent through the console's `simulator.drive` request
 * (demo and tests). Each act is one the TZ887 model checks (./tape-drive); a wrong one is refused
 * with the drive's own reason.
 */
import { counted } from '../../../shared/plural';
import type { TapeDrive } from './tape-drive';
import { emptyMagazine } from './operator-steps';

export type HandAct =
  | { act: 'eject' }
  | { act: 'remove-magazine' }
  | { act: 'empty-magazine' }
  | { act: 'insert'; slot: number; code: string }
  | { act: 'insert-magazine' }
  | { act: 'close-door' }
  | { act: 'load' }
  | { act: 'look' };

export const HAND_ACTS = ['eject', 'remove-magazine', 'empty-magazine', 'insert', 'insert-magazine', 'close-door', 'load', 'look'] as const;

/** "insert 2 100803D" and the like; null when the line is not an act. */
export function parseHandAct(line: string): HandAct | null {
  const [verb, ...rest] = line.trim().split(/\s+/);
  switch (verb?.toLowerCase()) {
    case 'eject':
    case 'remove-magazine':
    case 'empty-magazine':
    case 'insert-magazine':
    case 'close-door':
    case 'load':
    case 'look':
      return rest.length === 0 ? ({ act: verb.toLowerCase() } as HandAct) : null;
    case 'insert': {
      const slot = Number(rest[0]);
      const code = rest.slice(1).join(' ').toUpperCase();
      return Number.isInteger(slot) && code !== '' ? { act: 'insert', slot, code } : null;
    }
    default:
      return null;
  }
}

/** Does the act; throws the drive's DriveError when the drive refuses it. Returns what happened, in words. */
export function doHandAct(drive: TapeDrive, hand: HandAct): string {
  switch (hand.act) {
    case 'eject':
      drive.pressEject();
      return 'Eject pressed: the door is open.';
    case 'remove-magazine':
      drive.removeMagazine();
      return 'The magazine is out, on the work table.';
    case 'empty-magazine':
      return `Removed ${counted(emptyMagazine(drive).length, 'tape')} from the magazine.`;
    case 'insert':
      drive.insertTape(hand.slot, drive.blankTape(hand.code));
      return `${hand.code} is in slot ${hand.slot}.`;
    case 'insert-magazine':
      drive.insertMagazine();
      return 'The magazine is in the drive.';
    case 'close-door':
      drive.closeDoor();
      return 'The door is closed.';
    case 'load':
      return `Load pressed: ${drive.pressLoad().code} is loaded.`;
    case 'look': {
      const written = drive.slots.flatMap((tape, i) => (tape?.volumeLabel ? [`slot ${i + 1} ${tape.volumeLabel}`] : []));
      return written.length === 0 ? 'No tape in the magazine carries a volume label.' : `Volume labels: ${written.join(', ')}.`;
    }
  }
}
