/**
 * The simulated DCL session in the layouts of the fixtures: SET MESSAGE's partial messages
 * (messages/), DIRECTORY's error forms and a logical name as a directory (directory/), and the
 * login banner (login/), each read back by the console's own parsers where it has one.
 */
import { describe, expect, it } from 'vitest';
import { parseMessages } from '../../../shared/vms/messages';
import { parseDirectory } from '../../../shared/vms/parsers/directory';
import { parseShowDevice } from '../../../shared/vms/parsers/show-device';
import { endsWithLoginPrompt } from '../../../src-main/hosts/shell-framing';
import { InteractiveSession } from '../../../src-main/simulator/dcl/session';
import { DclProcess } from '../../../src-main/simulator/dcl/process';
import { fixture } from '../vms/parsers/fixtures';
import { itemsOf, linesOf, typist } from './layout-shapes';
import { coreAt, run, siteAt } from './site-fixture';

describe('SET MESSAGE', () => {
  const forms = ['/NOSEVERITY', '/NOFACILITY', '/NOIDENTIFICATION', '/NOTEXT', '/NOFACILITY/NOSEVERITY', '/NOFACILITY/NOSEVERITY/NOIDENTIFICATION'];

  it('prints each partial form of a message as the fixture shows it, line for line', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const { session, typed } = typist(site);
    const printed: string[] = [];
    for (const form of forms) {
      expect(await typed(`SET MESSAGE${form}`)).toEqual([]);
      printed.push(...(await typed('SHOW DEVICE MKA500:')));
    }
    expect(printed).toEqual(linesOf(fixture('messages', 'set-message-partial.txt')));
    // every field left out: nothing printed; SET MESSAGE alone shows all four again
    await typed('SET MESSAGE/NOFACILITY/NOSEVERITY/NOIDENTIFICATION/NOTEXT');
    expect(await typed('SHOW DEVICE MKA500:')).toEqual([]);
    await typed('SET MESSAGE');
    expect(await typed('SHOW DEVICE MKA500:')).toEqual(linesOf(fixture('show-device', 'nosuchdev.txt')));
    // the console's reader knows each partial form as the one message
    const parsed = parseMessages(printed.slice(0, 5).join('\r\n'));
    expect(parsed?.map((m) => `${m.facility}-${m.severity}-${m.ident}`)).toEqual(Array(5).fill('SYSTEM-W-NOSUCHDEV'));
    expect(parseShowDevice(`${printed[0]}\r\n`)).toMatchObject({ ok: true, refused: true, refusal: { messages: [{ ident: 'NOSUCHDEV' }] } });
    session.close();
  });

  it("leaves TYPE's text alone: a log's messages are the file's, not the process's", async () => {
    const site = coreAt('2010-08-03T06:00:00');
    const process = new DclProcess(site, site.host('BLT4'), 'SYSTEM', true);
    process.execute('SET MESSAGE/NOFACILITY');
    expect(process.execute('SHOW DEVICE MKA500:').lines).toEqual(['%W-NOSUCHDEV, no such device available']);
    const typed = process.execute('TYPE DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]DAILY_BACKUP.COM');
    expect(typed.lines[0]).toBe('$! DAILY_BACKUP.COM');
  });
});

