import { describe, expect, it } from 'vitest';
import { parseDirectory, type DirectoryListing } from '../../../../shared/vms/parsers/directory';
import { fixture } from './fixtures';

function listing(name: string): DirectoryListing {
  const result = parseDirectory(fixture('directory', name));
  if (!result.ok || result.refused) throw new Error(`expected a listing from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseDirectory', () => {
  it('reads DIRECTORY/SIZE/DATE of the log directory, long names wrapped, and its total (CRLF)', () => {
    const [part] = listing('leasecomm-size-date.txt').directories;
    expect(part?.directory).toBe('DISK$MENTAT:[USER_DIR.LEASECOMM]');
    expect(part?.files.map((file) => [file.file, file.usedBlocks, file.date?.iso])).toEqual([
      ['AUTHSEND.LOG;3480', 12, '2026-11-25T06:59:58.120'],
      ['AUTHSEND.LOG;3479', 14, '2026-11-25T06:44:58.090'],
      ['CONSOLIDATED_BACKUP_TO_TAPE.LOG;31', 2210, '2026-11-24T23:48:11.020'],
      ['DAILY_BACKUP.LOG;12', 1234, '2026-11-25T07:01:00.430'],
      ['PROD_AND_DEVEL_BACKUP.LOG;22', 871, '2026-11-24T19:02:45.880'],
      ['RMU_BACKUP_DATA.LOG;40', 318, '2026-11-24T09:47:31.550'],
      ['RMU_BACKUP_DOCUMENT.LOG;40', 66, '2026-11-24T13:15:04.190'],
    ]);
    expect(part?.files[3]).toMatchObject({ name: 'DAILY_BACKUP', type: 'LOG', version: 12, problem: null, extra: null, line: 8 });
    expect(part?.files[2]?.line).toBe(6);
    expect(part?.total).toEqual({ files: 7, usedBlocks: 4725, allocatedBlocks: null, line: 16 });
  });

  it('reads /SIZE=ALL (used/allocated), two directories and the grand total', () => {
    const { directories, grandTotal } = listing('backup-area-size-all.txt');
    expect(directories.map((part) => [part.directory, part.files.length, part.total?.usedBlocks, part.total?.allocatedBlocks])).toEqual([
      ['DISK$BACKUP_01:[LEASE_BACKUP]', 4, 12166414, 12166454],
      ['DISK$BACKUP_01:[LEASE_BACKUP.SAVESETS]', 2, 187630, 187632],
    ]);
    expect(directories[0]?.files[0]).toMatchObject({ file: 'AMORT_DATA_BACKUP.RBF;14', type: 'RBF', usedBlocks: 2116440, allocatedBlocks: 2116448 });
    expect(directories[1]?.files[1]?.date?.iso).toBe('2026-12-02T06:09:12.370');
    expect(grandTotal).toEqual({ directories: 2, files: 6, usedBlocks: 12354044, allocatedBlocks: 12354086, line: 23 });
  });

  it('reads DIRECTORY/DATE as the plan uses it, without sizes', () => {
    const [part] = listing('backup-jobs-date-only.txt').directories;
    expect(part?.files).toHaveLength(8);
    expect(part?.files.every((file) => file.usedBlocks === null && file.date !== null)).toBe(true);
    expect(part?.files[1]).toMatchObject({ file: 'DAILY_BACKUP.COM;12', date: { iso: '2026-09-02T15:41:09.200' } });
    expect(part?.total).toMatchObject({ files: 8, usedBlocks: null });
  });

  it('reads plain DIRECTORY of another site, several names to a line', () => {
    const [part] = listing('plain-other-site.txt').directories;
    expect(part?.files.map((file) => file.file)).toEqual(['LOGIN.COM;4', 'MAIL.MAI;1', 'NOTES.TXT;12', 'NOTES.TXT;11', 'PAYROLL_RUN.LIS;2', 'PAYROLL_RUN.LIS;1']);
    expect(part?.total?.files).toBe(6);
  });

  it('reads %DIRECT-W-NOFILES as an answer: no files', () => {
    expect(parseDirectory(fixture('directory', 'nofiles.txt'))).toMatchObject({
      ok: true,
      refused: false,
      value: { directories: [], noFiles: true, messages: [{ facility: 'DIRECT', severity: 'W', ident: 'NOFILES' }] },
    });
  });

  it('answers a directory that is not there as the host saying no', () => {
    expect(parseDirectory(fixture('directory', 'directory-not-found.txt'))).toMatchObject({
      ok: true,
      refused: true,
      refusal: {
        worstSeverity: 'E',
        messages: [
          {
            ident: 'OPENIN',
            continuation: [
              { facility: 'RMS', ident: 'DNF' },
              { facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHFILE' },
            ],
          },
        ],
      },
    });
  });

  it('keeps a reason printed instead of size and date', () => {
    const result = parseDirectory('Directory DISK$MENTAT:[USER_DIR]\n\nSECRET.DAT;1        no privilege\n\nTotal of 1 file.\n');
    expect(result).toMatchObject({
      ok: true,
      value: { directories: [{ files: [{ file: 'SECRET.DAT;1', problem: 'no privilege', usedBlocks: null }], total: { files: 1 } }] },
    });
  });

  it('warns when the total does not match the files listed', () => {
    const text = fixture('directory', 'leasecomm-size-date.txt').replace('Total of 7 files', 'Total of 9 files');
    expect(parseDirectory(text)).toMatchObject({ ok: true, warnings: [{ line: 16, note: 'the total says 9 files but 7 are listed' }] });
  });

  describe('unreadable output', () => {
    it('a date that is not a date', () => {
      const text = fixture('directory', 'leasecomm-size-date.txt').replace('25-NOV-2026 07:01:00.43', '31-NOV-2026 07:01:00.43');
      expect(parseDirectory(text)).toMatchObject({
        ok: false,
        error: { line: 8, text: 'DAILY_BACKUP.LOG;12   1234  31-NOV-2026 07:01:00.43', expected: expect.stringContaining('a date') },
      });
    });

    it('a file before any directory header', () => {
      expect(parseDirectory('DAILY_BACKUP.LOG;12   1234  25-NOV-2026 07:01:00.43')).toMatchObject({
        ok: false,
        error: { line: 1, expected: expect.stringContaining('header before the first file') },
      });
    });

    it('a line that is no part of a listing', () => {
      expect(parseDirectory('\nDirectory X:[Y]\n\nwhat is this\n')).toMatchObject({ ok: false, error: { line: 4, text: 'what is this' } });
    });
  });
});
