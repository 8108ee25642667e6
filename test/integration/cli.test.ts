import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILL_RUN_2010_08_03_SLOTS, makeTempDir, projectRoot, wrongQueueSiteCopy, type BrokenSiteCopy, type TempDir } from '../support/api-fixtures';
import { runAll, type CliRun as Run } from '../support/cli-runs';

let dir: TempDir;
let icsFile: string;
let broken: BrokenSiteCopy;
let runs = new Map<string, Run>();

/** Every invocation the tests look at, started together: each one is a Node process of its own. */
const invocations: Record<string, () => string[]> = {
  billRunDay: () => ['today', '--date', '2010-08-03', '--json'],
  dailyDay: () => ['today', '--date', '2010-08-04', '--json'],
  dayBeforeBillRun: () => ['today', '--date', '2026-12-03'],
  pinnedNow: () => ['today', '--now', '2010-08-09T06:30', '--json'],
  badNow: () => ['today', '--now', '2010-02-30T06:30'],
  calendarJson: () => ['calendar', '2010-08', '--json'],
  calendarIcs: () => ['calendar', '2010-08', '--ics', icsFile, '--months', '2'],
  calendarIcsDaily: () => ['calendar', '2010-08', '--ics', dir.file('august-daily.ics'), '--daily'],
  calendarDailyWithoutIcs: () => ['calendar', '2010-08', '--daily'],
  siteCheckShipped: () => ['site', 'check', 'assets/sites/microfinancial.yaml'],
  siteCheckBroken: () => ['site', 'check', broken.file],
  badMonthDay: () => ['today', '--date', '2010-13-01'],
  wordDate: () => ['today', '--date', 'tomorrow'],
  unknownOption: () => ['today', '--frobnicate'],
  shortMonth: () => ['calendar', '2010-8'],
  noMonth: () => ['calendar'],
  unknownCommand: () => ['fly'],
  farFutureDate: () => ['today', '--date', '9999-12-31'],
  help: () => ['--help'],
  missingSite: () => ['today', '--date', '2010-08-03', '--site', 'missing.yaml'],
  leadingBrokenSite: () => ['--site', broken.file, 'today', '--date', '2010-08-03'],
  submitDryRun: () => ['submit', 'INITIALIZE_TAPES', '--param', '3', '--dry-run'],
  submitHostile: () => ['submit', 'INITIALIZE_TAPES', '--param', "3'F$VERIFY(1)'", '--dry-run'],
  submitSmuggled: () => ['submit', 'INITIALIZE_TAPES', '--param', '3\n$ DELETE *.*;*', '--dry-run'],
  submitUnknownJob: () => ['submit', 'INITIALIZE_TAPESS', '--dry-run'],
  parseQueue: () => ['parse', 'show-queue', join(projectRoot, 'test', 'fixtures', 'vms', 'show-queue', 'tape-backup-busy.txt')],
  parseLogAsQueue: () => ['parse', 'show-queue', join(projectRoot, 'test', 'fixtures', 'vms', 'batch-log', 'daily-backup-warnings.txt')],
  parseUnknownKind: () => ['parse', 'show-weather', join(projectRoot, 'package.json')],
  unknownFault: () => ['simulate', '--fault', 'disk-on-fire'],
  attachWithoutStdio: () => ['simulate', '--attach', dir.file('none.sock')],
  attachToNothing: () => ['simulate', '--stdio', '--attach', dir.file('none.sock')],
  consoleBrokenSite: () => ['console', '--site', broken.file, '--port', '0', '--no-build', '--data-dir', dir.file('console-data'), '--now', '2010-08-03T07:00'],
};

beforeAll(async () => {
  dir = makeTempDir('cli');
  icsFile = dir.file('august.ics');
  broken = wrongQueueSiteCopy(dir);
  runs = await runAll(invocations);
}, 240000);

afterAll(() => dir.remove());

function run(name: string): Run {
  const found = runs.get(name);
  if (!found) throw new Error(`no run ${name}`);
  return found;
}

