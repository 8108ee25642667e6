/**
 * Debian's OpenSSH sshd offering keyboard-interactive through PAM, with a password the test
 * chooses and no system account touched.
 *
 * OpenSSH opens the PAM service named after the program it runs as (`__progname`; Debian's build
 * sets no fixed SSHD_PAM_SERVICE). So sshd is started through a symbolic link with a unique name,
 * and a PAM service of that name is written to /etc/pam.d for the life of the server: pam_exec asks
 * "Password: " and hands the answer to a small script, which compares it with the test's password.
 * The script also logs each attempt (its PAM service, user and type), so a test can count the
 * attempts and see which service sshd used. Needs root, for /etc/pam.d and for sshd's PAM.
 */
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SSHD, startSshd, type RunningSshd } from './sshd';

export const PAM_DIR = '/etc/pam.d';
/** Where Debian (libpam-modules) installs PAM modules; older releases used /lib. */
const PAM_MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/security', '/lib/x86_64-linux-gnu/security', '/usr/lib/security', '/lib/security'];

export interface PamAttempt {
  /** pam_exec's PAM_TYPE: `auth` for an authentication. */
  type: string;
  /** The PAM service sshd opened. */
  service: string;
  user: string;
  /** Whether the password given was the right one. */
  accepted: boolean;
}

export interface PamSshd extends RunningSshd {
  /** The PAM service written for this server (and the name sshd runs under). */
  service: string;
  /** The attempts the PAM script saw, in order. */
  attempts(): PamAttempt[];
}

/** Why a PAM-backed sshd cannot be started here, or undefined when it can. */
export function pamSshdProblem(): string | undefined {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `the keyboard-interactive sshd test writes a PAM service to ${PAM_DIR} and needs root (running as uid ${process.getuid()})`;
  }
  try {
    accessSync(PAM_DIR, constants.W_OK);
  } catch {
    return `${PAM_DIR} is not writable: the keyboard-interactive sshd test needs to add a PAM service there`;
  }
  if (pamModule('pam_exec.so') === undefined || pamModule('pam_permit.so') === undefined) {
    return `pam_exec.so or pam_permit.so is missing from ${PAM_MODULE_DIRS.join(', ')}: install Debian's libpam-modules`;
  }
  return undefined;
}

function pamModule(name: string): string | undefined {
  return PAM_MODULE_DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

export async function startPamSshd(options: { password: string; forceCommand?: string }): Promise<PamSshd> {
  const problem = pamSshdProblem();
  if (problem !== undefined) throw new Error(problem);
  if (/[\0\n]/.test(options.password) || options.password.length === 0) throw new Error('the test password must be one line of text');
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-pam-sshd-'));
  const service = `tapeops-kbd-${process.pid}-${randomBytes(3).toString('hex')}`;
  const pamFile = join(PAM_DIR, service);
  const passwordFile = join(dir, 'password');
  const attemptsFile = join(dir, 'attempts.log');
  const script = join(dir, 'check-password.sh');
  const program = join(dir, service);
  const removePamFile = (): void => rmSync(pamFile, { force: true });
  // should the test process end without stopping the server, the service still goes
  process.once('exit', removePamFile);

  try {
    writeFileSync(passwordFile, options.password, { mode: 0o600 });
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        // pam_exec writes the password to stdin, ended by a NUL byte
        `given=$(tr -d '\\000')`,
        `if [ "$given" = "$(cat '${passwordFile}')" ]; then verdict=accepted; else verdict=refused; fi`,
        `printf '%s %s %s %s\\n' "$PAM_TYPE" "$PAM_SERVICE" "$PAM_USER" "$verdict" >> '${attemptsFile}'`,
        '[ "$verdict" = accepted ]',
        '',
      ].join('\n'),
    );
    chmodSync(script, 0o700);
    symlinkSync(SSHD, program);
    writeFileSync(
      pamFile,
      [
        `# written by TapeOps Console's test/support/pam-sshd.ts for the sshd in ${dir}; removed when it stops`,
        `auth required pam_exec.so expose_authtok quiet ${script}`,
        // pam_exec has nothing to say about credentials: without this, pam_setcred would fail
        'auth required pam_permit.so',
        'account required pam_permit.so',
        'session required pam_permit.so',
        '',
      ].join('\n'),
    );
    const sshd = await startSshd({
      program,
      login: 'pam-keyboard-interactive',
      ...(options.forceCommand === undefined ? {} : { forceCommand: options.forceCommand }),
    });
    return {
      ...sshd,
      service,
      attempts: () =>
        existsSync(attemptsFile)
          ? readFileSync(attemptsFile, 'utf8')
              .split('\n')
              .filter((line) => line.length > 0)
              .map((line) => {
                const [type = '', service = '', user = '', verdict = ''] = line.split(' ');
                return { type, service, user, accepted: verdict === 'accepted' };
              })
          : [],
      async stop() {
        try {
          await sshd.stop();
        } finally {
          removePamFile();
          process.removeListener('exit', removePamFile);
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    removePamFile();
    process.removeListener('exit', removePamFile);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
