/**
 * The audit log export as Electron does it: the save dialog names a file, and the log is written
 * there as it is read (never held whole); a cancelled dialog writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src-main/app/dispatch';
import type { ConsoleMain } from '../../src-main/app/start-console';
import { makeTempDir, okResult as ok, openServices, type TempDir } from '../support/api-fixtures';

let dir: TempDir;
let tapeops: ConsoleMain;
let chosen: string | null;
const asked: string[] = [];
const ctx: RequestContext = { operator: null };

beforeEach(async () => {
  dir = makeTempDir('audit-export');
  ({ services: tapeops } = await openServices(dir, {
    shell: 'electron',
    chooseSavePath: async (suggested) => {
      asked.push(suggested);
      return chosen;
    },
  }));
  ok(await tapeops.request('session.signIn', { initials: 'JS' }, ctx));
  ok(await tapeops.request('labels.chooseStock', { use: 'set', stockId: 'avery-l7165' }, ctx));
});

afterEach(async () => {
  await tapeops.close();
  dir.remove();
  asked.length = 0;
});

describe('audit.csv in Electron', () => {
  it('writes the log to the file the save dialog names, offering the day-stamped name', async () => {
    chosen = dir.file('chosen.csv');
    const answer = ok<{ fileName: string; savedTo: string | null }>(await tapeops.request('audit.csv', {}, ctx));
    expect(asked).toEqual([answer.fileName]);
    expect(answer.fileName).toMatch(/^tapeops-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(answer.savedTo).toBe(chosen);
    const csv = readFileSync(chosen, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('id,at,who,action,subject,details');
    expect(csv).toContain(',JS,settings.change,labels.stock.set,');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    chosen = null;
    const answer = ok<{ savedTo: string | null }>(await tapeops.request('audit.csv', {}, ctx));
    expect(answer.savedTo).toBeNull();
    expect(existsSync(dir.file('chosen.csv'))).toBe(false);
  });
});