function stderrLines(result: Run): string[] {
  return result.stderr.split('\n').filter((line) => line !== '');
}

describe('tapeops today', () => {
  it('plans the Bill Run of 2010-08-03 with its seven magazine slots', () => {
    const result = run('billRunDay');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { date: string; kind: string; slots: unknown[] };
    expect(plan.date).toBe('2010-08-03');
    expect(plan.kind).toBe('billrun');
    expect(plan.slots).toHaveLength(7);
    expect(plan.slots).toEqual(BILL_RUN_2010_08_03_SLOTS);
  });

  it("offers tomorrow's Bill Run set on the day before, 2026-12-03, with the command that prints it", () => {
    const result = run('dayBeforeBillRun');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Tomorrow's Bill Run, to label today: Tomorrow, Friday, Dec. 4, 2026, is a Bill Run day.");
    expect(result.stdout).toMatch(/^ {2}261204P {3}slot 1 {2}Prod & Devel backup \(new label\)$/m);
    expect(result.stdout).toMatch(/^ {2}DAILY 1 {3}slot 6 {2}Daily backup$/m);
    expect(result.stdout).toContain('labels: tapeops labels --date 2026-12-04 --format pdf --out FILE');
  });

  it('plans 2010-08-04 as a daily day on DAILY 1', () => {
    const result = run('dailyDay');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { kind: string; dailyBackupToday: { tape: string } | null };
    expect(plan.kind).toBe('daily');
    expect(plan.dailyBackupToday?.tape).toBe('DAILY 1');
  });

  it('plans the day of --now when no --date is given', () => {
    const result = run('pinnedNow');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { date: string; kind: string };
    expect(plan.date).toBe('2010-08-09');
    expect(plan.kind).toBe('billrun');
  });

  it('refuses a --now that names no real day, in one line', () => {
    const result = run('badNow');
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual(['tapeops: --now is a local date and time such as 2026-12-03T09:00, not "2010-02-30T06:30"']);
  });

  it('fails on a --site file that does not exist, naming the file', () => {
    const result = run('missingSite');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('missing.yaml');
    expect(lines[0]).toMatch(/no such file/);
  });

  it('takes --site before the command too, and refuses a broken profile with its problem by path', () => {
    const result = run('leadingBrokenSite');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(broken.file);
    expect(result.stderr).toMatch(/jobs\[\d+\]\.queue: unknown queue "TAPE_BACKUPP"/);
  });
});

