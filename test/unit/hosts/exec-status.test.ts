import { describe, expect, it } from 'vitest';
import { execResult } from '../../../src-main/hosts/exec-status';
import { isHostLinkError } from '../../../src-main/hosts/host-link-error';

describe('the status of a command run by exec', () => {
  it('is the condition value when the server passes it on', () => {
    expect(execResult('\r\n  25-NOV-2026 08:00:00\r\n', '', 1, 'vms-condition', 'BLT4')).toEqual({
      output: '  25-NOV-2026 08:00:00',
      status: 1,
      statusHex: '%X00000001',
    });
    expect(execResult('', '', 0x10038090, 'vms-condition', 'BLT4').statusHex).toBe('%X10038090');
  });

  it('is success or a generic failure behind a POSIX server', () => {
    expect(execResult('', '', 0, 'posix', 'BLT4').status).toBe(1);
    expect(execResult('', '', 1, 'posix', 'BLT4').statusHex).toBe('%X0000002C');
  });

  it('keeps an error message once when DCL wrote it to both SYS$OUTPUT and SYS$ERROR', () => {
    const message = '%DCL-W-IVVERB, unrecognized command verb - check validity and spelling\r\n';
    expect(execResult(message, message, 0x38090, 'vms-condition', 'BLT4').output).toBe(message.trim());
    expect(execResult('out\n', 'err\n', 0x38090, 'vms-condition', 'BLT4').output).toBe('out\nerr');
    expect(execResult('', 'err\n', 0x38090, 'vms-condition', 'BLT4').output).toBe('err');
  });

  it('is a framing error when the server sent no exit status', () => {
    let error: unknown;
    try {
      execResult('out', '', undefined, 'vms-condition', 'BLT4');
    } catch (e) {
      error = e;
    }
    expect(isHostLinkError(error, 'framing-lost')).toBe(true);
    expect((error as { mayHaveRun: boolean }).mayHaveRun).toBe(true);
  });
});
