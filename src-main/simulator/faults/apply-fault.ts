import type { FaultRequest } from '../../../shared/simulator-faults';
import type { TapeDrive } from '../drive/tape-drive';
import type { FaultControl } from './fault-control';

/**
 * Turns one fault on or off by its name; returns what is on afterwards. `drive` is the site's tape
 * loader, which tape-missing needs: a tape left out is the person's doing at the rack, not the host's.
 */
export function applyFault(control: FaultControl, request: FaultRequest, drive?: TapeDrive): string[] {
  const { on, host } = request;
  switch (request.fault) {
    case 'backup-area-full':
      control.backupAreaFull(on);
      break;
    case 'file-open':
      control.fileOpen(undefined, on);
      break;
    case 'tape-write-error':
      control.tapeWriteError(on);
      break;
    case 'medium-offline':
      control.mediumOffline(on);
      break;
    case 'tape-not-initialized':
      if (on) control.tapeNotInitialized(request.slot ?? 3);
      break;
    case 'tape-missing':
      if (on) control.tapeMissing(request.slot ?? 3, drive);
      break;
    case 'queue-stopped':
      if (!request.queue) throw new Error('queue-stopped needs the queue');
      control.queueStopped(request.queue, on);
      break;
    case 'link-dropped':
      if (on) control.dropLink(host);
      break;
    case 'slow-link':
      control.slowLink(on ? (request.delayMs ?? 500) : 0, host);
      break;
    case 'exec-refused':
      control.refuseExec(on, host);
      break;
    default: {
      const never: never = request.fault;
      throw new Error(`unknown fault ${String(never)}`);
    }
  }
  return control.active();
}
