/**
 * The log parser loses no line: every non-blank line of a log is read as one thing (a command, a
 * message, a prompt, a "BACKUP requests:" line, an OPCOM block, a BACKUP/LIST listing, a
 * notification's text, a SUBMIT confirmation, the trailer, the login banner) or returned in
 * `unread` with its number -- never both, never neither. Each layout is read from its fixture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageCode } from '../../../../shared/vms/messages';
import { parseBatchLog, type BatchLog } from '../../../../shared/vms/parsers/batch-log';
import { expectNoLineLost } from './batch-log-coverage';
import { fixture, fixtureNames, fixtureSource } from './fixtures';

function read(text: string): BatchLog {
  const result = parseBatchLog(text);
  if (!result.ok || result.refused) throw new Error(`expected a log: ${JSON.stringify(result)}`);
  return result.value;
}

function log(name: string): BatchLog {
  return read(fixture('batch-log', name));
}

describe('the log parser loses no line', () => {
  it.each(fixtureNames('batch-log'))('%s: every line read once or reported once', (name) => {
    const text = fixture('batch-log', name);
    expectNoLineLost(text, read(text));
  });

  it('returns the program output it does not know, with the line numbers the operator sees', () => {
    expect(log('unknown-output.txt').unread).toEqual([
      { line: 5, text: 'Bill Run backup starting on BLT4' },
      { line: 7, text: 'LEASE_PURGE V2.3   3-AUG-2010 07:00' },
      { line: 8, text: '  1208 amortisation rows older than 31-JUL-2010 purged' },
      { line: 9, text: '----------------------------------------' },
    ]);
    expect(log('other-site-archive.txt').unread).toEqual([{ line: 5, text: '  412 ledger records older than 01-JAN-2018 purged' }]);
  });

  it('reads the layouts of the manuals with nothing left unread', () => {
    const layouts = [
      'backup-list.txt',
      'backup-requests.txt',
      'opcom-block.txt',
      'opcom-block-indented.txt',
      'operator-notify.txt',
      'operator-prompt.txt',
      'trailer-alpha.txt',
      'trailer-vax.txt',
      'wrapped-message.txt',
    ];
    for (const name of layouts) expect([name, log(name).unread, fixtureSource('batch-log', name).length > 0]).toEqual([name, [], true]);
  });

  it('never loses a line of a damaged log either: lines inserted, duplicated or cut anywhere', () => {
    const names = fixtureNames('batch-log');
    const junk = fc.constantFrom(
      'Respond with YES when ready:',
      '%%%%%%%%%%%  OPCOM   3-AUG-2010 07:12:33.45  %%%%%%%%%%%',
      '    indented text',
      'Listing of save set(s)',
      'Save set:          X.BCK',
      'Total of 2 files, 10 blocks',
      'End of save set',
      '-- text',
      '%BACKUP-I-OPRQST, x',
      '$ SHOW TIME',
      'BACKUP requests: Saveset A.BAK, Volume number 02, write ENABLED',
      'Job A (queue B, entry 3) started on B',
      '  OPS  logged out at  3-AUG-2010 07:00:00.00',
      '',
      'plain words',
    );
    fc.assert(
      fc.property(fc.nat({ max: names.length - 1 }), fc.array(fc.tuple(fc.nat({ max: 200 }), junk), { maxLength: 6 }), (which, inserts) => {
        const lines = fixture('batch-log', names[which] as string).split('\n');
        for (const [at, text] of inserts) lines.splice(at % (lines.length + 1), 0, text);
        const text = lines.join('\n');
        const result = parseBatchLog(text);
        // a trailer made unreadable by the damage is a parse error naming its line; otherwise no line is lost
        if (result.ok && !result.refused) expectNoLineLost(text, result.value);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('operator prompts and requests', () => {
  it('reads "Respond with YES when ready:" and the BACKUP> prompt, with the answer on their line', () => {
    const prompted = log('operator-prompt.txt');
    expect(prompted.prompts).toEqual([
      { line: 7, text: 'Respond with YES when ready: YES', prompt: 'Respond with YES when ready:', answer: 'YES' },
      { line: 10, text: 'BACKUP> QUIT', prompt: 'BACKUP>', answer: 'QUIT' },
    ]);
    expect(prompted.messages.map(messageCode)).toEqual(['BACKUP-I-RESUME', 'BACKUP-I-READYWRITE', 'BACKUP-W-MOUNTERR', 'BACKUP-I-SPECIFY', 'BACKUP-F-ABORT']);
    expect(prompted.severe.map((message) => message.line)).toEqual([11]);
  });

  it('reads a prompt with no answer yet (a log copied while BACKUP waits)', () => {
    const waiting = read('$ BACKUP A.DAT MKA500:A.BAK/SAVE_SET\n%BACKUP-I-READYWRITE, mount volume 2 on _MKA500: for writing\nRespond with YES when ready:\n');
    expect(waiting.prompts).toEqual([{ line: 3, text: 'Respond with YES when ready:', prompt: 'Respond with YES when ready:', answer: null }]);
  });

  it('reads "BACKUP requests:" into saveset, volume and write, and the text after RQSTDON as its notification', () => {
    const requested = log('backup-requests.txt');
    expect(requested.requests).toEqual([
      { line: 7, text: 'BACKUP requests: Saveset INC.BAK, Volume number 02, write ENABLED', saveset: 'INC.BAK', volume: 2, write: 'ENABLED' },
    ]);
    const done = requested.messages.findIndex((message) => message.ident === 'RQSTDON');
    expect(requested.notifications).toEqual([{ message: done, text: [{ line: 10, text: '-- mount completed successfully.' }] }]);
    expect(requested.worstSeverity).toBe('I');
  });

  it('reads the text after OPRNOTIF/OPREPLY as the notification of the reply', () => {
    const notified = log('operator-notify.txt');
    expect(notified.messages.map(messageCode)).toEqual(['OPCOM-S-OPRNOTIF', 'OPCOM-S-OPREPLY', 'MOUNT-I-MOUNTED']);
    expect(notified.notifications).toEqual([{ message: 1, text: [{ line: 7, text: ' 3-AUG-2010 07:04:40.09, request 7 completed by operator OPA0' }] }]);
  });

  it('does not take the text after an ordinary message as a notification', () => {
    const text = '$ RUN X\n%BACKUP-S-COPIED, copied A.DAT;1\n-- not a notification\n';
    expect(read(text)).toMatchObject({ notifications: [], unread: [{ line: 3, text: '-- not a notification' }] });
  });
});

describe('OPCOM blocks', () => {
  it('keeps the text and the relayed messages inside the block: they are not the job errors', () => {
    const opcom = log('opcom-block.txt');
    expect(opcom.opcom.map((block) => [block.line, block.endLine, block.time?.iso, block.text.length])).toEqual([
      [6, 9, '2010-08-03T07:12:33.450', 3],
      [11, 14, '2010-08-03T07:13:02.100', 3],
    ]);
    expect(opcom.opcom[0]?.text[2]?.text).toBe('BACKUP requests: Saveset SCROLL_DATA.BAK, Volume number 02, write ENABLED');
    expect(opcom.requests).toEqual([]);
    expect(opcom.opcom[1]?.messages.map((message) => [message.line, messageCode(message), message.continuation.map(messageCode)])).toEqual([
      [13, 'LICENSE-E-NOAUTH', ['LICENSE-F-NOLICENSE']],
    ]);
    expect(opcom.messages).toEqual([]);
    expect(opcom.severe).toEqual([]);
    expect(opcom.worstSeverity).toBeNull();
  });

  it('an indented block ends at the first line back in column 1; its indented E message is not lifted out', () => {
    const indented = log('opcom-block-indented.txt');
    expect(indented.opcom).toMatchObject([{ line: 5, endLine: 8, messages: [{ ident: 'OPENOUT', line: 7, continuation: [{ ident: 'MEDOFL' }] }] }]);
    expect(indented.messages.map((message) => [message.line, messageCode(message)])).toEqual([[9, 'BACKUP-S-COPIED']]);
    expect(indented.severe).toEqual([]);
  });

  it('a message in column 1 right after an indented block is the job own', () => {
    const text = [
      '$ TYPE ALERTS.TXT',
      '%%%%%%%%%%%  OPCOM   3-AUG-2010 06:40:11.72  %%%%%%%%%%%',
      '    Message from user OPS',
      '%TYPE-E-READERR, error reading ALERTS.TXT',
    ].join('\n');
    const value = read(text);
    expect(value.opcom[0]?.endLine).toBe(3);
    expect(value.severe.map((message) => message.line)).toEqual([4]);
  });

  it('ends a block at the next command even without a blank line', () => {
    const text = ['$ REPLY/ENABLE', '%%%%%%%%%%%  OPCOM   3-AUG-2010 07:12:33.45  %%%%%%%%%%%', 'request 5, from user OPS', '$ REPLY/DISABLE'].join('\n');
    const value = read(text);
    expect(value.opcom[0]).toMatchObject({ line: 2, endLine: 3 });
    expect(value.commands.map((command) => command.line)).toEqual([1, 4]);
  });

  it("counts only the job's own messages in its severity: S for the indented-block fixture, not OPCOM's E", () => {
    expect(log('opcom-block-indented.txt').worstSeverity).toBe('S');
  });
});

describe('BACKUP/LIST listings', () => {
  it('reads the saveset header, the command continued in the value column, the files and the totals', () => {
    const listed = log('backup-list.txt');
    expect(listed.listings).toHaveLength(1);
    const [saveset] = listed.listings[0]?.savesets ?? [];
    expect(saveset).toMatchObject({
      line: 7,
      name: 'AIJ.BAK',
      date: { iso: '2010-08-03T20:31:07.120' },
      header: {
        'Written by': 'LEASE_BATCH',
        UIC: '[000200,000001]',
        Command: 'BACKUP DISK$BACKUP_01:[LEASE_BACKUP]*.AIJ;* $2$MKA500:AIJ.BAK/SAVE_SET/NOREWIND',
        'Operating system': 'OpenVMS Alpha version V7.2-1',
        'Block size': '32256',
      },
      total: { line: 26, files: 3, blocks: 49152 },
      endLine: 27,
    });
    expect(saveset?.files.map((file) => [file.line, file.spec, file.blocks, file.date?.iso])).toEqual([
      [22, '[LEASE_BACKUP]LEASE_DATA_AIJ1.AIJ;1', 20480, '2010-08-03T20:12:00.000'],
      [23, '[LEASE_BACKUP]LEASE_DATA_AIJ2.AIJ;1', 20480, '2010-08-03T20:14:00.000'],
      [24, '[LEASE_BACKUP]LEASE_DOCUMENT_AIJ1.AIJ;1', 8192, '2010-08-03T20:16:00.000'],
    ]);
    // the totals line agrees with the files listed
    expect(saveset?.files.reduce((sum, file) => sum + (file.blocks ?? 0), 0)).toBe(saveset?.total?.blocks);
    expect(listed.commands.map((command) => command.verb)).toEqual(['SET', 'VERIFY', 'SET', 'BACKUP', 'DISMOUNT', 'EXIT']);
  });

  it('keeps the files after a message BACKUP printed mid-listing in the listing, and the message as the job error', () => {
    const lines = fixture('batch-log', 'backup-list.txt').split('\n');
    const error = '%BACKUP-E-READERRS, excessive error rate reading _$2$MKA500:';
    const text = [...lines.slice(0, 22), error, ...lines.slice(22)].join('\n');
    const value = read(text);
    expect(value.severe.map((message) => [message.line, messageCode(message)])).toEqual([[23, 'BACKUP-E-READERRS']]);
    expect(value.listings[0]?.savesets[0]?.files.map((file) => file.line)).toEqual([22, 24, 25]);
    expect(value.listings[0]?.savesets[0]).toMatchObject({ total: { line: 27 }, endLine: 28 });
    expect(value.unread).toEqual([]);
  });

  it('a listing cut short has no end line, and a line it cannot read inside is reported, not dropped', () => {
    const lines = fixture('batch-log', 'backup-list.txt').split('\n');
    const cut = [...lines.slice(0, 22), '   something odd', ...lines.slice(22, 24)].join('\n');
    const value = read(cut);
    expect(value.listings[0]?.savesets[0]?.endLine).toBeNull();
    expect(value.unread).toEqual([{ line: 23, text: '   something odd' }]);
  });
});

describe('messages wrapped at 80 columns', () => {
  it('joins the tail of a message cut inside a word, and one cut where column 80 was a blank', () => {
    const wrapped = log('wrapped-message.txt');
    expect(wrapped.messages[0]).toMatchObject({
      ident: 'ACCONFLICT',
      line: 6,
      endLine: 7,
      text: 'DISK$MENTAT:[USER_DIR.LEASECOMM]PROD_AND_DEVEL_BACKUP.LOG;109 is open for write by another user',
    });
    expect(wrapped.messages[1]).toMatchObject({ ident: 'OPENIN', line: 8, endLine: 9, text: 'error opening DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;12 as input' });
  });

  it('keeps a "-" line as a continuation message of the same run, not a tail', () => {
    const [, openin] = log('wrapped-message.txt').messages;
    expect(openin?.continuation).toEqual([
      { lead: '-', facility: 'SYSTEM', severity: 'W', ident: 'ACCONFLICT', text: 'file access conflict', inferred: false, line: 10 },
    ]);
  });

  it('joins a record wrapped over three lines', () => {
    const record = `%RMU-F-WRITEERR, error writing ${'DISK$BACKUP_01:[LEASE_BACKUP.'.padEnd(150, 'X')}]DOCUMENT_DATA_BACKUP.RBF;`;
    const text = ['$ RMU/BACKUP LEASE_DOCUMENT_DATA X.RBF', record.slice(0, 80), record.slice(80, 160), record.slice(160), '$ EXIT'].join('\n');
    expect(read(text).messages).toMatchObject([{ ident: 'WRITEERR', line: 2, endLine: 4, text: record.slice(record.indexOf('error')) }]);
  });

  it('joins nothing onto a message shorter than the terminal width', () => {
    const text = '$ BACKUP A.LOG MKA500:A.BAK/SAVE_SET\n%BACKUP-W-ACCONFLICT, A.LOG;1 is open for write by another user\nsome program output\n';
    expect(read(text)).toMatchObject({ messages: [{ text: 'A.LOG;1 is open for write by another user' }], unread: [{ line: 3 }] });
    expect(read(text).messages[0]?.endLine).toBeUndefined();
  });
});
