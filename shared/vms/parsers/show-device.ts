/**
 * SHOW DEVICE, brief or /FULL. The brief table lists many devices, one row each; /FULL gives one
 * paragraph and body per device. `%SYSTEM-W-NOSUCHDEV, no such device available` alone is the
 * host saying no.
 */
import type { VmsMessage } from '../messages';
import { isBriefHeader, readBriefTable } from './device-brief';
import { isFullHeader, readFullDevice } from './device-full';
import type { DeviceInfo } from './device-info';
import { MessageRuns } from './message-runs';
import { runParser, type ParseContext, type ParseResult } from './parse-result';

export type { DeviceClass, DeviceInfo } from './device-info';

export interface DeviceListing {
  devices: DeviceInfo[];
  messages: VmsMessage[];
}

function readDevices(context: ParseContext): DeviceListing {
  const devices: DeviceInfo[] = [];
  const runs = new MessageRuns(context);
  let index = 0;
  while ((index = runs.nextContent(index)) < context.count) {
    const line = context.line(index);
    if (isBriefHeader(line)) {
      const table = readBriefTable(context, index);
      devices.push(...table.devices);
      index = table.next;
    } else if (isFullHeader(line)) {
      const full = readFullDevice(context, index);
      devices.push(full.device);
      index = full.next;
    } else {
      context.fail(
        index,
        'the SHOW DEVICE column names ("Device  Device  Error  Volume  Free  Trans  Mnt") or a device line such as "Disk $1$DKA100: (NODE1), device type HSG80, is online, ..."',
      );
    }
  }
  if (devices.length === 0) context.fail(0, 'the SHOW DEVICE table or a device line, or a message');
  return { devices, messages: runs.messages() };
}

export function parseShowDevice(output: string): ParseResult<DeviceListing> {
  return runParser(output, {}, readDevices);
}
