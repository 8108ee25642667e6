/**
 * The simulator's SHOW DEVICE output in the layouts of the fixtures the parsers read
 * (test/fixtures/vms/show-device/): the same columns, the same line shapes, read back by the
 * console's parser without a warning.
 */
import { describe, expect, it } from 'vitest';
import { parseShowDevice, type DeviceListing } from '../../../shared/vms/parsers/show-device';
import { fixture } from '../vms/parsers/fixtures';
import { bodyPairs, itemsOf, linesOf } from './layout-shapes';
import { run, siteAt } from './site-fixture';

function listing(text: string): { value: DeviceListing; warnings: unknown[] } {
  const result = parseShowDevice(text);
  if (!result.ok || result.refused) throw new Error(`not a device listing: ${JSON.stringify(result)}`);
  return { value: result.value, warnings: result.warnings };
}

/** Every body line's pairs, by label: where the label starts, and whether its value is placed by the rule. */
function bodyColumns(text: string): Map<string, { labelStart: number; placed: boolean }> {
  const columns = new Map<string, { labelStart: number; placed: boolean }>();
  for (const line of linesOf(text)) {
    if (!line.startsWith('    ') || line.trim().endsWith('.') || line.trim().endsWith(',')) continue;
    for (const pair of bodyPairs(line)) columns.set(pair.label, { labelStart: pair.labelStart, placed: pair.placed });
  }
  return columns;
}

/** The header paragraph: the lines up to the first blank one. */
function paragraphOf(text: string): string[] {
  const lines = linesOf(text).filter((line, i, all) => i > 0 || line !== '');
  const end = lines.indexOf('');
  return lines.slice(0, end);
}

function expectSameBody(simulated: string, fixtureText: string): void {
  const want = bodyColumns(fixtureText);
  const got = bodyColumns(simulated);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [label, column] of want) {
    expect(column.placed, `fixture: ${label}`).toBe(true);
    expect(got.get(label), `simulator: ${label}`).toEqual(column);
  }
}

function expectParagraph(lines: string[]): void {
  expect(lines.every((line) => line.length <= 80)).toBe(true);
  expect(lines.slice(1).every((line) => /^ {4}\S/.test(line))).toBe(true);
}

describe('SHOW DEVICE/FULL as the simulated BLT4 prints it', () => {
  it('a disk of the bound volume set: the fixture columns, long labels apart from their values', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const out = (await run(site, 'SHOW DEVICE/FULL DISK$BACKUP_01')).output;
    const fixtureText = fixture('show-device', 'full-volume-set.txt');
    expectSameBody(out, fixtureText);
    expect(out).toMatch(/Maximum blocks in extent cache {2,}\d+\r\n/);
    expect(out).toMatch(/Blocks currently in extent cache {2,}\d+\r\n/);
    expectParagraph(paragraphOf(out));
    expect(linesOf(out)[0]).toBe('');
    const { value, warnings } = listing(out);
    expect(warnings).toEqual([]);
    // the plan's "devices bound together": every member, with its relative volume number
    expect(value.devices.map((d) => [d.volumeLabel, d.fields['Relative volume number']])).toEqual([
      ['BACKUP_01', '1'],
      ['BACKUP_02', '2'],
    ]);
    const fixtureDevices = listing(fixtureText).value.devices;
    expect(value.devices.map((d) => Object.keys(d.fields))).toEqual(fixtureDevices.map((d) => Object.keys(d.fields)));
  });

  it('the members of the set add up to the backup area the plan names', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const members = listing((await run(site, 'SHOW DEVICE/FULL DISK$BACKUP_01')).output).value.devices;
    const gigabytes = members.reduce((sum, d) => sum + (d.totalBlocks ?? 0), 0) / 2_097_152;
    expect(Math.round(gigabytes)).toBe(337);
    const free = members.reduce((sum, d) => sum + (d.freeBlocks ?? 0), 0);
    expect(free).toBe(site.inspect('BLT4').host.diskByLabel('BACKUP_01')?.freeBlocks());
  });

  it('the tape drive mounted: a characteristic broken at its hyphen, joined back by the parser', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const drive = site.drive('BLT4');
    if (drive === undefined) throw new Error('no drive on BLT4');
    drive.loadNext();
    expect((await run(site, 'MOUNT/FOREIGN $2$MKA500:')).lines[0]).toMatch(/^%MOUNT-I-MOUNTED/);
    const out = (await run(site, 'SHOW DEVICE/FULL $2$MKA500:')).output;
    const paragraph = paragraphOf(out);
    const want = paragraphOf(fixture('show-device', 'full-tape-mounted.txt'));
    expect(paragraph[0]).toMatch(/ record-$/);
    expect(want[0]).toMatch(/ record-$/);
    expect(paragraph[1]).toMatch(/^ {4}oriented device, /);
    expectParagraph(paragraph);
    expectSameBody(out, fixture('show-device', 'full-tape-mounted.txt'));
    const [tape] = listing(out).value.devices;
    expect(tape?.status).toContain('record-oriented device');
    expect(tape).toMatchObject({ mounted: true, foreign: true, allocated: true, online: true });
  });

  it('the tape drive not mounted: the fixture columns', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const out = (await run(site, 'SHOW DEVICE/FULL $2$MKA500:')).output;
    expectSameBody(out, fixture('show-device', 'full-tape-not-mounted.txt'));
    expectParagraph(paragraphOf(out));
    expect(listing(out).warnings).toEqual([]);
  });
});

