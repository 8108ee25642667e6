/** The items each job of the plan works through, with the totals the profile gives. */
import { describe, expect, it } from 'vitest';
import { jobItems } from '../../../shared/jobs/job-items';
import type { SiteProfile } from '../../../shared/site/schema';
import { shippedProfile } from '../simulator/site-fixture';
import { itemsOf, profileJob } from './simulated-day';

const names = (job: string, kind?: string) =>
  itemsOf(job)
    .items.filter((item) => kind === undefined || item.kind === kind)
    .map((item) => item.name);

describe('the items of the shipped profile', () => {
  it('RMU_BACKUP_DATA: the LEASE_FILES saveset and the nine databases, to disk', () => {
    const items = itemsOf('RMU_BACKUP_DATA');
    expect(items.totals).toEqual({ all: 10, 'file-area': 1, database: 9, device: 0, saveset: 0 });
    expect(names('RMU_BACKUP_DATA', 'file-area')).toEqual(['LEASE_FILES']);
    expect(names('RMU_BACKUP_DATA', 'database')).toEqual(profileJob('RMU_BACKUP_DATA').databases);
    expect(items.items.every((item) => item.target === 'disk')).toBe(true);
  });

  it('RMU_BACKUP_DOCUMENT: four databases', () => {
    expect(itemsOf('RMU_BACKUP_DOCUMENT').totals.all).toBe(4);
    expect(names('RMU_BACKUP_DOCUMENT')).toEqual(['LEASE_DOCUMENT_DATA', 'LEASE_ARCHIVE_DATA', 'LEASE_REPLICATION_DATA', 'LEASE_LETTER_DATA']);
  });

  it('PROD_AND_DEVEL_BACKUP: the seven devices, to its tape P', () => {
    const items = itemsOf('PROD_AND_DEVEL_BACKUP');
    expect(names('PROD_AND_DEVEL_BACKUP', 'device')).toEqual(['MENTAT', 'BLT4_SYSTEM', 'BLT6_SYSTEM', 'PCWORK', 'PCCOMMON', 'PROD_07', 'PROD_09']);
    expect(items.totals.all).toBe(7);
    expect(items.tapes).toEqual(['P']);
    expect(items.items.map((item) => item.label)).toContain('DISK$MENTAT');
  });

  it('CONSOLIDATED_BACKUP_TO_TAPE: the 15 savesets across tapes D, E, F and G', () => {
    const items = itemsOf('CONSOLIDATED_BACKUP_TO_TAPE');
    expect(items.totals).toEqual({ all: 15, 'file-area': 0, database: 0, device: 0, saveset: 15 });
    expect(items.tapes).toEqual(['D', 'E', 'F', 'G']);
    expect(items.items.every((item) => item.target === 'tape' && item.tapes.join('') === 'DEFG')).toBe(true);
    // a saveset knows the databases whose RBF files it carries, for the estimate
    expect(items.items.find((item) => item.name === 'AIJ.BAK')?.databases).toEqual(['LEASE_DATA', 'LEASE_DOCUMENT_DATA', 'LEASE_AMORT_DATA', 'LEASE_ARCHIVE_DATA']);
  });

  it('DAILY_BACKUP: the LEASE_FILES and LEASE_AMORT_FILES incremental to disk, the four devices, AIJ.BAK and INC.BAK to tape', () => {
    const items = itemsOf('DAILY_BACKUP');
    expect(items.items.map((item) => [item.kind, item.name, item.target])).toEqual([
      ['file-area', 'LEASE_FILES_BACKUP.INC', 'disk'],
      ['device', 'MENTAT', 'tape'],
      ['device', 'PCWORK', 'tape'],
      ['device', 'PCCOMMON', 'tape'],
      ['device', 'PROD_07', 'tape'],
      ['saveset', 'AIJ.BAK', 'tape'],
      ['saveset', 'INC.BAK', 'tape'],
    ]);
    expect(items.items[0]?.fileAreas).toEqual(['LEASE_FILES', 'LEASE_AMORT_FILES']);
    // the DAILY tape has no Bill Run letter
    expect(items.tapes).toEqual([]);
  });

  it('gives no items to the jobs that back nothing up', () => {
    for (const job of ['INVOICE_STATEMENT_GENERATE', 'BLT_CLEANUP', 'INITIALIZE_TAPES']) expect([job, itemsOf(job).totals.all]).toEqual([job, 0]);
  });
});

describe('another profile', () => {
  it('gives other items: nothing of one site is in the code', () => {
    const shipped = shippedProfile();
    const profile: SiteProfile = {
      ...shipped,
      logicalNames: [{ name: 'ORDERS_AREA', value: 'DKA100:[ORDERS]', table: 'LNM$SYSTEM_TABLE', concealed: false }],
      databases: [{ name: 'ORDERS_DB', short: 'ORD' }],
      tapes: { ...shipped.tapes, billRun: { ...shipped.tapes.billRun, tapes: [{ letter: 'X', job: 'NIGHTLY', title: 'Nightly' }] } },
      jobs: [
        {
          ...profileJob('RMU_BACKUP_DATA'),
          name: 'NIGHTLY',
          type: 'disk-to-tape',
          databases: ['ORDERS_DB'],
          devices: ['USERS'],
          savesets: [{ name: 'ORDERS.BAK', contents: 'the orders RBF', databases: ['ORDERS_DB'] }],
          tasks: ['Backs up ORDERS_AREA to a saveset.'],
        },
      ],
    };
    const nightly = profile.jobs[0];
    if (nightly === undefined) throw new Error('no job');
    const items = jobItems(profile, nightly);
    expect(items.items.map((item) => item.id)).toEqual(['database:ORDERS_DB', 'device:USERS', 'saveset:ORDERS.BAK']);
    expect(items.tapes).toEqual(['X']);
    // a job with savesets names its disk savesets in its tasks; this one has none
    expect(items.totals['file-area']).toBe(0);
    const diskJob = { ...nightly, type: 'disk-to-disk' as const, savesets: [], devices: [] };
    expect(jobItems(profile, diskJob).items.map((item) => item.id)).toEqual(['file-area:ORDERS_AREA', 'database:ORDERS_DB']);
  });
});
