import { LABEL_STOCKS } from '../../shared/tapes/label-stocks';

export const USAGE = `Usage: tapeops [--site FILE] <command> [options]

  --site FILE names the site profile for any command (default: the one shipped with the console).
  --now YYYY-MM-DDTHH:MM starts the clock of today, submit, preflight, simulate and console at
  that local time (it runs on from there); without it they read the system clock.

  tapeops today [--date YYYY-MM-DD] [--now T] [--json] [--site FILE]
      The plan of a day: its kind, jobs, tapes to pull and label, the magazine slots.
  tapeops calendar YYYY-MM [--json] [--ics FILE] [--months N] [--daily] [--site FILE]
      A month of Bill Run days, DAILY tapes and courier pickups; --ics writes an iCalendar file
      with one event per Bill Run day and per courier pickup (--daily: one per daily backup day too).
  tapeops labels --date YYYY-MM-DD [--set billrun|daily|all] [--stock NAME] --format pdf|png|zpl --out FILE [--site FILE]
  tapeops labels --cartridges FROM..TO [--stock NAME] --format pdf|png|zpl --out FILE [--site FILE]
      Writes a day's tape labels (--set, all by default) or cartridge serial labels (such as
      MF0001..MF0010) to one PDF or ZPL file, or to one PNG per label (FILE-CODE.png when there
      are several). --stock NAME, by default a Letter sheet (a Zebra roll for ZPL):
      ${LABEL_STOCKS.map((stock) => stock.id).join(', ')}.
  tapeops site check FILE
      Validates a site profile and lists every problem by its path.
  tapeops submit JOB [--param V]... (--dry-run | --as INITIALS) [--now T] [--site FILE] [--data-dir DIR]
      Submits a job of the site profile to its host (password in TAPEOPS_PASSWORD, host key
      as pinned on the Hosts screen), never twice; --dry-run prints the exact DCL instead.
  tapeops parse KIND [FILE]
      Reads OpenVMS output (standard input when no file) and prints its typed value as JSON, or
      the line it could not read (exit 1). KIND: show-queue, show-entry, show-device,
      show-logical, directory, log, message, submit.
  tapeops simulate [--port N | --socket PATH] [--time-scale SECONDS] [--host NAME] [--stdio [--attach PATH]] [--hands] [--now T] [--data-dir DIR] [--fault NAME[=VALUE]]...
      Runs the simulated OpenVMS site as an SSH server on 127.0.0.1 and prints how to connect;
      --time-scale is the real seconds one simulated hour takes; --stdio runs one DCL session
      of --host on standard input and output (for OpenSSH's ForceCommand). --socket PATH serves
      the sessions of --host on a Unix socket, and --stdio --attach PATH joins a ForceCommand to
      them, so that every SSH login sees the same site. --hands reads the person's acts at the
      drive from standard input (eject, remove-magazine, empty-magazine, insert SLOT CODE,
      insert-magazine, close-door, load). --fault turns on a
      fault: backup-area-full, file-open, tape-write-error, medium-offline, queue-stopped=QUEUE,
      tape-not-initialized=SLOT, slow-link=MS, exec-refused (link-dropped: through the API).
  tapeops preflight [--date YYYY-MM-DD] [--simulate [--fault NAME[=VALUE]]...] [--data-dir DIR] [--json] [--now T] [--site FILE]
      The day's checks before its jobs run, each PASS or FAIL with the reason and the fix: the
      queues started, the magazine as planned, the tapes initialised, room in the backup area and
      on the tapes, the daily backup waiting for its time. Exit 0 all pass, 1 a check failed.
      Against the hosts (password in TAPEOPS_PASSWORD), or with --simulate the simulated site with
      its magazine loaded as planned; --fault as for simulate, and tape-missing=SLOT.
  tapeops console [--port N] [--site FILE] [--data-dir DIR] [--no-build] [--live] [--time-scale SECONDS] [--now T]
      Serves the console on 127.0.0.1 and prints the URL to open in a browser. It connects to
      its own simulated site over SSH (--time-scale: real seconds per simulated hour), or with
      --live to the hosts at their profile addresses.
`;

/** Bad input: one line that says what was wrong, and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
