/** SHOW SYSTEM on the simulated BLT4: each executing batch job is a BATCH_nnn process of its user, in VMS's columns. */
import { describe, expect, it } from 'vitest';
import { fixture } from '../vms/parsers/fixtures';
import { itemsOf, linesOf } from './layout-shapes';
import { run, siteAt } from './site-fixture';

const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';
const HEADER_LINE = /^OpenVMS V\d\.\d(?:-\d)?  on node [A-Z0-9$_]+  [ \d]\d-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d\.\d\d  Uptime  \d+ \d\d:\d\d:\d\d$/;

/** Where a process line's columns are: State's start, then the end of every figure and the mark. */
function columns(line: string): number[] {
  const [, state, ...rest] = itemsOf(line);
  return [state?.start ?? -1, ...rest.map((item) => item.end)];
}

describe('SHOW SYSTEM', () => {
  it('lists an executing job as BATCH_<entry>, marked B, in the columns of the fixture', async () => {
    const [title, header, row] = linesOf(fixture('show-system', 'batch-alpha.txt'));
    expect(title).toMatch(HEADER_LINE);
    const { site } = siteAt('2010-08-03T09:00:00', { dailyBackup: false });
    const submitted = await run(site, `SUBMIT/QUEUE=TAPE_BACKUP/NAME=ADHOC_LEASE/USER=LEASE_BATCH ${PROCEDURES}RMU_BACKUP_LEASE_DATA.COM`);
    const entry = /entry (\d+)/.exec(submitted.output)?.[1];
    site.advance();

    const shown = await run(site, 'SHOW SYSTEM/BATCH');
    expect(shown.lines[0]).toMatch(HEADER_LINE);
    expect(shown.lines[0]).toContain('on node BLT4   3-AUG-2010 09:00');
    expect(shown.lines[1]).toBe(header);
    const batch = shown.lines.find((line) => line.includes(`BATCH_${entry}`));
    expect(batch).toMatch(new RegExp(`^[0-9A-F]{8} BATCH_${entry} +LEF .*  B$`));
    expect(columns(batch ?? '')).toEqual(columns(row ?? ''));
    // without /BATCH the system's own processes come first, and the job is among them
    const all = await run(site, 'SHOW SYSTEM');
    expect(all.lines.slice(2).map((line) => line.slice(9, 24).trim())).toEqual(expect.arrayContaining(['SWAPPER', 'JOB_CONTROL', `BATCH_${entry}`]));
    site.close();
  });

  it('shows no batch process while no job runs', async () => {
    const { site } = siteAt('2010-08-03T09:00:00', { dailyBackup: false });
    const shown = await run(site, 'SHOW SYSTEM/BATCH');
    expect(shown.lines.filter((line) => /BATCH_\d+/.test(line))).toEqual([]);
    site.close();
  });
});
