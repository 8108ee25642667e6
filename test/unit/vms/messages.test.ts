import { describe, expect, it } from 'vitest';
import {
  findMessages,
  isSevere,
  joinWrapped,
  messageCode,
  parseMessage,
  parseMessageLine,
  parseMessages,
  severityRank,
  worstSeverity,
  type Severity,
} from '../../../shared/vms/messages';
import { fixture } from './parsers/fixtures';

describe('parseMessageLine', () => {
  it('reads the full form %FACILITY-S-IDENT, text', () => {
    expect(parseMessageLine('%BACKUP-W-ACCONFLICT, DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;3480 is open for write by another user', 7)).toEqual({
      lead: '%',
      facility: 'BACKUP',
      severity: 'W',
      ident: 'ACCONFLICT',
      text: 'DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;3480 is open for write by another user',
      inferred: false,
      line: 7,
    });
  });

  it('reads a continuation line and idents with digits and underscores', () => {
    expect(parseMessageLine('-RMS-F-FUL, device full (insufficient space for allocation)')).toMatchObject({ lead: '-', facility: 'RMS', severity: 'F', ident: 'FUL' });
    expect(parseMessageLine('%RMU-I-BCKTXT_00, Backed up root file')).toMatchObject({ facility: 'RMU', severity: 'I', ident: 'BCKTXT_00' });
  });

  it('knows every severity', () => {
    for (const severity of ['S', 'I', 'W', 'E', 'F'] as Severity[]) {
      expect(parseMessageLine(`%TEST-${severity}-THING, text`)?.severity).toBe(severity);
    }
  });

  it('reads the partial forms SET MESSAGE leaves, and fills in a known message', () => {
    const noSeverity = parseMessageLine('%SYSTEM-NOSUCHDEV, no such device available');
    expect(noSeverity).toMatchObject({ facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHDEV', inferred: true });
    expect(parseMessageLine('%W-NOSUCHDEV, no such device available')).toMatchObject({ facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHDEV', inferred: true });
    expect(parseMessageLine('%SYSTEM-W, no such device available')).toMatchObject({ ident: 'NOSUCHDEV', inferred: true });
    expect(parseMessageLine('%SYSTEM-W-NOSUCHDEV')).toMatchObject({ text: null, inferred: false });
    expect(parseMessageLine('%NOSUCHDEV, no such device available')).toMatchObject({ facility: 'SYSTEM', ident: 'NOSUCHDEV' });
  });

  it('leaves unknown parts null when the catalogue does not know the message', () => {
    expect(parseMessageLine('%ARCH-PURGED, 412 records purged')).toEqual({
      lead: '%',
      facility: 'ARCH',
      severity: null,
      ident: 'PURGED',
      text: '412 records purged',
      inferred: false,
      line: 1,
    });
  });

  it('takes a bare text as a message only when asked and only when it is catalogued', () => {
    expect(parseMessageLine('no such entry')).toBeNull();
    expect(parseMessageLine('no such entry', 3, { bareText: true })).toMatchObject({ lead: null, facility: 'JBC', severity: 'E', ident: 'NOSUCHENT', line: 3 });
    expect(parseMessageLine('no such luck', 1, { bareText: true })).toBeNull();
  });

  it('does not take ordinary output for a message', () => {
    for (const line of [
      '  -----  -------         --------     ------',
      '$ SET NOON',
      '-1, minus one',
      '%',
      '%FOO',
      '%A-Q-B, not a severity',
      'Total of 3 files.',
      '%rms-e-fnf, lower case',
    ]) {
      expect(parseMessageLine(line), line).toBeNull();
    }
  });

  it('reads an indented message, as SHOW QUEUE prints a retained job status', () => {
    expect(parseMessageLine('         %RMU-F-FATALERR, fatal error on BACKUP')).toMatchObject({ facility: 'RMU', ident: 'FATALERR' });
  });
});

describe('messages in a text', () => {
  it("groups the plan's device-full example: a first line and its continuation, even double-spaced", () => {
    const messages = findMessages(fixture('messages', 'plan-device-full.txt'));
    expect(messages.map(messageCode)).toEqual(['RMU-F-WRITEERR', 'RMU-F-FATALERR', 'RMU-F-FTL_BCK']);
    expect(messages[0]?.continuation).toEqual([
      { lead: '-', facility: 'RMS', severity: 'F', ident: 'FUL', text: 'device full (insufficient space for allocation)', inferred: false, line: 3 },
    ]);
    expect(messages.map((message) => message.line)).toEqual([1, 4, 5]);
  });

  it('reads every partial SET MESSAGE form of one message', () => {
    const messages = parseMessages(fixture('messages', 'set-message-partial.txt'));
    expect(messages).toHaveLength(6);
    for (const message of messages ?? []) expect(messageCode(message)).toBe('SYSTEM-W-NOSUCHDEV');
  });

  it('parseMessage takes one message with its continuations, and nothing else', () => {
    expect(parseMessage('%SUBMIT-F-CREJOB, error creating job\r\n-JBC-E-NOSUCHQUE, no such queue\r\n')).toMatchObject({
      ident: 'CREJOB',
      continuation: [{ ident: 'NOSUCHQUE', line: 2 }],
    });
    expect(parseMessage('%JBC-E-NOSUCHENT, no such entry\n%JBC-E-NOSUCHENT, no such entry')).toBeNull();
    expect(parseMessage('Job X (queue Q, entry 1) pending')).toBeNull();
    expect(parseMessage('')).toBeNull();
  });

  it('a continuation with nothing before it stands alone', () => {
    expect(findMessages('output\n-RMS-E-FNF, file not found')).toMatchObject([{ lead: '-', ident: 'FNF', continuation: [] }]);
  });
});

describe('severity', () => {
  it('isSevere is E or F: the codes the plan says to resolve first', () => {
    expect(['S', 'I', 'W', 'E', 'F'].map((severity) => isSevere(severity as Severity))).toEqual([false, false, false, true, true]);
    expect(isSevere(null)).toBe(false);
  });

  it('orders S < I < W < E < F, counting continuations', () => {
    expect(severityRank('W')).toBeLessThan(severityRank('E'));
    const messages = findMessages('%BACKUP-W-ACCONFLICT, X is open for write by another user\n%COPY-W-NOTCMPLT, not copied\n-RMS-E-FLK, file currently locked');
    expect(worstSeverity(messages)).toBe('E');
    expect(worstSeverity([])).toBeNull();
  });
});

describe('joinWrapped', () => {
  const record = '%BACKUP-W-ACCONFLICT, DISK$USERS:[OPS.LOGS.ARCHIVE]NIGHTLY_SAVE_HISTORY.LOG;1234 is open for write by another user';

  it('joins the tail of a record cut at column 80, as the terminal cut it', () => {
    expect(joinWrapped(record.slice(0, 80), record.slice(80))).toBe(record);
  });

  it('puts back the blank that stood in column 80 (trimmed from the end of the line)', () => {
    const cut = '%RMU-W-NOTONLINE, '.padEnd(79, 'x');
    expect(joinWrapped(cut, 'tail')).toBe(`${cut} tail`);
  });

  it('joins nothing onto a line shorter than the width', () => {
    expect(joinWrapped(record.slice(0, 60), record.slice(60))).toBeNull();
  });
});
