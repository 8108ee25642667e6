/**
 * How the status of a command run by exec is read. An interactive session asks DCL for
 * $STATUS; an exec channel has only the exit status the SSH server reports, and what that holds
 * depends on the server: the OpenVMS condition value itself (`vms-condition`), or an exit code
 * with 0 for success (`posix`: the simulated site, and DCL behind a Unix SSH server). Which one a
 * real host sends is for its profile entry to say; in `posix` mode a failure's own condition
 * value is lost (the message in the output remains), which is one more reason why the shell is
 * the default.
 */
import { HostLinkError } from './host-link-error';
import { formatStatus } from './shell-framing';
import type { TransportRunResult } from './link-transport';

export type ExecExitStatus = 'vms-condition' | 'posix';

/** SS$_NORMAL. */
const NORMAL = 1;
/** A generic error: %SYSTEM-E-ABORT's severity bits, for a POSIX failure with no VMS meaning. */
const ABORT = 0x2c;

export function execResult(stdout: string, stderr: string, exitCode: number | null | undefined, exitStatus: ExecExitStatus, host: string): TransportRunResult {
  if (exitCode === undefined || exitCode === null) {
    throw new HostLinkError('framing-lost', `${host} ended the command without an exit status`, { host, mayHaveRun: true });
  }
  const status = exitStatus === 'posix' ? (exitCode === 0 ? NORMAL : ABORT) : exitCode >>> 0;
  const out = tidy(stdout);
  const err = tidy(stderr);
  // DCL writes an error message to SYS$OUTPUT and SYS$ERROR both: keep it once
  const output = err === '' || out.includes(err) ? out : out === '' ? err : `${out}\n${err}`;
  return { output, status, statusHex: formatStatus(status) };
}

function tidy(text: string): string {
  return text
    .replace(/\0/g, '')
    .replace(/\r*\n\r*/g, '\n')
    .replace(/\r/g, '\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}