describe('SHOW DEVICE, brief, as the simulated BLT4 prints it', () => {
  /** Where each column of a row ends (error count, free blocks, transactions, mounts) and the label starts. */
  function rowColumns(line: string): { error: number; label: number | null; numbers: number[] } {
    const items = itemsOf(line.slice(24));
    const numbers = items.filter((item) => /^\d+$/.test(item.text)).map((item) => item.end + 24);
    const label = items.find((item) => /^[A-Z]/.test(item.text) && item.start + 24 >= 48);
    return { error: numbers[0] ?? -1, label: label === undefined ? null : label.start + 24, numbers: numbers.slice(1) };
  }

  it('the header and the rows of the fixture, every member of the volume set on a row of its own', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const out = (await run(site, 'SHOW DEVICE')).output;
    const fixtureLines = linesOf(fixture('show-device', 'brief-disks.txt'));
    const lines = linesOf(out);
    expect(lines.slice(0, 3)).toEqual(fixtureLines.slice(0, 3));
    const wantRow = rowColumns(fixtureLines[3] as string);
    for (const line of lines.slice(3).filter((l) => l.includes('Mounted'))) {
      expect(rowColumns(line)).toEqual(wantRow);
    }
    const { value, warnings } = listing(out);
    expect(warnings).toEqual([]);
    expect(value.devices.filter((d) => /^BACKUP_0\d$/.test(d.volumeLabel ?? '')).map((d) => d.volumeLabel)).toEqual(['BACKUP_01', 'BACKUP_02']);
  });
});

describe('a device named without its allocation class', () => {
  it('MKA500: is NOSUCHDEV on BLT4, whose drive is $2$MKA500:, as in the fixture', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const r = await run(site, 'SHOW DEVICE MKA500:');
    expect(r.output).toBe(`${fixture('show-device', 'nosuchdev.txt').trimEnd()}\r\n`);
    expect(r.status).toBe(0x908);
    expect((await run(site, 'MOUNT/FOREIGN MKA500:')).lines).toEqual(['%SYSTEM-W-NOSUCHDEV, no such device available']);
    expect(parseShowDevice(r.output)).toMatchObject({ ok: true, refused: true, refusal: { messages: [{ ident: 'NOSUCHDEV' }] } });
    // with it, and generically, the drive answers
    expect(listing((await run(site, 'SHOW DEVICE $2$MKA500:')).output).value.devices.map((d) => d.name)).toEqual(['$2$MKA500:']);
    expect(listing((await run(site, 'SHOW DEVICE MK')).output).value.devices.map((d) => d.name)).toEqual(['$2$MKA500:']);
  });
});
