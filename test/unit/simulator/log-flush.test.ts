/**
 * A batch job's log reaches the disk only when the batch system writes it out: once a minute, or
 * at the rate the procedure sets with SET OUTPUT_RATE, and whole at the job's end (HP OpenVMS DCL
 * Dictionary, SET OUTPUT_RATE). What TYPE (or a console following the file) sees lags the job.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_RATE_MS, outputRateOf } from '../../../src-main/simulator/batch/output-rate';
import { run, siteAt } from './site-fixture';

const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';

type Site = ReturnType<typeof siteAt>['site'];

function recordsOf(site: Site, name: string): number {
  const directory = site.inspect('BLT4').host.diskByLabel('MENTAT')?.directory('USER_DIR.LEASECOMM');
  return directory?.highest(name, 'LOG')?.records?.length ?? -1;
}

describe('the output rate of a batch job', () => {
  it('is read from the procedure: once a minute unless SET OUTPUT_RATE says otherwise', () => {
    expect(outputRateOf(['$ SET NOON', '$ BACKUP X Y'])).toBe(DEFAULT_OUTPUT_RATE_MS);
    expect(outputRateOf(['$ SET OUTPUT_RATE=0:0:10'])).toBe(10_000);
    expect(outputRateOf(['$ set output_rate = 00:05 ! five minutes'])).toBe(5 * 60_000);
    // the rate alone (write the log now) keeps the default; a zero or unreadable one too
    expect(outputRateOf(['$ SET OUTPUT_RATE'])).toBe(DEFAULT_OUTPUT_RATE_MS);
    expect(outputRateOf(['$ SET OUTPUT_RATE=0:0:0', '$ SET OUTPUT_RATE=soon'])).toBe(DEFAULT_OUTPUT_RATE_MS);
  });

  it('writes what the job logged out to the file once a minute, and the rest at its end', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await run(site, `SUBMIT/QUEUE=TIME_BLT4/USER=LEASE_BATCH/NAME=FLUSHED/LOG_FILE=DISK$MENTAT:[USER_DIR.LEASECOMM] ${PROCEDURES}BLT_CLEANUP.COM`);
    site.advance();
    // the job has logged in and verified its first commands, but nothing is on the disk yet
    clock.advanceMinutes(0.5);
    site.advance();
    expect(recordsOf(site, 'FLUSHED')).toBe(0);
    clock.advanceMinutes(0.6);
    site.advance();
    const afterOneMinute = recordsOf(site, 'FLUSHED');
    expect(afterOneMinute).toBeGreaterThan(0);
    // the job's end writes out the rest, to the accounting trailer
    clock.advanceHours(2);
    const log = (await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]FLUSHED.LOG')).lines;
    expect(log.length).toBeGreaterThan(afterOneMinute);
    expect(log.at(-1)).toMatch(/Elapsed time: /);
  });
});
