import { describe, expect, it } from 'vitest';
import { parseShowDevice, type DeviceListing } from '../../../../shared/vms/parsers/show-device';
import { fixture } from './fixtures';

function listing(name: string): DeviceListing {
  const result = parseShowDevice(fixture('show-device', name));
  if (!result.ok || result.refused) throw new Error(`expected devices from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseShowDevice, brief table', () => {
  it('reads the disks: labels, free blocks, transaction and mount counts', () => {
    const { devices } = listing('brief-disks.txt');
    expect(devices.map((device) => [device.name, device.node, device.volumeLabel, device.freeBlocks, device.transactionCount, device.mountCount])).toEqual([
      ['$1$DGA10:', 'BLT4', 'MENTAT', 8823140, 331, 3],
      ['$1$DGA15:', 'BLT4', 'PROD_09', 5512064, 12, 3],
      ['$1$DGA20:', 'BLT4', 'BACKUP_01', 113740292, 47, 1],
      ['$1$DGA21:', 'BLT4', 'BACKUP_02', 209557504, 1, 1],
      ['$1$DGA22:', 'BLT4', 'PCWORK', 2009977, 3, 1],
      ['$1$DGA1003:', 'BLT4', null, null, null, null],
    ]);
    expect(devices[1]).toMatchObject({ display: 'brief', deviceClass: 'disk', status: ['Mounted'], mounted: true, online: true, errorCount: 0, line: 5 });
    expect(devices[5]).toMatchObject({ status: ['Online'], mounted: false, online: true, errorCount: 2 });
  });

  it('reads the tape drive: mounted, allocated, its volume label, no free blocks', () => {
    const { devices } = listing('brief-tape.txt');
    expect(devices[1]).toMatchObject({
      name: '$2$MKA500:',
      deviceClass: 'magtape',
      status: ['Mounted', 'alloc'],
      mounted: true,
      allocated: true,
      online: true,
      volumeLabel: 'DAILY3',
      freeBlocks: null,
      transactionCount: 1,
      mountCount: 1,
    });
    expect(devices[0]).toMatchObject({ name: '$2$GKA501:', deviceClass: 'other', mounted: false, allocated: false });
  });

  it("reads another site's table: a wrapped device name, shadow set members, a remote mount, offline and write-locked", () => {
    const { devices } = listing('brief-other-site.txt');
    expect(devices.map((device) => [device.name, device.node, device.status.join(' '), device.remark])).toEqual([
      ['DSA100:', null, 'Mounted', null],
      ['$100$DGA12345:', 'ZEUS01', 'ShadowSetMember', 'member of DSA100:'],
      ['$100$DGA12346:', 'ZEUS2', 'ShadowSetMember', 'member of DSA100:'],
      ['ZEUS01$DKA100:', null, 'Mounted', 'remote mount'],
      ['ZEUS01$DKA200:', null, 'Offline', null],
      ['ZEUS01$MKB400:', null, 'Online wrtlck', null],
    ]);
    expect(devices[1]?.line).toBe(5);
    expect(devices[3]).toMatchObject({ mountCount: 1, volumeLabel: null });
    expect(devices[4]).toMatchObject({ online: false, errorCount: 1 });
    expect(devices[5]).toMatchObject({ writeLocked: true, deviceClass: 'magtape' });
  });
});

describe('parseShowDevice, /FULL', () => {
  it('reads the backup area disk: total and free blocks, label, mount status', () => {
    const [disk] = listing('full-backup-disk.txt').devices;
    expect(disk).toMatchObject({
      name: '$1$DGA20:',
      node: 'BLT4',
      display: 'full',
      deviceClass: 'disk',
      deviceType: 'HSG80',
      online: true,
      mounted: true,
      allocated: false,
      errorCount: 0,
      totalBlocks: 353370112,
      freeBlocks: 113740292,
      volumeLabel: 'BACKUP_01',
      transactionCount: 47,
      mountCount: 1,
      notes: ['Volume is also mounted on BLT3, BLT5.'],
    });
    expect(disk?.fields['Mount status']).toBe('System');
    expect(disk?.fields['Cache name']).toBe('"_$1$DGA20:XQPCACHE"');
    expect(disk?.fields['Maximum blocks in extent cache']).toBe('11374029');
    expect(disk?.volumeStatus).toEqual(['ODS-2', 'subject to mount verification', 'file high-water marking', 'write-back caching enabled']);
    expect(disk?.status).toContain('served to cluster via MSCP Server');
  });

  it('reads the mounted TZ887: online, allocated, mounted, label, error count (CRLF)', () => {
    const [tape] = listing('full-tape-mounted.txt').devices;
    expect(tape).toMatchObject({
      name: '$2$MKA500:',
      deviceClass: 'magtape',
      deviceType: 'TZ887',
      online: true,
      allocated: true,
      mounted: true,
      volumeLabel: 'DAILY3',
      errorCount: 0,
      mountCount: 1,
      volumeStatus: ['no-unload on dismount', 'odd parity'],
    });
    expect(tape?.fields['Owner process']).toBe('"BATCH_412"');
    expect(tape?.status).toContain('controller supports compaction (compaction enabled)');
  });

  it('reads the TZ887 when nothing is mounted: no label, not allocated, errors counted', () => {
    const [tape] = listing('full-tape-not-mounted.txt').devices;
    expect(tape).toMatchObject({
      online: true,
      allocated: false,
      mounted: false,
      volumeLabel: null,
      errorCount: 3,
      volumeStatus: ['no-unload on dismount', 'beginning-of-tape', 'odd parity'],
    });
  });

  it('reads several /FULL devices in one output', () => {
    const text = `${fixture('show-device', 'full-backup-disk.txt')}\n${fixture('show-device', 'full-tape-not-mounted.txt')}`;
    const result = parseShowDevice(text);
    expect(result.ok && !result.refused && result.value.devices.map((device) => device.name)).toEqual(['$1$DGA20:', '$2$MKA500:']);
  });
});

describe('parseShowDevice, refusals and errors', () => {
  it('answers %SYSTEM-W-NOSUCHDEV as the host saying no', () => {
    expect(parseShowDevice(fixture('show-device', 'nosuchdev.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: { worstSeverity: 'W', messages: [{ ident: 'NOSUCHDEV' }] },
    });
  });

  it('knows NOSUCHDEV without its severity, as SET MESSAGE/NOSEVERITY prints it', () => {
    expect(parseShowDevice('%SYSTEM-NOSUCHDEV, no such device available\r\n')).toMatchObject({
      ok: true,
      refused: true,
      refusal: { worstSeverity: 'W', messages: [{ facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHDEV', inferred: true }] },
    });
  });

  it('names a free-blocks field that is not a number', () => {
    const text = fixture('show-device', 'full-backup-disk.txt').replace('113740292', '1137O0292');
    expect(parseShowDevice(text)).toMatchObject({ ok: false, error: { line: 15, expected: 'a number after "Free blocks"' } });
  });

  it('names a brief row with no status', () => {
    const text = `${fixture('show-device', 'brief-tape.txt')}$2$MKA600:      (BLT4)  0\r\n`;
    expect(parseShowDevice(text)).toMatchObject({ ok: false, error: { line: 6, expected: expect.stringContaining('device status') } });
  });

  it('names a line that is neither table nor device', () => {
    expect(parseShowDevice('\nDevice names are:\n')).toMatchObject({ ok: false, error: { line: 2, text: 'Device names are:' } });
  });

  it('a wrapped device name with nothing after it', () => {
    expect(parseShowDevice(fixture('show-device', 'brief-other-site.txt').split('\n').slice(0, 5).join('\n'))).toMatchObject({
      ok: false,
      error: { line: 5, expected: expect.stringContaining('on the next line') },
    });
  });
});

describe('parseShowDevice, /FULL layouts of issue 11', () => {
  it('reads the bound volume set DISK$BACKUP_01: each member with its label and relative volume number', () => {
    const { devices } = listing('full-volume-set.txt');
    expect(devices.map((device) => [device.name, device.volumeLabel, device.fields['Relative volume number'], device.freeBlocks])).toEqual([
      ['$1$DGA20:', 'BACKUP_01', '1', 113740292],
      ['$1$DGA21:', 'BACKUP_02', '2', 209557504],
    ]);
  });

  it('keeps a long label apart from its value', () => {
    const [disk] = listing('full-backup-disk.txt').devices;
    expect(disk?.fields['Maximum blocks in extent cache']).toBe('11374029');
    expect(disk?.fields['Blocks currently in extent cache']).toBe('0');
    expect(disk?.fields['Vol Prot']).toBe('S:RWCD,O:RWCD,G:RWCD,W:RWCD');
    expect(Object.keys(disk?.fields ?? {}).every((label) => !/\d/.test(label))).toBe(true);
  });

  it('joins a characteristic wrapped at its hyphen without a blank', () => {
    const [tape] = listing('full-tape-mounted.txt').devices;
    expect(fixture('show-device', 'full-tape-mounted.txt').split('\r\n')[0]).toMatch(/record-$/);
    expect(tape?.status).toContain('record-oriented device');
    expect(tape?.status.some((item) => /- /.test(item))).toBe(false);
  });

  it('warns, with its line, of a label and value that do not split, and makes no field of it', () => {
    const text = fixture('show-device', 'full-backup-disk.txt').replace('extent cache  11374029', 'extent cache 11374029');
    const result = parseShowDevice(text);
    if (!result.ok || result.refused) throw new Error('expected a listing');
    expect(result.warnings).toEqual([expect.objectContaining({ line: 18, text: expect.stringContaining('Maximum blocks in extent cache 11374029') })]);
    const [disk] = result.value.devices;
    expect(Object.keys(disk?.fields ?? {}).some((label) => label.startsWith('Maximum blocks'))).toBe(false);
    expect(disk?.freeBlocks).toBe(113740292);
  });

  it('reads the fixtures with no warning', () => {
    for (const name of ['full-backup-disk.txt', 'full-volume-set.txt', 'full-tape-mounted.txt', 'full-tape-not-mounted.txt']) {
      const result = parseShowDevice(fixture('show-device', name));
      expect(result.ok && result.warnings).toEqual([]);
    }
  });
});
