/**
 * `tapeops labels` as an operator types it: the real CLI writes the files, and the real tools read
 * them back (pdftotext, pdftoppm at 300 dpi, zbarimg). Bad input exits 2 with one line and leaves
 * nothing at --out.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLabels } from '../../shared/tapes/set-labels';
import { loadCliSite } from '../../src-main/cli/cli-site';
import { makeTempDir, type TempDir } from '../support/api-fixtures';
import { runAll, type CliRun as Run } from '../support/cli-runs';
import { pdfText, requireTools, scan, scanPdf } from './labels-tools';

function codesOf(date: string, set: 'billrun' | 'daily' | 'all'): string[] {
  const result = setLabels(loadCliSite(undefined).profile, date, set);
  if (!result.ok) throw new Error(result.problem);
  return result.labels.map((label) => label.code);
}

let dir: TempDir;
let runs = new Map<string, Run>();
const file = (name: string) => dir.file(name);

const invocations: Record<string, () => string[]> = {
  billRunPdf: () => ['labels', '--date', '2010-08-03', '--format', 'pdf', '--out', file('billrun.pdf')],
  billRunZpl: () => ['labels', '--date', '2010-08-03', '--set', 'billrun', '--format', 'zpl', '--out', file('billrun.zpl')],
  dailyPng: () => ['labels', '--date', '2010-08-04', '--set', 'daily', '--format', 'png', '--out', file('daily.png')],
  dayPngs: () => ['labels', '--date', '2010-08-03', '--format', 'png', '--stock', 'dlt-cartridge', '--out', file('day.png')],
  cartridgesPdf: () => ['labels', '--cartridges', 'MF0001..MF0003', '--format', 'pdf', '--out', file('cartridges.pdf')],
  badDate: () => ['labels', '--date', '2010-02-30', '--format', 'pdf', '--out', file('bad-date.pdf')],
  unknownStock: () => ['labels', '--date', '2010-08-03', '--stock', 'avery-9999', '--format', 'pdf', '--out', file('unknown-stock.pdf')],
  unknownFormat: () => ['labels', '--date', '2010-08-03', '--format', 'jpeg', '--out', file('unknown-format.jpeg')],
  notBillRun: () => ['labels', '--date', '2010-08-05', '--set', 'billrun', '--format', 'pdf', '--out', file('not-billrun.pdf')],
  backwardsRange: () => ['labels', '--cartridges', 'MF0003..MF0001', '--format', 'pdf', '--out', file('backwards.pdf')],
  rangeSyntax: () => ['labels', '--cartridges', 'MF0001-MF0003', '--format', 'pdf', '--out', file('range-syntax.pdf')],
  cartridgesWithDate: () => ['labels', '--cartridges', 'MF0001..MF0003', '--date', '2010-08-03', '--format', 'pdf', '--out', file('both.pdf')],
  missingOut: () => ['labels', '--date', '2010-08-03', '--format', 'pdf'],
};

beforeAll(async () => {
  requireTools();
  dir = makeTempDir('cli-labels');
  runs = await runAll(invocations);
}, 240000);

afterAll(() => dir?.remove());

function run(name: string): Run {
  const found = runs.get(name);
  if (!found) throw new Error(`no run ${name}`);
  return found;
}

function succeeded(name: string): string[] {
  const result = run(name);
  expect(result.stderr, name).toBe('');
  expect(result.code, name).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('tapeops labels --date', () => {
  it('writes the Bill Run day of 2010-08-03 as one PDF: the set in order, then the DAILY label, each scanning as its code', async () => {
    const codes = codesOf('2010-08-03', 'all');
    expect(codes.slice(0, 5)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G']);
    expect(codes).toHaveLength(6);
    expect(codes[5]).toMatch(/^DAILY \d$/);
    const pdf = file('billrun.pdf');
    expect(succeeded('billRunPdf')).toEqual([`wrote ${pdf} (6 labels, Avery 5163 shipping labels, 4 × 2 in, 10 per US Letter sheet)`]);

    const text = await pdfText(pdf);
    const places = codes.map((code) => text.indexOf(code));
    expect(
      places.every((place) => place >= 0),
      text,
    ).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);

    const pages = await scanPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages.flat().sort()).toEqual([...codes].sort());
  }, 60000);

  it('writes --set billrun as ZPL: one ^XA ... ^XZ format per tape of the set, each with its code', () => {
    const codes = codesOf('2010-08-03', 'billrun');
    const zplFile = file('billrun.zpl');
    expect(succeeded('billRunZpl')).toEqual([`wrote ${zplFile} (5 labels, Thermal roll, 4 × 2 in, for a 203 dpi Zebra printer)`]);
    const zpl = readFileSync(zplFile, 'utf8');
    const formats = [...zpl.matchAll(/\^XA([\s\S]*?)\^XZ/g)].map((match) => match[1] ?? '');
    expect(formats).toHaveLength(5);
    expect(zpl.split('^XA')).toHaveLength(6);
    formats.forEach((format, index) => expect(format).toContain(`^FD${codes[index]}^FS`));
  });

  it("writes the daily label of 2010-08-04 as one PNG at --out that scans as that day's DAILY code", async () => {
    const [daily, ...more] = codesOf('2010-08-04', 'daily');
    expect(more).toEqual([]);
    const png = file('daily.png');
    expect(succeeded('dailyPng')).toEqual([`wrote ${png} (1 label, Avery 5163 shipping labels, 4 × 2 in, 10 per US Letter sheet)`]);
    expect(await scan(png)).toEqual([daily]);
  }, 30000);

  it('writes one PNG per label when there are several, named by the code with its space as _', async () => {
    const codes = codesOf('2010-08-03', 'all');
    const pngs = codes.map((code) => file(`day-${code.replace(' ', '_')}.png`));
    expect(pngs).toContain(file('day-100803P.png'));
    expect(succeeded('dayPngs')).toEqual(pngs.map((png) => `wrote ${png} (1 label, DLT cartridge label, 74 × 21 mm, one per page)`));
    expect(existsSync(file('day.png'))).toBe(false);
    expect(await Promise.all(pngs.map(scan))).toEqual(codes.map((code) => [code]));
  }, 30000);
});

describe('tapeops labels --cartridges', () => {
  it('writes MF0001..MF0003 on the cutting sheet, scanning as serial and media ID', async () => {
    const pdf = file('cartridges.pdf');
    expect(succeeded('cartridgesPdf')).toEqual([`wrote ${pdf} (3 labels, DLT cartridge labels, 74 × 21 mm, 24 per US Letter sheet, to cut)`]);
    const pages = await scanPdf(pdf);
    expect(pages).toHaveLength(1);
    expect(pages.flat().sort()).toEqual(['MF0001D', 'MF0002D', 'MF0003D']);
  }, 30000);
});

describe('tapeops labels: bad input', () => {
  // [run, what was wrong, the message, the --out file name]
  const cases: [string, string, RegExp, string | null][] = [
    ['badDate', '--date 2010-02-30', /--date "2010-02-30" is not a day of the calendar/, 'bad-date.pdf'],
    ['unknownStock', '--stock avery-9999', /unknown --stock "avery-9999"; the stocks are avery-5163, .*dlt-cartridge/, 'unknown-stock.pdf'],
    ['unknownFormat', '--format jpeg', /--format "jpeg" must be one of pdf, png, zpl/, 'unknown-format.jpeg'],
    ['notBillRun', '--set billrun on 2010-08-05', /2010-08-05 is not a Bill Run day; the next Bill Run is .*Aug\. 9, 2010/, 'not-billrun.pdf'],
    ['backwardsRange', '--cartridges MF0003..MF0001', /MF0001 comes before MF0003/, 'backwards.pdf'],
    ['rangeSyntax', '--cartridges MF0001-MF0003', /--cartridges takes a range FROM\.\.TO/, 'range-syntax.pdf'],
    ['cartridgesWithDate', '--cartridges with --date', /leave out --date and --set/, 'both.pdf'],
    ['missingOut', 'no --out', /labels needs --out FILE/, null],
  ];
  for (const [name, what, message, out] of cases) {
    it(`${what}: exit 2, one line, nothing written`, () => {
      const result = run(name);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^tapeops: /);
      expect(lines[0]).toMatch(message);
      if (out !== null) {
        expect(readdirSync(dir.path).filter((entry) => entry.startsWith(out))).toEqual([]);
      }
    });
  }
});
