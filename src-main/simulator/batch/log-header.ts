/**
 * The lines a batch job's log opens with: the login procedures verified as the job logs in.
 *
 * A batch job starts with verification on, so the first lines of SYS$MANAGER:SYLOGIN.COM (as the
 * template OpenVMS ships writes them) are echoed until its F$VERIFY call turns verification off;
 * SYLOGIN restores it silently as it exits, and the user's LOGIN.COM is then echoed line by line.
 * The site's batch accounts have no LOGIN.COM lines that verify, so by default only SYLOGIN shows,
 * as in the site's own logs (test/fixtures/vms/batch-log/consolidated-running.txt).
 */

/** The two SYLOGIN.COM lines echoed before it turns verification off. */
export const SYLOGIN_ECHO: readonly string[] = ['$ Set NoOn', '$ VERIFY = F$VERIFY(F$TRNLNM("SYLOGIN_VERIFY"))'];

/**
 * The log's opening lines: SYLOGIN's echo, then the user's LOGIN.COM lines as DCL verifies them
 * (each record as written in the file, a `$` line or a data line).
 */
export function loginEcho(loginCom: readonly string[] = []): string[] {
  return [...SYLOGIN_ECHO, ...loginCom];
}
