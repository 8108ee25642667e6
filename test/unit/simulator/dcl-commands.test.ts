/** Each command's output, read back with the console's own parsers (shared/vms/parsers). */
import { describe, expect, it } from 'vitest';
import { parseDirectory, parseShowDevice, parseShowEntry, parseShowLogical, parseShowQueue, parseSubmit } from '../../../shared/vms/parsers';
import { run, siteAt } from './site-fixture';

function value<T>(result: { ok: boolean; refused?: boolean; value?: T; error?: unknown }): T {
  if (!result.ok || result.refused === true) throw new Error(`not parsed: ${JSON.stringify(result)}`);
  return result.value as T;
}

describe('simulated DCL', () => {
  it('answers an unknown verb as VMS does, with its status', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const r = await run(site, 'FROBNICATE');
    expect(r.lines).toEqual(['%DCL-W-IVVERB, unrecognized command verb - check validity and spelling', ' \\FROBNICATE\\']);
    expect(r.status).toBe(0x38090);
    const session = site.openSession('BLT4');
    const out: string[] = [];
    session.onOutput((d) => out.push(d));
    session.write('\x1b[?1;2c');
    session.write('FOO\rWRITE SYS$OUTPUT $STATUS\r');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const text = out.join('');
    expect(text).toContain('\0BLT4> ');
    expect(text).toContain('FOO\r\n%DCL-W-IVVERB');
    expect(text).toContain('WRITE SYS$OUTPUT $STATUS\r\n%X00038090\r\n\0BLT4> ');
    session.close();
  });

  it('stops echoing what is typed after SET TERMINAL/NOECHO, and starts again after /ECHO', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const session = site.openSession('BLT4');
    const out: string[] = [];
    session.onOutput((d) => out.push(d));
    session.write('\x1b[?1;2c');
    const typed = async (line: string): Promise<string> => {
      out.length = 0;
      session.write(`${line}\r`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return out.join('');
    };
    await typed('SET TERMINAL/NOECHO');
    expect(await typed('SHOW TIME')).toBe('\r\n   4-AUG-2010 09:00:00\r\n\0BLT4> ');
    expect(await typed('SET TERMINAL/ECHO')).toBe('\r\n\0BLT4> ');
    expect(await typed('SHOW TIME')).toBe('SHOW TIME\r\n   4-AUG-2010 09:00:00\r\n\0BLT4> ');
    session.close();
  });

  it('accepts abbreviations and rejects ambiguous ones', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    expect((await run(site, 'SHO TIM')).lines).toEqual(['   4-AUG-2010 09:00:00']);
    expect((await run(site, 'S TIME')).lines[0]).toMatch(/^%DCL-W-ABVERB/);
    expect((await run(site, 'SHOW QUEUE/FROB')).lines).toEqual(['%DCL-W-IVQUAL, unrecognized qualifier - check validity, spelling, and placement', ' \\FROB\\']);
  });

  it('shows the logical name chain of the plan, one level at a time', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const chain = await run(site, 'SHOW LOGICAL RDB1$DISK00');
    expect(chain.lines).toEqual(['   "RDB1$DISK00" = "DISK$PROD_09:" (LNM$SYSTEM_TABLE)', '1  "DISK$PROD_09" = "$1$DGA15:" (LNM$SYSTEM_TABLE)']);
    const parsed = value(parseShowLogical((await run(site, 'SHOW LOGICAL LEASE_FILES')).output)) as { names: { name: string }[] };
    expect(JSON.stringify(parsed)).toContain('RDB1$DISK00:[LEASE_FILES]');
    expect((await run(site, 'SHOW LOGICAL NOSUCH')).lines).toEqual(['%SHOW-S-NOTRAN, no translation for logical name NOSUCH']);
  });

  it('lists queues, entries and submissions in the layouts the parsers read', async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const submit = await run(site, 'SUBMIT/QUEUE=TIME_BLT4/USER=LEASE_BATCH/AFTER=12:00/NOPRINTER DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_DOCUMENT.COM');
    const confirmation = value(parseSubmit(submit.output)) as { entry: number; state: string };
    expect(confirmation.state).toBe('holding-until');
    const queues = value(parseShowQueue((await run(site, 'SHOW QUEUE/FULL/ALL TIME_BLT4')).output)) as {
      queues: { name: string; jobLimit: number; entries: { entry: number; jobName: string; status: { state: string } }[] }[];
    };
    expect(queues.queues[0]?.name).toBe('TIME_BLT4');
    expect(queues.queues[0]?.entries[0]).toMatchObject({ entry: confirmation.entry, jobName: 'RMU_BACKUP_DOCUMENT', status: { state: 'holding-until' } });
    const tape = value(parseShowQueue((await run(site, 'SHOW QUEUE/FULL TAPE_BACKUP')).output)) as { queues: { jobLimit: number }[] };
    expect(tape.queues[0]?.jobLimit).toBe(1);
    const entry = value(parseShowEntry((await run(site, `SHOW ENTRY/FULL ${confirmation.entry}`)).output)) as { entries: { queue: string }[] };
    expect(entry.entries[0]?.queue).toBe('TIME_BLT4');
    await run(site, `DELETE/ENTRY=${confirmation.entry}`);
    expect((await run(site, `SHOW ENTRY ${confirmation.entry}`)).lines).toEqual(['%JBC-E-NOSUCHENT, no such entry']);
  });

  it('shows the disks and the tape drive', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const brief = value(parseShowDevice((await run(site, 'SHOW DEVICE')).output)) as {
      devices: { name: string; volumeLabel: string | null; freeBlocks: number | null }[];
    };
    const area = brief.devices.find((d) => d.volumeLabel === 'BACKUP_01');
    expect(area?.freeBlocks).toBeGreaterThan(0);
    expect(brief.devices.map((d) => d.name)).toContain('$1$DGA15:');
    const full = value(parseShowDevice((await run(site, 'SHOW DEVICE/FULL $2$MKA500:')).output)) as { devices: { deviceType: string | null; online: boolean | null }[] };
    expect(full.devices[0]).toMatchObject({ deviceType: 'TZ887', online: true });
  });

  it('lists directories with sizes and dates, and types files', async () => {
    const { site } = siteAt('2010-08-04T09:00:00');
    const listing = value(parseDirectory((await run(site, 'DIRECTORY/SIZE/DATE DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]*.COM;0')).output)) as {
      directories: { directory: string; files: { name: string; usedBlocks: number | null }[] }[];
    };
    expect(listing.directories[0]?.directory).toBe('DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]');
    expect(listing.directories[0]?.files.map((f) => f.name)).toContain('DAILY_BACKUP');
    const typed = await run(site, 'TYPE USER_ROOT:[LEASE_BACKUP.COM]DAILY_BACKUP.COM');
    expect(typed.lines[0]).toBe('$! DAILY_BACKUP.COM');
    expect((await run(site, 'DIRECTORY DISK$MENTAT:[NOSUCH]')).lines[1]).toBe('-RMS-E-DNF, directory not found');
  });
});