describe('DIRECTORY error forms', () => {
  it('a directory that is not there: OPENIN, DNF and NOSUCHFILE, as in the fixture', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const r = await run(site, 'DIRECTORY DISK$MENTAT:[USER_DIR.LEASECOM]');
    expect(r.lines).toEqual(linesOf(fixture('directory', 'directory-not-found.txt')));
    expect(r.status).toBe(0x000184c2);
    expect(parseDirectory(r.output)).toMatchObject({
      ok: true,
      refused: true,
      refusal: { worstSeverity: 'E', messages: [{ ident: 'OPENIN', continuation: [{ ident: 'DNF' }, { facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHFILE' }] }] },
    });
  });

  it('no file matching in a directory that is there: NOFILES alone', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const r = await run(site, 'DIRECTORY DISK$MENTAT:[USER_DIR.LEASECOMM]NOSUCH.LOG');
    expect(r.lines).toEqual(linesOf(fixture('directory', 'nofiles.txt')));
    expect(parseDirectory(r.output)).toMatchObject({ ok: true, value: { noFiles: true } });
  });

  it('a device that is not there: OPENIN and DEV', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const r = await run(site, 'DIRECTORY DISK$MENTATT:[USER_DIR]');
    expect(r.lines).toEqual(linesOf(fixture('directory', 'device-not-found.txt')));
    expect(parseDirectory(r.output)).toMatchObject({ ok: true, refused: true, refusal: { worstSeverity: 'F' } });
  });
});

describe('DIRECTORY of a logical name', () => {
  /** Where the size of each file ends: 26 (name 19, size 7), on the name's line or the one under it. */
  function sizeEnds(text: string): number[] {
    const lines = linesOf(text);
    const ends: number[] = [];
    for (const line of lines) {
      const items = itemsOf(line);
      const size = items.find((item) => /^\d+$/.test(item.text));
      if (size !== undefined && !line.startsWith('Total')) ends.push(size.end);
    }
    return ends;
  }

  it('DIRECTORY SYS$LOGIN works without a colon, listing the login directory in the fixture layout', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const bare = await run(site, 'DIRECTORY/SIZE SYS$LOGIN');
    const colon = await run(site, 'DIRECTORY/SIZE SYS$LOGIN:');
    expect(bare.output).toBe(colon.output);
    const want = fixture('directory', 'sys-login-size.txt');
    expect(linesOf(bare.output).slice(0, 3)).toEqual(linesOf(want).slice(0, 3));
    expect(new Set(sizeEnds(bare.output))).toEqual(new Set(sizeEnds(want)));
    expect(linesOf(bare.output).at(-1)).toMatch(/^Total of \d+ files, \d+ blocks\.$/);
    const listing = parseDirectory(bare.output);
    if (!listing.ok || listing.refused) throw new Error('not a listing');
    expect(listing.warnings).toEqual([]);
    expect(listing.value.directories[0]?.directory).toBe('SYS$SYSROOT:[SYSMGR]');
  });

  it('DIRECTORY/SIZE/DATE of the logs in the columns of the fixture', async () => {
    const { site } = siteAt('2010-08-03T06:00:00');
    const out = (await run(site, 'DIRECTORY/SIZE/DATE DISK$MENTAT:[USER_DIR.LEASECOMM]')).output;
    const want = fixture('directory', 'leasecomm-size-date.txt');
    expect(new Set(sizeEnds(out))).toEqual(new Set(sizeEnds(want)));
    const listing = parseDirectory(out);
    expect(listing.ok && listing.warnings).toEqual([]);
  });
});

describe('the login banner', () => {
  it('as LOGINOUT prints it: welcome, last interactive and non-interactive logins, then the prompt', async () => {
    const site = coreAt('2010-08-03T06:01:02.03');
    const process = new DclProcess(site, site.host('BLT4'), 'SYSTEM', true);
    const session = new InteractiveSession(process, {
      identifyTimeoutMs: 20,
      lastLogin: new Date('2010-08-02T14:00:00'),
      lastNonInteractiveLogin: new Date('2010-08-03T06:01:02.03'),
    });
    const out: string[] = [];
    session.onOutput((data) => out.push(data));
    await new Promise<void>((resolve) => {
      const check = () => (out.join('').endsWith('\0BLT4> ') ? resolve() : setTimeout(check, 1));
      check();
    });
    const text = out.join('');
    expect(text.startsWith('\x1b[c')).toBe(true);
    const banner = text.slice(3).replace(/\0/g, '');
    expect(banner).toBe(linesOf(fixture('login', 'banner-alpha.txt')).join('\r\n'));
    // the console's shell framing sees DCL waiting for a command at the end of it
    expect(endsWithLoginPrompt(banner)).toBe(true);
    session.close();
  });
});
