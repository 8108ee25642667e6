/**
 * The pre-flight checks over gathered facts, for the shipped profile's Bill Run day 2010-08-03 and
 * daily day 2010-08-04: a site in order passes every check; each thing wrong fails its own check
 * with the reason the technician reads and what to do.
 */
import { describe, expect, it } from 'vitest';
import { planDay, type DayPlan } from '../../../shared/calendar/day-plan';
import { BACKUP_AREA_MARGIN, preflightChecks, type PreflightCheck } from '../../../shared/preflight/preflight-checks';
import type { AreaFile, EntryFact, PreflightFacts, QueueFact, TapeInSlot } from '../../../shared/preflight/preflight-facts';
import { volumeLabelOf } from '../../../shared/tapes/volume-label';
import { shippedProfile } from '../simulator/site-fixture';

const profile = shippedProfile();
const billRun = planDay(profile, '2010-08-03');
const daily = planDay(profile, '2010-08-04');

const RBF_BLOCKS = 10_000_000;
const AIJ_BLOCKS = 500_000;

function entry(jobName: string, statusText: string, releaseAt: string | null = null, number = 1217): EntryFact {
  const state: EntryFact['state'] = /^Holding until/.test(statusText)
    ? 'holding-until'
    : /^Executing/.test(statusText)
      ? 'executing'
      : /^Retained on error/.test(statusText)
        ? 'retained-on-error'
        : /^Retained on completion/.test(statusText)
          ? 'retained-on-completion'
          : 'pending';
  return { entry: number, jobName, state, statusText, releaseAt };
}

function queue(name: string, states: string[] = ['idle'], entries: EntryFact[] = []): QueueFact {
  return { name, host: 'BLT4', states, entries, problem: null };
}

/** Every slot as the day's plan has it; the tapes the day's initialisation names carry its labels. */
function asPlanned(day: DayPlan, labelled = true): (TapeInSlot | null)[] {
  const initialised = new Set(day.initializeTapes?.initializes.map((tape) => tape.code) ?? []);
  return day.slots.map((code) => (code === null ? null : { code, volumeLabel: labelled && initialised.has(code) ? volumeLabelOf(code) : null }));
}

/** The backup area with one RBF of RBF_BLOCKS for every database of the profile, three AIJ files each for four. */
function areaFiles(): AreaFile[] {
  const rbf = profile.databases.map((db): AreaFile => ({ name: `${db.short}_DATA_BACKUP`, type: 'RBF', version: 7, blocks: RBF_BLOCKS }));
  const aij = ['LEASE', 'DOCUMENT', 'AMORT', 'ARCHIVE'].flatMap((short) =>
    [1, 2, 3].map((version): AreaFile => ({ name: `${short}_DATA_BACKUP`, type: 'AIJ', version, blocks: AIJ_BLOCKS })),
  );
  return [...rbf, ...aij, { name: 'LEASE_FILES_BACKUP', type: 'BCK', version: 52, blocks: 1_635_907 }];
}

/** The largest RBF of each of the Bill Run's two database jobs, with the margin. */
const NEEDED = Math.ceil(2 * RBF_BLOCKS * (1 + BACKUP_AREA_MARGIN));

function billRunFacts(): PreflightFacts {
  return {
    at: '2010-08-03T06:30:00',
    queues: [queue('TIME_BLT4', ['idle'], [entry('INVOICE_STATEMENT_GENERATE', 'Holding until  3-AUG-2010 07:30:00', '2010-08-03T07:30:00.000')]), queue('TAPE_BACKUP')],
    drive: { online: true, loaded: true, words: '_$2$MKA500: online, a tape loaded', problem: null },
    magazine: { source: 'simulated-loader', slots: asPlanned(billRun), volumeLabelsKnown: true },
    backupArea: { host: 'BLT4', device: 'DISK$BACKUP_01', freeBlocks: 127_877_815, files: areaFiles(), problem: null },
  };
}

function dailyFacts(): PreflightFacts {
  return {
    ...billRunFacts(),
    at: '2010-08-04T05:00:00',
    queues: [queue('TIME_BLT4'), queue('TAPE_BACKUP', ['idle'], [entry('DAILY_BACKUP', 'Holding until  4-AUG-2010 06:05:00', '2010-08-04T06:05:00.000', 3217)])],
    magazine: { source: 'simulated-loader', slots: asPlanned(daily), volumeLabelsKnown: true },
  };
}

