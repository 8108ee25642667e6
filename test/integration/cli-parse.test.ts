/**
 * `tapeops parse log` on a raw capture, as the operator runs it: the real CLI (a Node process of
 * its own) reads the bytes of a terminal session -- NUL fill after LF, LF-then-CR carriage
 * control, tabs for blanks -- normalises them as the host link does, and prints the same parse as
 * for the clean log, unread lines included.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBatchLog } from '../../shared/vms/parsers/batch-log';
import { normaliseCapture } from '../../src-main/cli/parse-command';
import { makeTempDir, type TempDir } from '../support/api-fixtures';
import { runAll, type CliRun } from '../support/cli-runs';
import { fixture } from '../unit/vms/parsers/fixtures';

let dir: TempDir;
let runs = new Map<string, CliRun>();

/** A fixture's body (its `#!` source lines cut off) as a file of its own, byte for byte. */
function captureFile(name: string): string {
  const file = dir.file(name);
  writeFileSync(file, fixture('batch-log', name), 'latin1');
  return file;
}

beforeAll(async () => {
  dir = makeTempDir('cli-parse');
  const raw = captureFile('raw-capture-terminal.txt');
  const unknown = captureFile('unknown-output.txt');
  runs = await runAll({ raw: () => ['parse', 'log', raw], unknown: () => ['parse', 'log', unknown] });
}, 120_000);

afterAll(() => dir.remove());

function run(name: string): CliRun {
  const found = runs.get(name);
  if (found === undefined) throw new Error(`no run ${name}`);
  return found;
}

describe('tapeops parse log', () => {
  it('has raw bytes to work on: NULs, LF-then-CR and tabs are in the capture', () => {
    const raw = fixture('batch-log', 'raw-capture-terminal.txt');
    expect(raw).toContain('\n\0\0\0\0$ Set NoOn\r');
    expect(raw).toContain('\t');
    expect(raw).toMatch(/\r\n$/);
  });

  it('reads a raw terminal capture exactly as the clean log', () => {
    const result = run('raw');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const printed = JSON.parse(result.stdout) as unknown;
    const clean = parseBatchLog(fixture('batch-log', 'trailer-alpha.txt').replace(/\n+$/, ''));
    expect(printed).toEqual(JSON.parse(JSON.stringify(clean)));
    expect(printed).toMatchObject({ ok: true, value: { unread: [], trailer: { complete: true, accounting: { peakVirtualSize: 171344, layout: 'alpha' } } } });
  });

  it('prints the lines it did not read, with their numbers, and says how many on standard error', () => {
    const result = run('unknown');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { value: { unread: { line: number; text: string }[] } };
    expect(printed.value.unread.map((line) => line.line)).toEqual([5, 7, 8, 9]);
    expect(result.stderr).toBe('4 lines not read: 5, 7, 8, 9\n');
  });
});

describe('normaliseCapture', () => {
  it('drops fill characters and escape sequences, reads LF-then-CR and CR CR LF as one line end, and drops the empty edges', () => {
    expect(normaliseCapture('\n\0\0$ SHOW TIME\r\n\0  3-AUG-2010 07:00:00\r\r\n\x1b[K$ \r\n')).toBe('$ SHOW TIME\n  3-AUG-2010 07:00:00\n$ ');
  });

  it('keeps a blank record of LF-then-CR carriage control as a blank line', () => {
    expect(normaliseCapture('\nA\r\n\r\nB\r')).toBe('A\n\nB');
  });
});
