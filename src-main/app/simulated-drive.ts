/** The `simulator.drive` request: the person's acts at the simulated TZ887, audited like any act. */
import type { SimulatedDriveView } from '../../shared/api';
import { ApiFailure } from '../../shared/errors';
import { doHandAct, type HandAct } from '../simulator/drive/operator-hands';
import { DriveError, type TapeDrive } from '../simulator/drive/tape-drive';
import type { Store } from '../store';

export function workSimulatedDrive(
  drive: TapeDrive | undefined,
  request: { act: HandAct['act']; slot?: number; code?: string },
  who: string,
  store: Store,
): SimulatedDriveView {
  if (drive === undefined) throw new ApiFailure('not-simulated', 'The console is connected to real hosts: go to the drive itself.');
  const hand = (request.act === 'insert' ? { act: 'insert', slot: request.slot ?? 0, code: request.code ?? '' } : { act: request.act }) as HandAct;
  let done: string;
  try {
    done = doHandAct(drive, hand);
  } catch (error) {
    if (error instanceof DriveError) throw new ApiFailure('drive-refused', `The drive refused: ${error.message}.`);
    throw error;
  }
  store.audit.append({ who, action: 'simulator.drive', subject: request.act, details: hand });
  const state = drive.snapshot();
  return {
    done,
    doorOpen: state.doorOpen,
    magazineInDrive: state.magazineInDrive,
    // loadedSlot counts from 1, as the slots on the magazine do
    loaded: state.loadedSlot === null ? null : (state.slots[state.loadedSlot - 1]?.code ?? null),
    slots: state.slots.map((tape) => tape?.code ?? null),
    labels: state.slots.map((tape) => tape?.volumeLabel ?? null),
  };
}
