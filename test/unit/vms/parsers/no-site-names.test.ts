/** The site is data (DESIGN rule 3): the message grammar and the DCL output parsers name nothing of one site. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../../', import.meta.url);
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
  'LEASE',
  'MENTAT',
  'DGA15',
  'PROD_09',
];

function sources(): { file: string; text: string }[] {
  const parsers = readdirSync(new URL('shared/vms/parsers/', ROOT))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `shared/vms/parsers/${name}`);
  const files = ['shared/vms/messages.ts', 'shared/vms/message-catalogue.ts', ...parsers];
  return files.map((file) => ({ file, text: readFileSync(new URL(file, ROOT), 'utf8') }));
}

describe('no site-specific name in the message grammar and the parsers', () => {
  it('finds the source files', () => {
    expect(sources().length).toBeGreaterThan(15);
  });

  for (const word of SITE_WORDS) {
    it(`does not name ${word.trim()}`, () => {
      expect(
        sources()
          .filter((source) => source.text.includes(word))
          .map((source) => source.file),
      ).toEqual([]);
    });
  }
});