function check(day: DayPlan, facts: PreflightFacts, id: PreflightCheck['id']): PreflightCheck {
  const found = preflightChecks(profile, day, facts).checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no check ${id} on ${day.date}`);
  return found;
}

describe('a site in order', () => {
  it('passes the five checks of a Bill Run day, with what was seen', () => {
    const report = preflightChecks(profile, billRun, billRunFacts());
    expect(report.date).toBe('2010-08-03');
    expect(report.checks.map((c) => [c.id, c.ok, c.fix])).toEqual([
      ['queues-started', true, null],
      ['magazine', true, null],
      ['tapes-initialized', true, null],
      ['backup-area-space', true, null],
      ['tape-capacity', true, null],
    ]);
    // in the order of the day's jobs: INITIALIZE_TAPES is the first
    expect(report.checks[0]?.reason).toBe('TAPE_BACKUP idle; TIME_BLT4 idle.');
    expect(report.checks[2]?.reason).toBe("100803E, 100803F, 100803G carry today's volume labels.");
  });

  it('passes the three checks of a daily day, the daily backup waiting for 06:05', () => {
    const report = preflightChecks(profile, daily, dailyFacts());
    expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
      ['queues-started', true],
      ['magazine', true],
      ['daily-backup-queued', true],
    ]);
    expect(report.checks[1]?.reason).toContain('slot 1: DAILY 2');
    expect(report.checks[2]?.reason).toBe('DAILY_BACKUP is entry 3217 in TAPE_BACKUP (Holding until  4-AUG-2010 06:05:00).');
  });
});

describe('the queues', () => {
  it("fails on a stopped queue of the day's jobs, with the command that starts it", () => {
    const facts = { ...billRunFacts(), queues: [queue('TIME_BLT4'), queue('TAPE_BACKUP', ['stopped'])] };
    const result = check(billRun, facts, 'queues-started');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('TAPE_BACKUP on BLT4 is stopped: its jobs will not start.');
    expect(result.fix).toBe('Start the queue on BLT4: START/QUEUE TAPE_BACKUP (from the system manager account).');
  });

  it('fails on a queue that could not be read, saying why', () => {
    const facts = { ...billRunFacts(), queues: [queue('TIME_BLT4'), { name: 'TAPE_BACKUP', host: 'BLT4', states: null, entries: [], problem: 'BLT4 is not connected' }] };
    const result = check(billRun, facts, 'queues-started');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('TAPE_BACKUP could not be read: BLT4 is not connected.');
    expect(result.fix).toBe('Connect BLT4 (the Hosts screen says why it is not) and run pre-flight again.');
    // nor is an INITIALIZE_TAPES entry taken for absent in a queue nobody could read
    expect(check(billRun, { ...facts, magazine: { source: 'unseen', why: 'No label was scanned.' } }, 'tapes-initialized').reason).toBe(
      'TAPE_BACKUP could not be read: BLT4 is not connected.',
    );
  });

  it('asks only for the queues of the day: TAPE_BACKUP on a daily day, whatever TIME_BLT4 is doing', () => {
    const facts = { ...dailyFacts(), queues: [queue('TIME_BLT4', ['stopped']), ...dailyFacts().queues.slice(1)] };
    expect(check(daily, facts, 'queues-started').ok).toBe(true);
  });
});

describe('the magazine', () => {
  it('fails when slot 3 is empty, naming the tape that goes there', () => {
    const slots = asPlanned(billRun);
    slots[2] = null;
    const result = check(billRun, { ...billRunFacts(), magazine: { source: 'simulated-loader', slots, volumeLabelsKnown: true } }, 'magazine');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('Slot 3 is empty; 100803E belongs there: put 100803E in slot 3.');
    expect(result.fix).toMatch(/^Install the Bill Run tapes in the following order .*: slot 1: 100803P, slot 2: 100803D, slot 3: 100803E/);
  });

  it('fails when two tapes are swapped, saying to swap them', () => {
    const slots = asPlanned(billRun);
    [slots[3], slots[4]] = [slots[4] ?? null, slots[3] ?? null];
    const result = check(billRun, { ...billRunFacts(), magazine: { source: 'scanned', slots, volumeLabelsKnown: false } }, 'magazine');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe(
      'Slot 4 holds 100803G; 100803F belongs there: 100803F is in slot 5: swap the two tapes. Slot 5 holds 100803F; 100803G belongs there: 100803G is in slot 4: swap the two tapes.',
    );
  });

  it('fails when the drive is offline or no tape is loaded', () => {
    const offline = check(billRun, { ...billRunFacts(), drive: { online: false, loaded: true, words: '_$2$MKA500: offline, a tape loaded', problem: null } }, 'magazine');
    expect(offline.ok).toBe(false);
    expect(offline.reason).toBe('_$2$MKA500: offline, a tape loaded.');
    const unloaded = check(
      billRun,
      { ...billRunFacts(), drive: { online: true, loaded: false, words: '_$2$MKA500: online, no tape loaded', problem: null } },
      'magazine',
    );
    expect(unloaded.ok).toBe(false);
    expect(unloaded.fix).toBe('Press the Load button to load the top tape into the tape drive.');
  });

  it('fails when nobody has read the labels, since the host cannot see them', () => {
    const result = check(billRun, { ...billRunFacts(), magazine: { source: 'unseen', why: 'No label was scanned.' } }, 'magazine');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^No label was scanned\. The plan: slot 1: 100803P/);
    expect(result.fix).toMatch(/Scan or type the label of the tape in each slot\.$/);
  });
});

describe('tapes 3 to 5 initialised', () => {
  const stale = () => {
    const slots = asPlanned(billRun);
    slots[3] = { code: '100803F', volumeLabel: '00202F' };
    return { source: 'simulated-loader' as const, slots, volumeLabelsKnown: true };
  };

  it("fails on a tape with last time's label and no initialisation queued, with the plan's command", () => {
    const result = check(billRun, { ...billRunFacts(), magazine: stale() }, 'tapes-initialized');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('100803F in slot 4 carries the volume label 00202F, not 00803F. No INITIALIZE_TAPES entry is in TAPE_BACKUP.');
    expect(result.fix).toMatch(/^Submit the tape initialisation: SUBMIT\/PARAMETER=3\/QUEUE=TAPE_BACKUP SYS\$LOGIN:INITIALIZE_TAPES\.COM/);
  });

  it('passes on the same tape while the console-submitted INITIALIZE_TAPES is queued: it is about to be', () => {
    const facts = {
      ...billRunFacts(),
      magazine: stale(),
      queues: [queue('TIME_BLT4'), queue('TAPE_BACKUP', ['busy'], [entry('TAPEOPS_INITIALIZE_TAPES_K3Q9ZA', 'Executing', null, 1300)])],
    };
    const result = check(billRun, facts, 'tapes-initialized');
    expect(result.ok).toBe(true);
    expect(result.reason).toBe(
      '100803F in slot 4 carries the volume label 00202F, not 00803F; TAPEOPS_INITIALIZE_TAPES_K3Q9ZA is entry 1300 in TAPE_BACKUP (Executing): it initialises them.',
    );
  });

  it('fails when INITIALIZE_TAPES ended on error, pointing at its log', () => {
    const facts = {
      ...billRunFacts(),
      magazine: stale(),
      queues: [queue('TIME_BLT4'), queue('TAPE_BACKUP', ['idle'], [entry('INITIALIZE_TAPES', 'Retained on error', null, 1300)])],
    };
    const result = check(billRun, facts, 'tapes-initialized');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('INITIALIZE_TAPES (entry 1300) ended retained on error.');
    expect(result.fix).toMatch(/^Read its log for the E or F message/);
  });

  it('is not a check of a daily day', () => {
    expect(preflightChecks(profile, daily, dailyFacts()).checks.map((c) => c.id)).not.toContain('tapes-initialized');
  });
});

describe('room in the backup area', () => {
  const withFree = (freeBlocks: number) => ({ ...billRunFacts(), backupArea: { ...billRunFacts().backupArea, freeBlocks } });

  it('passes with exactly the largest new RBF of each job plus the margin free, and fails one block short', () => {
    expect(check(billRun, withFree(NEEDED), 'backup-area-space').ok).toBe(true);
    const short = check(billRun, withFree(NEEDED - 1), 'backup-area-space');
    expect(short.ok).toBe(false);
    expect(short.reason).toContain(`DISK$BACKUP_01 has ${(NEEDED - 1).toLocaleString('en-US')} blocks free;`);
    expect(short.reason).toContain(`needs ${NEEDED.toLocaleString('en-US')} blocks with a 10% margin`);
    expect(short.reason).toContain('"Error Writing to Disk" (%RMU-F-WRITEERR, %RMS-F-FUL, %RMU-F-FATALERR, %RMU-F-FTL_BCK)');
    expect(short.fix).toBe('Before the jobs start: Increase free space on that disk by deleting all temporary files.');
  });

  it('fails when a database of the day has no RBF file to measure', () => {
    const facts = billRunFacts();
    const files = facts.backupArea.files.filter((file) => !(file.name === 'TAX_DATA_BACKUP' && file.type === 'RBF'));
    const result = check(billRun, { ...facts, backupArea: { ...facts.backupArea, files } }, 'backup-area-space');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^No RBF file of LEASE_TAX_DATA in the backup area/);
  });

  it('measures the latest version of an RBF file, not an older one', () => {
    const facts = billRunFacts();
    const older: AreaFile = { name: 'LEASE_DATA_BACKUP', type: 'RBF', version: 6, blocks: 90_000_000 };
    const result = check(billRun, { ...facts, backupArea: { ...facts.backupArea, files: [...facts.backupArea.files, older] } }, 'backup-area-space');
    expect(result.ok).toBe(true);
  });

  it('is not a check of a daily day, whose job backs up no database to disk', () => {
    expect(preflightChecks(profile, daily, dailyFacts()).checks.map((c) => c.id)).not.toContain('backup-area-space');
  });
});

describe('room on the tapes', () => {
  it('fails when the savesets of the consolidated job need more than its four tapes hold', () => {
    const facts = billRunFacts();
    // fifteen savesets of 25 GB each: 375 GB for 320 GB of tape
    const big = facts.backupArea.files.map((file) => (file.type === 'RBF' ? { ...file, blocks: 25 * 2 * 1024 * 1024 } : file));
    const result = check(billRun, { ...facts, backupArea: { ...facts.backupArea, files: big } }, 'tape-capacity');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/^CONSOLIDATED_BACKUP_TO_TAPE's 15 savesets come to about [\d.]+ GB .* on 4 tapes of 80\.0 GB .*: [\d.]+ GB will not fit\.$/);
  });

  it("counts the AIJ saveset by the AIJ files, not by its databases' RBF files", () => {
    const result = check(billRun, billRunFacts(), 'tape-capacity');
    // 13 RBF savesets and LEASE_FILES on top of the 12 AIJ files: the four AIJ databases' RBFs are not counted twice
    const total = 13 * RBF_BLOCKS + 12 * AIJ_BLOCKS + 1_635_907;
    expect(result.ok).toBe(true);
    expect(result.reason).toContain(`(${total.toLocaleString('en-US')} blocks) on 4 tapes`);
  });
});

describe('the daily backup waiting', () => {
  const withEntries = (entries: EntryFact[]) => ({ ...dailyFacts(), queues: [queue('TIME_BLT4'), queue('TAPE_BACKUP', ['idle'], entries)] });

  it('fails with no DAILY_BACKUP entry, saying who submits it', () => {
    const result = check(daily, withEntries([]), 'daily-backup-queued');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('No DAILY_BACKUP entry is in TAPE_BACKUP.');
    expect(result.fix).toContain('Check that BATCHMAN runs on BLT4');
  });

  it('fails on an entry held until another time', () => {
    const result = check(daily, withEntries([entry('DAILY_BACKUP', 'Holding until  4-AUG-2010 07:00:00', '2010-08-04T07:00:00.000')]), 'daily-backup-queued');
    expect(result.ok).toBe(false);
    expect(result.reason).toBe('DAILY_BACKUP is entry 1217 in TAPE_BACKUP (Holding until  4-AUG-2010 07:00:00), not waiting for 06:05.');
  });

  it('passes on an entry already running', () => {
    expect(check(daily, withEntries([entry('DAILY_BACKUP', 'Executing')]), 'daily-backup-queued').ok).toBe(true);
  });

  it('is not a check of a Bill Run day', () => {
    expect(preflightChecks(profile, billRun, billRunFacts()).checks.map((c) => c.id)).not.toContain('daily-backup-queued');
  });
});