describe('tapeops console', () => {
  it('on a broken profile prints the address it served, then stops with exit 1 and the problem by path', () => {
    const result = run('consoleBrokenSite');
    expect(result.code).toBe(1);
    // the page is served before the profile is read; the console behind it then refuses to start
    expect(result.stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(result.stderr).toContain(broken.file);
    expect(result.stderr).toMatch(/jobs\[\d+\]\.queue: unknown queue "TAPE_BACKUPP"/);
  });
});

describe('tapeops calendar', () => {
  it('gives August 2010 as JSON: the month, its six Bill Run days and 31 days', () => {
    const result = run('calendarJson');
    expect(result.code).toBe(0);
    const calendar = JSON.parse(result.stdout) as {
      month: string;
      billRunDays: string[];
      days: { date: string; kind: string; dailyTape?: string }[];
    };
    expect(calendar.month).toBe('2010-08');
    expect(calendar.billRunDays).toEqual(['2010-08-03', '2010-08-09', '2010-08-14', '2010-08-19', '2010-08-24', '2010-08-29']);
    expect(calendar.days).toHaveLength(31);
    calendar.days.forEach((day, i) => {
      expect(day.date).toBe(`2010-08-${String(i + 1).padStart(2, '0')}`);
      const billRun = calendar.billRunDays.includes(day.date);
      expect(day.kind, day.date).toBe(billRun ? 'billrun' : 'daily');
      if (billRun) expect(day.dailyTape, day.date).toBeUndefined();
      else expect(day.dailyTape, day.date).toMatch(/^DAILY \d$/);
    });
    expect(calendar.days[3]).toMatchObject({ date: '2010-08-04', kind: 'daily', dailyTape: 'DAILY 1' });
  });

  it('writes two months of iCalendar with --ics FILE --months 2', () => {
    const result = run('calendarIcs');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(icsFile);
    const ics = readFileSync(icsFile, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const dates = new Set([...ics.matchAll(/^DTSTART;VALUE=DATE:(\d{8})/gm)].map((m) => m[1]));
    // one event per Bill Run day (6 + 6) and per Tuesday pickup (5 + 4); no daily events unless asked
    expect([...ics.matchAll(/^BEGIN:VEVENT/gm)]).toHaveLength(21);
    expect(dates.has('20100803')).toBe(true);
    expect(dates.has('20100929')).toBe(true);
    expect(dates.has('20100801')).toBe(false);
    expect([...dates].every((d) => d !== undefined && d >= '20100801' && d <= '20100930')).toBe(true);
  });

  it('adds an event for each daily backup day with --daily, which goes with --ics only', () => {
    expect(run('calendarIcsDaily').code).toBe(0);
    const ics = readFileSync(dir.file('august-daily.ics'), 'utf8');
    // 6 Bill Runs and 5 pickups, and the 25 daily backup days of August 2010
    expect([...ics.matchAll(/^BEGIN:VEVENT/gm)]).toHaveLength(11 + 25);
    expect(ics).toMatch(/^DTSTART;VALUE=DATE:20100801/m);
    const refused = run('calendarDailyWithoutIcs');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--daily goes with --ics FILE');
  });
});

describe('tapeops site check', () => {
  it('passes the shipped profile with exit 0', () => {
    const result = run('siteCheckShipped');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: /);
    expect(result.stderr).toBe('');
  });

  it('fails a broken copy with exit 1 and lists the problem by its path and line', () => {
    const result = run('siteCheckBroken');
    expect(result.code).toBe(1);
    expect(stderrLines(result)).toContain(`${broken.file}:${broken.line}:${broken.column}: jobs[${broken.jobIndex}].queue: unknown queue "TAPE_BACKUPP"`);
  });
});

describe('bad input', () => {
  const cases: [string, RegExp][] = [
    ['badMonthDay', /"2010-13-01" is not a day of the calendar/],
    ['wordDate', /"tomorrow" must be a date YYYY-MM-DD/],
    ['unknownOption', /--frobnicate/],
    ['shortMonth', /"2010-8" must be a month YYYY-MM/],
    ['noMonth', /calendar needs one month/],
    ['unknownCommand', /unknown command "fly"/],
    // a date the date check lets through but the calendar cannot plan (it looks at the next day)
    ['farFutureDate', /9999-12-31/],
  ];
  for (const [name, message] of cases) {
    it(`${(invocations[name] as () => string[])().join(' ')}: exit 2 and one line saying what was wrong`, () => {
      const result = run(name);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = stderrLines(result);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^tapeops: /);
      expect(lines[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('tapeops --help', () => {
  it('exits 0 and names each command', () => {
    const result = run('help');
    expect(result.code).toBe(0);
    for (const command of ['tapeops today', 'tapeops calendar', 'tapeops site check', 'tapeops console']) {
      expect(result.stdout).toContain(command);
    }
  });
});

describe('tapeops submit --dry-run', () => {
  it("prints the plan's SUBMIT of INITIALIZE_TAPES with parameter 3, queue TAPE_BACKUP and the console's unique /NAME", () => {
    const result = run('submitDryRun');
    expect(result.code).toBe(0);
    // the console's /RETAIN sits between the plan's /QUEUE and the console's /NAME: taken out, the rest is as before
    expect(result.stdout).toContain('/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=');
    expect(result.stdout.replace('/RETAIN=UNTIL=1-00:00:00', '')).toMatch(
      /^SUBMIT\/PARAMETER=3\/QUEUE=TAPE_BACKUP\/NAME=TAPEOPS_INITIALIZE_TAPES_[0-9A-Z]{6} SYS\$LOGIN:INITIALIZE_TAPES\.COM\n$/,
    );
  });

  it('refuses, exit 2, a value that fails validation and a job the profile does not have', () => {
    for (const key of ['submitHostile', 'submitSmuggled', 'submitUnknownJob']) {
      const result = run(key);
      expect(result.code, key).toBe(2);
      expect(result.stdout, key).toBe('');
      expect(stderrLines(result), key).toHaveLength(1);
    }
    expect(run('submitHostile').stderr).toMatch(/apostrophe/);
    expect(run('submitSmuggled').stderr).toMatch(/control character/);
    expect(run('submitUnknownJob').stderr).toMatch(/no job "INITIALIZE_TAPESS"/);
  });
});

describe('tapeops parse', () => {
  it('prints the typed value of SHOW QUEUE/FULL output as JSON', () => {
    const result = run('parseQueue');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; value: { queues: { name: string }[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.queues.map((q) => q.name)).toContain('TAPE_BACKUP');
  });

  it('exits 1 naming the line it could not read, and 2 for an unknown kind', () => {
    const unreadable = run('parseLogAsQueue');
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(/^line \d+: expected /);
    expect(run('parseUnknownKind').code).toBe(2);
  });

  it('reads standard input when no file is named', () => {
    const piped = spawnSync(process.execPath, [join(projectRoot, 'bin', 'tapeops.js'), 'parse', 'message'], {
      input: '%RMU-F-WRITEERR, error writing DISK$BACKUP_01:[LEASE_BACKUP]DOCUMENT_DATA_BACKUP.RBF;\r\n-RMS-F-FUL, device full (insufficient space for allocation)\r\n',
      encoding: 'utf8',
    });
    expect(piped.status).toBe(0);
    const message = (JSON.parse(piped.stdout) as { value: { messages: { facility: string; severity: string; ident: string; continuation: { ident: string }[] }[] } })
      .value.messages[0];
    expect(message).toMatchObject({ facility: 'RMU', severity: 'F', ident: 'WRITEERR' });
    expect(message?.continuation[0]?.ident).toBe('FUL');
  });
});

describe('tapeops simulate', () => {
  it('runs one DCL session of BLT4 on standard input and output, with a fault turned on from the command line', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'tapeops.js'), 'simulate', '--stdio', '--host', 'BLT4', '--fault', 'queue-stopped=TAPE_BACKUP']);
    let output = '';
    const waiting = new Set<() => void>();
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
      for (const check of [...waiting]) check();
    });
    // resolves on the output that shows the text; vitest's timeout of this test bounds the wait
    const waitFor = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!output.includes(text)) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    // as the VMS SSH servers do, the session asks the terminal to identify itself; a VT100 answers
    await waitFor('\x1b[c');
    child.stdin.write('\x1b[?1;2c');
    await waitFor('BLT4> ');
    child.stdin.write('SHOW QUEUE TAPE_BACKUP\r');
    await waitFor('Batch queue TAPE_BACKUP, stopped, on BLT4::');
    child.stdin.write('FLY\r');
    await waitFor('%DCL-W-IVVERB, unrecognized command verb - check validity and spelling');
    child.stdin.write('LOGOUT\r');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(output).toContain('\r\n');
    expect(output).toContain('\x00BLT4> ');
  }, 120000);

  it('refuses an unknown fault, exit 2', () => {
    const result = run('unknownFault');
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([expect.stringMatching(/unknown fault "disk-on-fire"/)]);
  });

  it('refuses --attach without --stdio, exit 2', () => {
    const result = run('attachWithoutStdio');
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([expect.stringMatching(/--attach SOCKET .* use it with --stdio/)]);
  });

  it('says in one line that no site answers on the socket, exit 1', () => {
    const result = run('attachToNothing');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)).toEqual([expect.stringMatching(/^tapeops simulate: no simulated site answers on .*none\.sock \(ENOENT\)$/)]);
  });
});
