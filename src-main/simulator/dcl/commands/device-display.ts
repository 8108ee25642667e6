/**
 * SHOW DEVICE, brief and /FULL, for disks and the tape drive. The brief table's columns end where
 * the header's words end (error count under "Error", free blocks under "Free", ...); a device name
 * longer than its column takes a line of its own.
 */
import type { TapeDrive } from '../../drive/tape-drive';
import type { Disk, VolumeView } from '../../files/volumes';

export const BRIEF_HEADER = [
  'Device                  Device           Error    Volume         Free  Trans Mnt',
  ' Name                   Status           Count     Label        Blocks Count Cnt',
];

function briefRow(name: string, node: string, status: string, errors: number, label: string, free: string, trans: string, mounts: string): string[] {
  const head = name.length > 15 ? '' : name;
  let row = `${head.padEnd(16)}(${node})`.padEnd(24) + status;
  row += String(errors).padStart(46 - row.length);
  row += `  ${label}`;
  row += free.padStart(70 - row.length);
  row += trans.padStart(76 - row.length);
  row += mounts.padStart(80 - row.length);
  return name.length > 15 ? [name, row.trimEnd()] : [row.trimEnd()];
}

/** The brief row of one volume of a disk (a disk, or one member of a bound volume set). */
export function volumeBrief(disk: Disk, volume: VolumeView): string[] {
  return briefRow(`${volume.device}:`, disk.options.node, 'Mounted', disk.errorCount, volume.label, String(volume.freeBlocks), String(transactions(disk)), '1');
}

function transactions(disk: Disk): number {
  let open = 1;
  for (const directory of disk.directories.values()) for (const file of directory.files) if (file.openForWrite) open += 1;
  return open + (disk.label.length % 5);
}

function driveStatus(drive: TapeDrive): string {
  if (drive.offline) return 'Offline';
  if (drive.mount !== null) return `Mounted alloc${drive.loaded()?.writeProtected ? ' wrtlck' : ''}`;
  return drive.loaded()?.writeProtected === true ? 'Online wrtlck' : 'Online';
}

export function tapeBrief(drive: TapeDrive, node: string): string[] {
  const label = drive.mount !== null ? (drive.loaded()?.volumeLabel ?? '') : '';
  return briefRow(drive.device, node, driveStatus(drive), drive.errorCount, label, '', drive.mount !== null ? '1' : '', drive.mount !== null ? '1' : '');
}

/**
 * One body line of SHOW DEVICE/FULL: two "label  value" items. As the DCL Dictionary's examples
 * print them, a left value ends at column 36 and a right value at column 80, and a right value
 * starts no earlier than column 61 (so "Dev Prot" and "Vol Prot" values stand in one column).
 * A value never runs into its label: a long label ("Blocks currently in extent cache") with a
 * long value keeps two blanks between them and the line grows past 80.
 */
export function pair(left: string, leftValue: string | number, right: string, rightValue: string | number): string {
  const lv = String(leftValue);
  const first = `    ${left}${' '.repeat(Math.max(36 - 4 - left.length - lv.length, 2))}${lv}`;
  if (right === '') return first;
  const start = Math.max(first.length + 4, 40);
  const rv = String(rightValue);
  const at = Math.max(start + 40 - rv.length, start + 21, start + right.length + 2);
  return `${first.padEnd(start)}${right.padEnd(at - start)}${rv}`;
}

/**
 * The header paragraph: characteristics separated by commas, wrapped to 80 columns with
 * continuation lines indented by 4. A hyphenated word that does not fit is broken after its
 * hyphen when the first part fits ("record-" / "oriented device"), as VMS wraps it.
 */
export function paragraph(head: string, items: string[], indent = 4): string[] {
  const lines: string[] = [];
  let current = head;
  const place = (word: string) => {
    const joined = current === '' || current.endsWith(' ') ? `${current}${word}` : `${current} ${word}`;
    if (joined.length <= 80) {
      current = joined;
      return;
    }
    const hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length - 1) {
      const head = word.slice(0, hyphen + 1);
      const withHead = current.endsWith(' ') ? `${current}${head}` : `${current} ${head}`;
      if (withHead.length <= 80) {
        lines.push(withHead);
        current = `${' '.repeat(indent)}${word.slice(hyphen + 1)}`;
        return;
      }
    }
    lines.push(current);
    current = `${' '.repeat(indent)}${word}`;
  };
  items.forEach((item, i) => {
    const piece = `${item}${i === items.length - 1 ? '.' : ','}`;
    for (const word of piece.split(' ')) place(word);
  });
  lines.push(current);
  return lines;
}

