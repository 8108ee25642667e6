/** The console's own simulated site: faults on demand, and the person's acts at its drive (demo, tests). */
import type { simulatorRequests } from '../../../shared/api';
import { ApiFailure } from '../../../shared/errors';
import { applyFault, doHandAct, DriveError } from '../../simulator';
import type { Handlers } from '../dispatch';
import { signedIn, type HandlerDeps } from './context';

export function simulatorHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof simulatorRequests> {
  return {
    'simulator.fault': (request, ctx) => {
      const who = signedIn(ctx);
      const simulator = deps.session().simulator;
      if (!simulator) throw new ApiFailure('not-simulated', 'The console is connected to real hosts: faults exist only on its simulated site.');
      let active: string[];
      try {
        active = applyFault(simulator.site.faults, request, simulator.site.drive(deps.session().site.profile.drive.host));
      } catch (error) {
        throw new ApiFailure('invalid-input', (error as Error).message);
      }
      deps.store.audit.append({ who, action: 'simulator.fault', subject: request.fault, details: request });
      return { active };
    },
    'simulator.drive': (act, ctx) => {
      const who = signedIn(ctx);
      const { simulator, site } = deps.session();
      const drive = simulator?.site.drive(site.profile.drive.host);
      if (drive === undefined) throw new ApiFailure('not-simulated', 'The console is connected to real hosts: go to the drive itself.');
      let done: string;
      try {
        done = doHandAct(drive, act);
      } catch (error) {
        if (error instanceof DriveError) throw new ApiFailure('drive-refused', `The drive refused: ${error.message}.`);
        throw error;
      }
      deps.store.audit.append({ who, action: 'simulator.drive', subject: act.act, details: act });
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
    },
  };
}
