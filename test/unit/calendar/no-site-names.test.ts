/** The site is data (DESIGN rule 3): the calendar, tape and export code names nothing of one site. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url);
const SITE_WORDS = [
  'BLT',
  'DAILY_BACKUP',
  'DAILY ',
  'TAPE_BACKUP',
  'TIME_BLT',
  'BATCHMAN',
  'INITIALIZE_TAPES',
  'INVOICE',
  'PROD_AND_DEVEL',
  'CONSOLIDATED',
  'RMU_',
  'Iron Mountain',
  'Microfinancial',
  'TZ887',
  'receptionist',
];
// A tape letter written as a string literal, such as 'P' or "G".
const LETTER_LITERAL = /(['"`])[DEFGP]\1/;

function sources(): { file: string; text: string }[] {
  const inFolder = (folder: string) =>
    readdirSync(new URL(folder, ROOT))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `${folder}${name}`);
  const files = [...inFolder('shared/calendar/'), ...inFolder('shared/tapes/'), ...inFolder('src-main/reports/').filter((f) => f.includes('calendar-ics'))];
  return files.map((file) => ({ file, text: readFileSync(new URL(file, ROOT), 'utf8') }));
}

describe('no site-specific name in the calendar, tape and calendar export code', () => {
  it('finds the source files', () => {
    expect(sources().length).toBeGreaterThan(10);
  });

  for (const word of SITE_WORDS) {
    it(`does not name ${word.trim()}`, () => {
      const offenders = sources()
        .filter((source) => source.text.includes(word))
        .map((source) => source.file);
      expect(offenders).toEqual([]);
    });
  }

  it('writes no tape letter as a literal', () => {
    expect(
      sources()
        .filter((source) => LETTER_LITERAL.test(source.text))
        .map((source) => source.file),
    ).toEqual([]);
  });
});
