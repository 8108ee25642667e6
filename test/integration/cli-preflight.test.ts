/**
 * `tapeops preflight --simulate`, run in-process through the CLI's own main() against the built-in
 * simulated site over SSH, at pinned times: the Bill Run morning of 2010-08-03 with the magazine
 * loaded as planned passes; a missing tape, a full backup area and a stopped queue each fail with
 * their reason; a daily day passes with its 06:05 entry waiting; bad input exits 2.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { makeTempDir, type TempDir } from '../support/api-fixtures';

interface Check {
  id: string;
  title: string;
  ok: boolean;
  reason: string;
  fix: string | null;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: TempDir;

function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function tapeops(args: string[]): Promise<Run> {
  const out = collector();
  const err = collector();
  const code = await main(args, out.stream as unknown as typeof process.stdout, err.stream as unknown as typeof process.stderr);
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The pre-flight of a day on the simulated site, as JSON, the clock pinned before that day's Bill Run. */
async function preflight(date: string, now: string, ...faults: string[]): Promise<{ run: Run; checks: Check[] }> {
  const run = await tapeops(['preflight', '--simulate', '--date', date, '--now', now, '--data-dir', dir.path, '--json', ...faults.flatMap((f) => ['--fault', f])]);
  if (run.stdout === '') throw new Error(`no report (exit ${run.code}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { date: string; checks: Check[] };
  expect(report.date).toBe(date);
  return { run, checks: report.checks };
}

const byId = (checks: Check[], id: string): Check => {
  const found = checks.find((check) => check.id === id);
  if (found === undefined) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
};

const failed = (checks: Check[]) => checks.filter((check) => !check.ok).map((check) => check.id);

beforeAll(() => {
  dir = makeTempDir('cli-preflight');
});

afterAll(() => dir.remove());

describe('tapeops preflight --simulate on the Bill Run day 2010-08-03, before the Bill Run', () => {
  it('passes every check with the magazine loaded as the slot plan says', async () => {
    const { run, checks } = await preflight('2010-08-03', '2010-08-03T06:30');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(checks.map((check) => check.id)).toEqual(['queues-started', 'magazine', 'tapes-initialized', 'backup-area-space', 'tape-capacity']);
    expect(failed(checks)).toEqual([]);
    expect(byId(checks, 'magazine').reason).toContain('slot 3: 100803E');
    expect(byId(checks, 'tape-capacity').title).toContain('100803D, 100803E, 100803F, 100803G');
  }, 120_000);

  it('fails when the tape of slot 3 is missing, saying which tape goes there', async () => {
    const { run, checks } = await preflight('2010-08-03', '2010-08-03T06:30', 'tape-missing=3');
    expect(run.code).toBe(1);
    const magazine = byId(checks, 'magazine');
    expect(magazine.ok).toBe(false);
    expect(magazine.reason).toBe('Slot 3 is empty; 100803E belongs there: put 100803E in slot 3.');
    expect(magazine.fix).toContain('slot 3: 100803E');
    expect(byId(checks, 'tapes-initialized').reason).toContain('slot 3 does not hold 100803E');
  }, 120_000);

  it('fails when the backup area is too full for the database backups, naming the plan\'s "Error Writing to Disk"', async () => {
    const { run, checks } = await preflight('2010-08-03', '2010-08-03T06:30', 'backup-area-full');
    expect(run.code).toBe(1);
    expect(failed(checks)).toEqual(['backup-area-space']);
    const space = byId(checks, 'backup-area-space');
    expect(space.reason).toMatch(/^DISK\$BACKUP_01 has [\d,]+ blocks free; .* needs [\d,]+ blocks with a 10% margin/);
    expect(space.reason).toContain('"Error Writing to Disk"');
    expect(space.fix).toContain('deleting all temporary files');
  }, 120_000);

  it('fails when TAPE_BACKUP is stopped, with the command that starts it', async () => {
    const { run, checks } = await preflight('2010-08-03', '2010-08-03T06:30', 'queue-stopped=TAPE_BACKUP');
    expect(run.code).toBe(1);
    expect(failed(checks)).toEqual(['queues-started']);
    const queues = byId(checks, 'queues-started');
    expect(queues.reason).toContain('TAPE_BACKUP on BLT4 is stopped');
    expect(queues.fix).toBe('Start the queue on BLT4: START/QUEUE TAPE_BACKUP (from the system manager account).');
  }, 120_000);

  it('prints one PASS or FAIL line per check, and the reason and fix under a failure', async () => {
    const run = await tapeops([
      'preflight',
      '--simulate',
      '--date',
      '2010-08-03',
      '--now',
      '2010-08-03T06:30',
      '--data-dir',
      dir.path,
      '--fault',
      'queue-stopped=TIME_BLT4',
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Pre-flight for Tuesday, Aug. 3, 2010 (Bill Run day)');
    expect(lines[1]).toMatch(/^FAIL {2}The batch queues of the day's jobs are started/);
    expect(lines[2]).toMatch(/^ {6}reason: TIME_BLT4 on BLT4 is stopped/);
    expect(lines[3]).toBe('      fix: Start the queue on BLT4: START/QUEUE TIME_BLT4 (from the system manager account).');
    expect(lines.slice(4, -1).every((line) => line.startsWith('PASS  '))).toBe(true);
    expect(lines.at(-1)).toBe('1 of 5 checks failed.');
  }, 120_000);
});

describe('tapeops preflight --simulate on the daily day 2010-08-04', () => {
  it('passes with the DAILY_BACKUP entry waiting for 06:05', async () => {
    const { run, checks } = await preflight('2010-08-04', '2010-08-04T05:00');
    expect(run.code).toBe(0);
    expect(checks.map((check) => check.id)).toEqual(['queues-started', 'magazine', 'daily-backup-queued']);
    expect(byId(checks, 'daily-backup-queued').reason).toMatch(/^DAILY_BACKUP is entry \d+ in TAPE_BACKUP \(Holding until +4-AUG-2010 06:05:00\)\.$/);
  }, 120_000);
});

describe('tapeops preflight, bad input', () => {
  it('refuses a date the calendar does not have, in one line, exit 2', async () => {
    const run = await tapeops(['preflight', '--simulate', '--date', '2010-02-30', '--now', '2010-08-03T06:30', '--data-dir', dir.path]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual(['tapeops: --date "2010-02-30" is not a day of the calendar']);
  });

  it("asks for the hosts' password before a pre-flight of the real site, exit 2", async () => {
    const saved = process.env.TAPEOPS_PASSWORD;
    delete process.env.TAPEOPS_PASSWORD;
    try {
      const run = await tapeops(['preflight', '--date', '2010-08-03', '--now', '2010-08-03T06:30', '--data-dir', dir.path]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("tapeops: set TAPEOPS_PASSWORD to the hosts' password (it is not stored), or add --simulate\n");
    } finally {
      if (saved !== undefined) process.env.TAPEOPS_PASSWORD = saved;
    }
  });

  it('refuses an unknown fault and a fault without --simulate, exit 2', async () => {
    const unknown = await tapeops(['preflight', '--simulate', '--fault', 'disk-on-fire', '--now', '2010-08-03T06:30']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tapeops: unknown fault "disk-on-fire"; faults: .*tape-missing/);
    const live = await tapeops(['preflight', '--fault', 'backup-area-full', '--now', '2010-08-03T06:30']);
    expect(live.code).toBe(2);
    expect(live.stderr).toBe('tapeops: --fault goes with --simulate: faults are made on the simulated site\n');
  });
});
