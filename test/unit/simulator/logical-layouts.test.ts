/**
 * The simulator's SHOW LOGICAL output in the layouts of test/fixtures/vms/show-logical/: the
 * plan's own captures to the character, /FULL with the access modes the system sets, a terminal
 * name not followed, and every line read back by the console's parser.
 */
import { describe, expect, it } from 'vitest';
import { parseShowLogical, type LogicalListing } from '../../../shared/vms/parsers/show-logical';
import { fixture } from '../vms/parsers/fixtures';
import { linesOf, typist } from './layout-shapes';
import { run, siteAt } from './site-fixture';

function listing(text: string): LogicalListing {
  const result = parseShowLogical(text);
  if (!result.ok || result.refused) throw new Error(`not a logical name listing: ${JSON.stringify(result)}`);
  expect(result.warnings).toEqual([]);
  return result.value;
}

/** A line's shape: its layout with the quoted strings emptied. */
function shape(line: string): string {
  return line.replace(/"(?:[^"]|"")*"/g, '""');
}

describe('SHOW LOGICAL as the simulated BLT4 prints it', () => {
  it("prints the plan's captures as the plan shows them", async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    expect(linesOf((await run(site, 'SHOW LOGICAL LEASE_FILES')).output)).toEqual(linesOf(fixture('show-logical', 'lease-files.txt')));
    expect(linesOf((await run(site, 'SHOW LOGICAL RDB1$DISK00')).output)).toEqual(linesOf(fixture('show-logical', 'rdb1-disk00-plan.txt')));
    expect(linesOf((await run(site, 'SHOW LOGICAL LEASE_FILEZ')).output)).toEqual(linesOf(fixture('show-logical', 'notran.txt')));
  });

  it('/FULL: [super] for the site names, [exec] and [concealed,terminal] for the name MOUNT defines', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const out = (await run(site, 'SHOW LOGICAL/FULL RDB1$DISK00')).output;
    expect(linesOf(out)).toEqual(linesOf(fixture('show-logical', 'rdb1-disk00-iterated.txt')));
    const names = listing(out).names;
    expect(names.map((n) => [n.name, n.mode])).toEqual([
      ['RDB1$DISK00', 'super'],
      ['DISK$PROD_09', 'exec'],
    ]);
    // every DISK$label name is MOUNT's: executive mode, concealed and terminal
    const mentat = listing((await run(site, 'SHOW LOGICAL/FULL DISK$MENTAT')).output).names;
    expect(mentat).toEqual([expect.objectContaining({ mode: 'exec', equivalences: [expect.objectContaining({ concealed: true, terminal: true })] })]);
  });

  it('/FULL: search lists and a rooted name in the fixture layout', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    await run(site, 'DEFINE/SYSTEM LEASE_LOGS DISK$MENTAT:[USER_DIR.LEASECOMM],DISK$BACKUP_01:[LEASE_BACKUP.LOGS]');
    await run(site, 'DEFINE/SYSTEM BACKUP_DISKS DISK$MENTAT:,DISK$BACKUP_01:');
    const out = (await run(site, 'SHOW LOGICAL/FULL LEASE_LOGS,BACKUP_DISKS,USER_ROOT')).output;
    const want = linesOf(fixture('show-logical', 'search-list.txt'));
    expect(linesOf(out).map(shape)).toEqual(want.map(shape));
    expect(listing(out).names.map((n) => `${n.level} ${n.name} ${n.mode}`)).toEqual(
      listing(fixture('show-logical', 'search-list.txt')).names.map((n) => `${n.level} ${n.name} ${n.mode}`),
    );
  });

  it('a process name is [super]; a terminal name is not translated further', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const { session, typed } = typist(site);
    await typed('DEFINE LEASE_WORK DISK$BACKUP_01:[LEASE_BACKUP]');
    expect(await typed('SHOW LOGICAL/FULL LEASE_WORK')).toEqual(linesOf(fixture('show-logical', 'process-name-full.txt')));
    await typed('DEFINE/TRANSLATION_ATTRIBUTES=TERMINAL LEASE_DISK DISK$PROD_09:');
    expect(await typed('SHOW LOGICAL/FULL LEASE_DISK')).toEqual(linesOf(fixture('show-logical', 'terminal-stops.txt')));
    // without TERMINAL the same name is followed to the device
    await typed('DEFINE LEASE_DISK DISK$PROD_09:');
    const followed = await typed('SHOW LOGICAL/FULL LEASE_DISK');
    expect(followed.filter((line) => line !== '' && !line.startsWith('%'))).toHaveLength(2);
    session.close();
  });
});
