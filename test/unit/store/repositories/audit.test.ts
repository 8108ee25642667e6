import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/store/open-store';
import { useTempDir, steppingClock } from '../temp-dir';

const tmp = useTempDir();
// UTC keeps the expected strings independent of the machine's zone; the offset is still written.
const utcClock = () => steppingClock('2026-11-25T08:00:00.000Z');

function isoWithOffset(text: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/.test(text);
}

describe('audit repository', () => {
  it('appends a record and returns it with its id and time', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: () => new Date('2026-11-25T13:00:00.250Z') }));
    const record = store.audit.append({
      who: 'system',
      action: 'drive.magazine-loaded',
      subject: 'TZ887',
      details: { slots: ['100803P', null] },
    });
    expect(record).toMatchObject({
      who: 'system',
      action: 'drive.magazine-loaded',
      subject: 'TZ887',
      details: { slots: ['100803P', null] },
    });
    expect(record.id).toBeGreaterThan(0);
    expect(isoWithOffset(record.at)).toBe(true);
    expect(Date.parse(record.at)).toBe(Date.parse('2026-11-25T13:00:00.250Z'));
    expect(store.audit.list()).toEqual([record]);
  });

  it('stores null subject and details when none are given', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    const record = store.audit.append({ who: 'JS', action: 'report.printed' });
    expect([record.subject, record.details]).toEqual([null, null]);
    expect(store.audit.list()[0]).toEqual(record);
  });

  it('keeps records across close and reopen, in order, newest first', () => {
    const file = tmp.path('console.db');
    const first = openStore(file, { now: utcClock() });
    const actions = ['operator.sign-in', 'tape.labelled', 'job.submitted', 'job.completed'];
    const written = actions.map((action) => first.audit.append({ who: 'JS', action, subject: 'BILL RUN' }));
    first.close();

    const again = tmp.closeLater(openStore(file));
    const read = again.audit.list();
    expect(read).toEqual([...written].reverse());
    expect(read.map((r) => r.action)).toEqual([...actions].reverse());
    expect(again.audit.count()).toBe(4);
    const ids = written.map((r) => r.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('filters by action, pages with limit and beforeId, and follows with afterId', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: utcClock() }));
    const records = Array.from({ length: 6 }, (_, i) => store.audit.append({ who: 'system', action: i % 2 === 0 ? 'job.progress' : 'job.error', subject: `step ${i}` }));
    const ids = records.map((r) => r.id);
    const at = (i: number) => ids[i]!;

    expect(store.audit.list({ limit: 2 }).map((r) => r.id)).toEqual([at(5), at(4)]);
    expect(store.audit.list({ limit: 2, beforeId: at(4) }).map((r) => r.id)).toEqual([at(3), at(2)]);
    expect(store.audit.list({ afterId: at(3) }).map((r) => r.id)).toEqual([at(5), at(4)]);
    expect(store.audit.list({ action: 'job.error' }).map((r) => r.id)).toEqual([at(5), at(3), at(1)]);
    expect(store.audit.list({ action: 'job.error', afterId: at(1), limit: 1 }).map((r) => r.id)).toEqual([at(5)]);
    expect(store.audit.list({ action: 'tape.lost' })).toEqual([]);
  });

  it('lists at most 100 records unless told otherwise', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.transaction(() => {
      for (let i = 0; i < 120; i++) store.audit.append({ who: 'system', action: 'job.progress' });
    });
    expect(store.audit.list()).toHaveLength(100);
    expect(store.audit.list({ limit: 500 })).toHaveLength(120);
    expect(store.audit.count()).toBe(120);
  });

  it('refuses a bad actor, action, details or query with a typed error', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(() => store.audit.append({ who: 'js', action: 'a.b' })).toThrow(expect.objectContaining({ name: 'StoreError', code: 'invalid-who' }));
    expect(() => store.audit.append({ who: 'JS', action: 'SignIn' })).toThrow(expect.objectContaining({ code: 'invalid-action' }));
    expect(() => store.audit.append({ who: 'JS', action: 'a.b', details: { n: 1n } })).toThrow(expect.objectContaining({ code: 'invalid-details' }));
    expect(() => store.audit.list({ limit: 0 })).toThrow(expect.objectContaining({ code: 'invalid-query' }));
    expect(store.audit.count()).toBe(0);
  });

  it('answers which codes were printed before: on the same date for set labels, without a date for cartridges', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    const actions = ['labels.printed', 'labels.reprinted'];
    store.audit.append({ who: 'JS', action: 'labels.printed', subject: 'DAILY BR1', details: { date: '2010-08-03', codes: ['DAILY', 'BR1'] } });
    store.audit.append({ who: 'JS', action: 'labels.reprinted', subject: 'BR2', details: { date: '2010-08-03', codes: ['BR2'] } });
    store.audit.append({ who: 'JS', action: 'labels.printed', subject: 'DAILY', details: { date: '2010-08-04', codes: ['DAILY'] } });
    store.audit.append({ who: 'JS', action: 'labels.printed', subject: '100803P', details: { codes: ['100803P', 100804] } });
    // the same code in a record of another kind is not a print
    store.audit.append({ who: 'JS', action: 'tape.scanned', subject: 'BR3', details: { date: '2010-08-03', codes: ['BR3'] } });

    const asked = ['DAILY', 'BR1', 'BR2', 'BR3', 'BR4', '100803P', '100804'];
    expect(store.audit.recordedCodes({ actions, codes: asked, date: '2010-08-03' })).toEqual(new Set(['DAILY', 'BR1', 'BR2']));
    expect(store.audit.recordedCodes({ actions, codes: asked, date: '2010-08-04' })).toEqual(new Set(['DAILY']));
    expect(store.audit.recordedCodes({ actions, codes: asked, date: '2010-08-05' })).toEqual(new Set());
    expect(store.audit.recordedCodes({ actions, codes: asked })).toEqual(new Set(['100803P', '100804']));
    expect(store.audit.recordedCodes({ actions: ['labels.reprinted'], codes: asked, date: '2010-08-03' })).toEqual(new Set(['BR2']));
    expect(store.audit.recordedCodes({ actions, codes: [], date: '2010-08-03' })).toEqual(new Set());
  });

  it('finds a print however far back it is, unlike a look at the latest records', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.audit.append({ who: 'JS', action: 'labels.printed', subject: '100803P', details: { codes: ['100803P'] } });
    store.transaction(() => {
      for (let i = 0; i < 1200; i++) store.audit.append({ who: 'JS', action: 'labels.printed', subject: `C${i}`, details: { codes: [`C${i}`] } });
    });
    expect(store.audit.recordedCodes({ actions: ['labels.printed'], codes: ['100803P', 'C1199', 'C1200'] })).toEqual(new Set(['100803P', 'C1199']));
  });

  it('knows its last id and reads its records as CSV pages, oldest first, up to a given id', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(store.audit.lastId()).toBe(0);
    expect(store.audit.csvPage()).toEqual({ rows: 0, lastId: 0, csv: Buffer.alloc(0) });
    const ids = ['a', 'b', 'c', 'd'].map((letter) => store.audit.append({ who: 'JS', action: 'job.progress', subject: letter }).id);
    expect(store.audit.lastId()).toBe(ids[3]);

    const first = store.audit.csvPage({ limit: 2 });
    expect(first).toMatchObject({ rows: 2, lastId: ids[1] });
    const [a, b] = store.audit.list({ limit: 4 }).reverse();
    expect(first.csv.toString()).toBe(`${ids[0]},${a?.at},JS,job.progress,a,\r\n${ids[1]},${b?.at},JS,job.progress,b,\r\n`);
    const rest = store.audit.csvPage({ afterId: first.lastId, throughId: ids[2] });
    expect(rest).toMatchObject({ rows: 1, lastId: ids[2] });
    expect(rest.csv.toString()).toMatch(/^\d+,[^,]+,JS,job\.progress,c,\r\n$/);
    expect(() => store.audit.csvPage({ limit: 0 })).toThrow(expect.objectContaining({ code: 'invalid-query' }));
  });
});
