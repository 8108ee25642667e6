import { describe, expect, it } from 'vitest';
import { parseShowLogical, type LogicalListing } from '../../../../shared/vms/parsers/show-logical';
import { fixture } from './fixtures';

function listing(name: string): LogicalListing {
  const result = parseShowLogical(fixture('show-logical', name));
  if (!result.ok || result.refused) throw new Error(`expected names from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseShowLogical', () => {
  it("reads the plan's LEASE_FILES definition", () => {
    expect(listing('lease-files.txt')).toEqual({
      names: [
        {
          name: 'LEASE_FILES',
          level: 0,
          mode: null,
          nameAttributes: [],
          table: 'LNM$SYSTEM_TABLE',
          equivalences: [{ value: 'RDB1$DISK00:[LEASE_FILES]', concealed: false, terminal: false, attributes: [] }],
          line: 1,
        },
      ],
      notFound: [],
      messages: [],
    });
  });

  it('reads an iterated translation one level down, its mode, and [concealed] and [terminal] (CRLF)', () => {
    const { names } = listing('rdb1-disk00-iterated.txt');
    expect(names.map((name) => [name.level, name.name, name.mode, name.equivalences[0]?.value, name.equivalences[0]?.concealed, name.equivalences[0]?.terminal])).toEqual(
      [
        [0, 'RDB1$DISK00', 'super', 'DISK$PROD_09:', true, false],
        [1, 'DISK$PROD_09', 'exec', '$1$DGA15:', true, true],
      ],
    );
  });

  it('reads a search list whose further values start with "="', () => {
    const { names } = listing('search-list.txt');
    expect(names[0]?.equivalences.map((equivalence) => equivalence.value)).toEqual(['DISK$MENTAT:[USER_DIR.LEASECOMM]', 'DISK$BACKUP_01:[LEASE_BACKUP.LOGS]']);
    expect(names.map((name) => `${name.level} ${name.name}`)).toEqual(['0 LEASE_LOGS', '0 BACKUP_DISKS', '1 DISK$MENTAT', '1 DISK$BACKUP_01', '0 USER_ROOT']);
    expect(names[1]?.equivalences.map((equivalence) => equivalence.value)).toEqual(['DISK$MENTAT:', 'DISK$BACKUP_01:']);
    expect(names[4]?.equivalences).toEqual([{ value: 'DISK$MENTAT:[USER_DIR.]', concealed: true, terminal: false, attributes: ['concealed'] }]);
  });

  it('answers %SHOW-S-NOTRAN as "not defined", not as a refusal', () => {
    expect(parseShowLogical(fixture('show-logical', 'notran.txt'))).toMatchObject({
      ok: true,
      refused: false,
      value: { names: [], notFound: [{ name: 'LEASE_FILEZ', line: 1 }], messages: [{ facility: 'SHOW', severity: 'S', ident: 'NOTRAN' }] },
    });
  });

  it('reads NOTRAN among translations', () => {
    const text = `${fixture('show-logical', 'lease-files.txt')}%SHOW-S-NOTRAN, no translation for logical name LEASE_AMORT_FILEZ\n`;
    expect(parseShowLogical(text)).toMatchObject({ ok: true, value: { names: [{ name: 'LEASE_FILES' }], notFound: [{ name: 'LEASE_AMORT_FILEZ', line: 2 }] } });
  });

  it("reads a whole table listed under its header, with another site's names and modes", () => {
    const { names } = listing('process-table-other-site.txt');
    expect(names).toHaveLength(9);
    expect(names.every((name) => name.table === 'LNM$PROCESS_TABLE')).toBe(true);
    expect(names.filter((name) => name.name === 'SYS$DISK').map((name) => name.mode)).toEqual(['super', 'exec']);
  });

  it('reads doubled quotes inside an equivalence string', () => {
    const result = parseShowLogical('   "GREETING" = "say ""hello""" (LNM$PROCESS_TABLE)');
    expect(result.ok && !result.refused && result.value.names[0]?.equivalences[0]?.value).toBe('say "hello"');
  });

  it('refuses other messages as the host saying no', () => {
    expect(parseShowLogical('%SYSTEM-F-NOPRIV, insufficient privilege or object protection violation')).toMatchObject({ ok: true, refused: true });
  });

  describe('unreadable output', () => {
    it('a line without "="', () => {
      expect(parseShowLogical('   "LEASE_FILES" "RDB1$DISK00:[LEASE_FILES]" (LNM$SYSTEM_TABLE)')).toMatchObject({
        ok: false,
        error: { line: 1, expected: 'an "=" and the equivalence string after the logical name' },
      });
    });

    it('something after the table name', () => {
      expect(parseShowLogical('\n   "LEASE_FILES" = "RDB1$DISK00:[LEASE_FILES]" (LNM$SYSTEM_TABLE) extra')).toMatchObject({
        ok: false,
        error: { line: 2, expected: expect.stringContaining('table name in parentheses') },
      });
    });

    it('a line that is not a logical name', () => {
      expect(parseShowLogical('LEASE_FILES is RDB1$DISK00')).toMatchObject({
        ok: false,
        error: { line: 1, expected: expect.stringContaining('"APP_FILES" = "DB1$DISK00:[APP_FILES]"') },
      });
    });
  });
});

describe('parseShowLogical, /FULL layouts of issue 11', () => {
  it("reads the plan's RDB1$DISK00 chain, one level followed", () => {
    const { names } = listing('rdb1-disk00-plan.txt');
    expect(names.map((name) => [name.level, name.name, name.mode, name.equivalences[0]?.value])).toEqual([
      [0, 'RDB1$DISK00', null, 'DISK$PROD_09:'],
      [1, 'DISK$PROD_09', null, '$1$DGA15:'],
    ]);
  });

  it('reads a process name in supervisor mode', () => {
    expect(listing('process-name-full.txt').names).toEqual([expect.objectContaining({ name: 'LEASE_WORK', mode: 'super', table: 'LNM$PROCESS_TABLE', level: 0 })]);
  });

  it('reads a terminal name with nothing followed after it', () => {
    const { names } = listing('terminal-stops.txt');
    expect(names).toHaveLength(1);
    expect(names[0]?.equivalences[0]).toMatchObject({ value: 'DISK$PROD_09:', terminal: true, concealed: false });
  });

  it('reads every fixture with no warning', () => {
    for (const name of ['lease-files.txt', 'rdb1-disk00-plan.txt', 'rdb1-disk00-iterated.txt', 'search-list.txt', 'process-name-full.txt', 'terminal-stops.txt']) {
      const result = parseShowLogical(fixture('show-logical', name));
      expect(result.ok && result.warnings, name).toEqual([]);
    }
  });
});
