/** The tape drive as its host describes it: `SHOW DEVICE/FULL` of the profile's drive device. */
import { ApiFailure } from '../../shared/errors';
import { showDevice } from '../../shared/vms/dcl';
import { parseShowDevice } from '../../shared/vms/parsers/show-device';
import type { HostLink } from '../hosts';
import { ask } from './ask';

export interface DriveReading {
  /** The device as the host names it, e.g. _$2$MKA500:. */
  device: string;
  online: boolean;
  /** Whether a tape is in the drive (the host says "no tape loaded" otherwise). */
  loaded: boolean;
  /** What was read, in words for a step card and the audit log. */
  words: string;
}

export async function readDrive(link: HostLink, device: string): Promise<DriveReading> {
  const listing = await ask(link, showDevice({ device, full: true }), parseShowDevice);
  const drive = listing.devices.find((d) => d.deviceClass === 'magtape');
  if (drive === undefined) throw new ApiFailure('no-drive', `${link.host.name} did not describe the tape drive ${device}.`);
  const loaded = !drive.volumeStatus.some((item) => /no tape loaded/i.test(item));
  const online = drive.online !== false;
  return { device: drive.name, online, loaded, words: `${drive.name} ${online ? 'online' : 'offline'}, ${loaded ? 'a tape loaded' : 'no tape loaded'}` };
}