/** SHOW DEVICE/FULL of one volume of a disk (a disk, or one member of a bound volume set). */
export function volumeFull(disk: Disk, volume: VolumeView): string[] {
  const o = disk.options;
  const lines = paragraph(`Disk ${volume.device}: (${o.node}), device type ${o.model},`, [
    'is online',
    'mounted',
    'file-oriented device',
    'shareable',
    'available to cluster',
    'error logging is enabled',
  ]);
  const cylinders = Math.ceil(volume.totalBlocks / (128 * 51));
  const allocationClass = /^\$(\d+)\$/.exec(volume.device)?.[1] ?? '0';
  lines.push(
    '',
    pair('Error count', disk.errorCount, 'Operations completed', disk.operations),
    pair('Owner process', '""', 'Owner UIC', '[SYSTEM]'),
    pair('Owner process ID', '00000000', 'Dev Prot', 'S:RWPL,O:RWPL,G:R,W'),
    pair('Reference count', transactions(disk), 'Default buffer size', 512),
    pair('Total blocks', volume.totalBlocks, 'Sectors per track', 128),
    pair('Total cylinders', cylinders, 'Tracks per cylinder', 51),
    pair('Allocation class', allocationClass, '', ''),
    '',
    pair('Volume label', `"${volume.label}"`, 'Relative volume number', volume.relativeVolume),
    pair('Cluster size', 18, 'Transaction count', transactions(disk)),
    pair('Free blocks', volume.freeBlocks, 'Maximum files allowed', Math.min(16711679, Math.floor(volume.totalBlocks / 19))),
    pair('Extend quantity', 5, 'Mount count', 1),
    pair('Mount status', 'System', 'Cache name', `"_${volume.device}:XQPCACHE"`),
    pair('Extent cache size', 64, 'Maximum blocks in extent cache', Math.floor(volume.freeBlocks / 10)),
    pair('File ID cache size', 64, 'Blocks currently in extent cache', 0),
    pair('Quota cache size', 0, 'Maximum buffers in FCP cache', 1494),
    pair('Volume owner UIC', '[SYSTEM]', 'Vol Prot', 'S:RWCD,O:RWCD,G:RWCD,W:RWCD'),
    '',
    ...paragraph('  Volume Status:  ODS-2,', ['subject to mount verification', 'file high-water marking', 'write-back caching enabled'], 6),
  );
  return lines.map((l) => l.trimEnd());
}

export function tapeFull(drive: TapeDrive, node: string): string[] {
  const tape = drive.loaded();
  const items = [drive.offline ? 'is offline' : 'is online'];
  if (drive.mount !== null) items.push('allocated');
  items.push('record-oriented device', 'file-oriented device');
  if (drive.mount !== null) items.push(drive.mount.foreign ? 'mounted foreign' : 'mounted');
  if (tape?.writeProtected === true) items.push('software write-locked');
  items.push('available to cluster', 'error logging is enabled', 'controller supports compaction (compaction enabled)', 'device supports fastskip (per_io)');
  const lines = paragraph(`Magtape ${drive.device} (${node}), device type ${drive.model},`, items);
  lines.push(
    '',
    pair('Error count', drive.errorCount, 'Operations completed', drive.operations),
    pair('Owner process', drive.mount !== null ? `"${drive.mount.owner.slice(0, 15)}"` : '""', 'Owner UIC', '[SYSTEM]'),
    pair('Owner process ID', '00000000', 'Dev Prot', 'S:RWPL,O:RWPL,G:R,W'),
    pair('Reference count', drive.mount !== null ? 1 : 0, 'Default buffer size', 2048),
    pair('Density', 'default', 'Format', 'Normal-11'),
    pair('Allocation class', /^\$(\d+)\$/.exec(drive.device)?.[1] ?? '0', '', ''),
  );
  if (drive.mount !== null && tape !== null) {
    lines.push(
      '',
      pair('Volume label', `"${tape.volumeLabel ?? ''}"`, 'Relative volume number', 0),
      pair('Record size', 0, 'Transaction count', 1),
      pair('Mount status', 'Process', 'Mount count', 1),
    );
  }
  const status: string[] = [];
  if (tape === null) status.push('no tape loaded');
  else {
    status.push('no-unload on dismount', tape.usedBlocks === 0 ? 'beginning-of-tape' : 'end-of-file', 'odd parity');
    if (tape.writeProtected) status.push('hardware write-locked');
  }
  lines.push('', ...paragraph('  Volume status:  ', status, 6));
  return lines.map((l) => l.trimEnd());
}
