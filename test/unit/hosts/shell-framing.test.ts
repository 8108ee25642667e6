import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHostLinkError } from '../../../src-main/hosts/host-link-error';
import {
  endsWithLoginPrompt,
  findPrompt,
  formatStatus,
  frameOutput,
  isSuccess,
  makePrompt,
  normaliseLineEnds,
  parseStatusLine,
  severityOf,
  stripEcho,
} from '../../../src-main/hosts/shell-framing';

const PROMPT = makePrompt('1A2B3C4D');

describe('the session prompt', () => {
  it('is unique per session and fits DCL', () => {
    expect(PROMPT).toBe('TAPEOPS_1A2B3C4D> ');
    expect(PROMPT.length).toBeLessThanOrEqual(32);
    expect(() => makePrompt('1a2b3c4d')).toThrow(RangeError);
  });

  it('is found only at the start of a line, not inside the echo of SET PROMPT', () => {
    const echo = `SET PROMPT="${PROMPT}"\r\n`;
    expect(findPrompt(echo, PROMPT)).toBe(-1);
    expect(findPrompt(`${echo}\r\n${PROMPT}`, PROMPT)).toBe(echo.length + 2);
    expect(findPrompt(PROMPT, PROMPT)).toBe(0);
    expect(findPrompt(`out\r${PROMPT}`, PROMPT)).toBe(4);
  });

  it('is found once its last part arrives, however the chunks are cut', () => {
    const stream = `SHOW TIME\r\n\n  25-NOV-2026 08:00:00\r\r\n${PROMPT}`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stream.length }), (cut) => {
        const first = stream.slice(0, cut);
        const complete = cut === stream.length;
        expect(findPrompt(first, PROMPT) >= 0).toBe(complete);
        expect(findPrompt(first + stream.slice(cut), PROMPT)).toBe(stream.length - PROMPT.length);
      }),
    );
  });

  it('knows a DCL prompt waiting at the end of the login', () => {
    expect(endsWithLoginPrompt('Welcome to OpenVMS\r\n$ ')).toBe(true);
    expect(endsWithLoginPrompt('$ ')).toBe(true);
    expect(endsWithLoginPrompt('\r\nBLT4> ')).toBe(true);
    expect(endsWithLoginPrompt('\r\n$ SHOW TIME')).toBe(false);
    expect(endsWithLoginPrompt('Last interactive login on Tuesday, 24-NOV-2026 08:00\r\n')).toBe(false);
    expect(endsWithLoginPrompt(`\r\n${'X'.repeat(40)}> `)).toBe(false);
  });
});

describe('line ends', () => {
  it('turns every run of CRs around one LF, and a lone CR, into one LF', () => {
    expect(normaliseLineEnds('a\r\nb\r\r\nc\n\rd\re')).toBe('a\nb\nc\nd\ne');
    expect(normaliseLineEnds('a\r\n\r\nb')).toBe('a\n\nb');
    expect(normaliseLineEnds('\nrecord one\r\nrecord two\r')).toBe('\nrecord one\nrecord two\n');
  });
});

describe('the echo', () => {
  it('is removed with the line end the Return key echoed', () => {
    expect(stripEcho('SHOW TIME\r\n  25-NOV-2026\r\n', 'SHOW TIME')).toBe('  25-NOV-2026\r\n');
    expect(stripEcho('\r\nSHOW TIME\r\r\nX', 'SHOW TIME')).toBe('X');
  });

  it('is removed when the terminal broke it over lines', () => {
    expect(stripEcho('SHOW QUE\r\nUE/ALL_JOBS\r\nout', 'SHOW QUEUE/ALL_JOBS')).toBe('out');
  });

  it('leaves a response without echo (SET TERMINAL/NOECHO) unchanged', () => {
    expect(stripEcho('\r\n  25-NOV-2026\r', 'SHOW TIME')).toBe('\r\n  25-NOV-2026\r');
    expect(stripEcho('SHOW', 'SHOW TIME')).toBe('SHOW');
  });
});

describe('a command output as callers get it', () => {
  it('has no echo, LF line ends and no empty lines around it, but keeps blank lines inside', () => {
    const raw = 'SHOW QUEUE TAPE_BACKUP\r\n\r\nBatch queue TAPE_BACKUP, idle, on BLT4::\r\n\r\n  Entry  Jobname\r\r\n\r\n';
    expect(frameOutput(raw, 'SHOW QUEUE TAPE_BACKUP')).toBe('Batch queue TAPE_BACKUP, idle, on BLT4::\n\n  Entry  Jobname');
  });

  it('loses a second echo from a pseudo-terminal that echoes as well', () => {
    expect(frameOutput('SHOW TIME\r\nSHOW TIME\r\n  25-NOV-2026\r\n', 'SHOW TIME')).toBe('  25-NOV-2026');
  });

  it('is empty for a command that prints nothing', () => {
    expect(frameOutput('SET DEFAULT SYS$LOGIN\r\n', 'SET DEFAULT SYS$LOGIN')).toBe('');
  });
});

describe('$STATUS', () => {
  it('is read from WRITE SYS$OUTPUT $STATUS', () => {
    expect(parseStatusLine('%X00000001')).toEqual({ status: 1, statusHex: '%X00000001' });
    expect(parseStatusLine(' %x1000002c ')).toEqual({ status: 0x1000002c, statusHex: '%X1000002C' });
  });

  it('is a framing error when anything else comes back', () => {
    let error: unknown;
    try {
      parseStatusLine('%DCL-W-UNDSYM, undefined symbol', 'BLT4');
    } catch (e) {
      error = e;
    }
    expect(isHostLinkError(error, 'framing-lost')).toBe(true);
    expect((error as Error).message).toMatch(/BLT4 answered "%DCL-W-UNDSYM/);
  });

  it('has its severity in the low three bits, success being odd', () => {
    expect(severityOf(1)).toBe('success');
    expect(severityOf(0x10000000)).toBe('warning');
    expect(severityOf(0x0000002c)).toBe('severe');
    expect(severityOf(0x00038152)).toBe('error');
    expect(severityOf(3)).toBe('informational');
    expect([1, 3, 0, 2, 4].map(isSuccess)).toEqual([true, true, false, false, false]);
    expect(formatStatus(0x1000002c)).toBe('%X1000002C');
  });
});
