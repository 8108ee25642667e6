import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiRequests, requestNames, type RequestName } from '../../../shared/api';
import type { ApiError, ApiResult } from '../../../shared/errors';
import { dispatch, type Handlers, type RequestContext } from '../../../src-main/app/dispatch';
import type { ConsoleMain } from '../../../src-main/app/start-console';
import { BILL_RUN_2010_08_03_SLOTS, makeTempDir, openServices, shippedSiteFile, validSiteCopy, wrongQueueSiteCopy, type TempDir } from '../../support/api-fixtures';

function errorOf(result: ApiResult<unknown>): ApiError {
  if (!('error' in result)) throw new Error(`expected a failure, got ${JSON.stringify(result).slice(0, 200)}`);
  return result.error;
}

function okOf<T = unknown>(result: ApiResult<unknown>): T {
  if (!('ok' in result)) throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result.ok as T;
}

let dir: TempDir;
let services: ConsoleMain;
let logs: string[];
let opened: ConsoleMain[];

beforeEach(async () => {
  dir = makeTempDir('dispatch');
  ({ services, logs } = await openServices(dir));
  opened = [services];
});

afterEach(async () => {
  for (const s of opened) await s.close();
  dir.remove();
});

const signedOut = (): RequestContext => ({ operator: null });

/**
 * Wrong inputs for each request, with the field the refusal must name. Every request of the
 * contract must be listed (checked below), so a new request cannot ship without its refusals.
 */
const wrongInputs: Record<RequestName, { input: unknown; field: string }[]> = {
  'app.info': [
    { input: { verbose: true }, field: 'verbose' },
    { input: 7, field: 'object' },
  ],
  'session.signIn': [
    { input: { initials: 'A1' }, field: 'initials' },
    { input: { initials: 'abcde' }, field: 'initials' },
    { input: { initials: 'J' }, field: 'initials' },
    { input: {}, field: 'initials' },
    { input: { initials: 'JS', name: 'x'.repeat(61) }, field: 'name' },
    { input: { initials: 'JS', role: 'admin' }, field: 'role' },
  ],
  'day.plan': [
    { input: { date: '2010-02-30' }, field: 'date' },
    { input: { date: '2010-8-3' }, field: 'date' },
    { input: { date: '2010-08-03T00:00' }, field: 'date' },
    { input: { date: 20100803 }, field: 'date' },
    { input: {}, field: 'date' },
    { input: { date: '2010-08-03', site: 'other' }, field: 'site' },
    { input: 42, field: 'object' },
  ],
  'calendar.month': [
    { input: { month: '2010-13' }, field: 'month' },
    { input: { month: '2010-00' }, field: 'month' },
    { input: { month: '2010-8' }, field: 'month' },
    { input: { month: '2010-08-01' }, field: 'month' },
    { input: {}, field: 'month' },
  ],
  'calendar.ics': [
    { input: { month: '2010-08', months: 0 }, field: 'months' },
    { input: { month: '2010-08', months: 25 }, field: 'months' },
    { input: { month: '2010-08', months: 1.5 }, field: 'months' },
    { input: { month: '2010-08', months: '2' }, field: 'months' },
    { input: { month: '2010-13', months: 1 }, field: 'month' },
    { input: { month: '2010-08' }, field: 'months' },
  ],
  'site.choose': [
    { input: { file: '' }, field: 'file' },
    { input: { file: '   ' }, field: 'file' },
    { input: { file: 5 }, field: 'file' },
    { input: { file: 'x'.repeat(1025) }, field: 'file' },
  ],
  'session.signOut': [{ input: { initials: 'JS' }, field: 'initials' }],
  'site.profiles': [{ input: { folder: '/etc' }, field: 'folder' }],
  'site.chooseFile': [{ input: { file: '/etc/passwd' }, field: 'file' }],
  'audit.recent': [
    { input: { limit: 5, beforeId: 0 }, field: 'beforeId' },
    { input: { limit: 0 }, field: 'limit' },
    { input: { limit: 501 }, field: 'limit' },
    { input: { limit: 2.5 }, field: 'limit' },
    { input: {}, field: 'limit' },
  ],
  'hosts.list': [{ input: { host: 'BLT4' }, field: 'host' }],
  'hosts.connect': [
    { input: { host: 'blt4' }, field: 'host' },
    { input: { host: 'BLT4; DELETE' }, field: 'host' },
    { input: {}, field: 'host' },
  ],
  'hosts.disconnect': [{ input: { host: '' }, field: 'host' }],
  'hosts.approveKey': [
    { input: { host: 'BLT4', fingerprint: 'MD5:aa:bb' }, field: 'fingerprint' },
    { input: { host: 'BLT4' }, field: 'fingerprint' },
    { input: { host: 'BLT 4', fingerprint: `SHA256:${'A'.repeat(43)}` }, field: 'host' },
  ],
  'hosts.setPassword': [
    { input: { host: 'BLT4', password: '' }, field: 'password' },
    { input: { host: 'BLT4', password: 'pass\nword' }, field: 'password' },
    { input: { host: 'BLT4', password: 'p'.repeat(256) }, field: 'password' },
    { input: { host: 'BLT4' }, field: 'password' },
  ],
  'queues.show': [{ input: { queue: 'TAPE_BACKUP' }, field: 'queue' }],
  'logical.resolve': [
    { input: { name: "LEASE_FILES'X" }, field: 'name' },
    { input: { name: 'LEASE FILES' }, field: 'name' },
    { input: { name: '' }, field: 'name' },
    { input: { name: 'LEASE_FILES', host: 'blt4!' }, field: 'host' },
  ],
  'simulator.fault': [
    { input: { fault: 'disk-on-fire', on: true }, field: 'fault' },
    { input: { fault: 'slow-link', on: 'yes' }, field: 'on' },
    { input: { fault: 'slow-link', on: true, delayMs: -1 }, field: 'delayMs' },
    { input: { fault: 'queue-stopped', on: true, queue: 'TAPE BACKUP' }, field: 'queue' },
  ],
  'labels.stocks': [{ input: { use: 'set' }, field: 'use' }],
  'labels.chooseStock': [
    { input: { use: 'spine', stockId: 'avery-5163' }, field: 'use' },
    { input: { use: 'set', stockId: '../avery' }, field: 'stockId' },
  ],
  'labels.preview': [
    { input: { selection: { kind: 'set', date: '2010-02-30', set: 'all' } }, field: 'date' },
    { input: { selection: { kind: 'set', date: '2010-08-03', set: 'weekly' } }, field: 'set' },
    { input: { selection: { kind: 'cartridges', first: 'MF*001', last: 'MF0002' } }, field: 'first' },
    { input: { selection: { kind: 'tapes', date: '2010-08-03' } }, field: 'kind' },
  ],
  'labels.file': [
    { input: { selection: { kind: 'set', date: '2010-08-03', set: 'all' }, format: 'docx' }, field: 'format' },
    { input: { selection: { kind: 'set', date: '2010-08-03', set: 'all', codes: [] }, format: 'pdf' }, field: 'codes' },
  ],
  'labels.print': [
    { input: { selection: { kind: 'set', date: '2010-08-03', set: 'all' }, via: 'fax' }, field: 'via' },
    { input: { selection: { kind: 'set', date: '2010-08-03', set: 'all' }, via: 'printer' }, field: 'printer' },
  ],
  'labels.printers': [{ input: { printer: 'Zebra' }, field: 'printer' }],
  'audit.csv': [{ input: { since: '2010-08-03' }, field: 'since' }],
  'simulator.drive': [
    { input: { act: 'kick' }, field: 'act' },
    { input: { act: 'insert', code: '100803D' }, field: 'slot' },
    { input: { act: 'insert', slot: 2, code: '100803D; DELETE' }, field: 'code' },
  ],
  'procedures.list': [{ input: { all: true }, field: 'all' }],
  'procedures.start': [
    { input: { procedureId: 'Bill Run', date: '2010-08-03' }, field: 'procedureId' },
    { input: { procedureId: 'bill-run', date: '2010-08-32' }, field: 'date' },
  ],
  'procedures.act': [
    { input: { runId: 'R 1', action: 'confirm' }, field: 'runId' },
    { input: { runId: 'r1', action: 'jump' }, field: 'action' },
    { input: { runId: 'r1', action: 'skip' }, field: 'reason' },
    { input: { runId: 'r1', action: 'skip', reason: '   ' }, field: 'reason' },
    { input: { runId: 'r1', action: 'scan', slot: 2, code: "100803D'X" }, field: 'code' },
    { input: { runId: 'r1', action: 'scan', slot: 17, code: '100803D' }, field: 'slot' },
    { input: { runId: 'r1', action: 'scan', code: '100803D' }, field: 'slot' },
  ],
  'jobs.chains': [{ input: { date: '2010-08-03' }, field: 'date' }],
  'jobs.log': [
    { input: { chainId: 'chain-2010-08-03', job: 'daily backup', from: 1, count: 10 }, field: 'job' },
    { input: { chainId: 'chain-2010-08-03', job: 'DAILY_BACKUP', from: 0, count: 10 }, field: 'from' },
    { input: { chainId: 'chain-2010-08-03', job: 'DAILY_BACKUP', from: 1, count: 5000 }, field: 'count' },
  ],
  'jobs.follow': [{ input: { date: '3-AUG-2010' }, field: 'date' }],
};

/** Requests that need the links to the hosts; these services have none, and say so. */
const needsLinks: RequestName[] = ['hosts.connect', 'hosts.disconnect', 'hosts.approveKey', 'hosts.setPassword', 'queues.show', 'logical.resolve'];

/** One good input per request, used for the JSON round trip. */
const goodInputs: Record<RequestName, unknown> = {
  'app.info': {},
  'session.signIn': { initials: 'js', name: 'Jane Smith' },
  'day.plan': { date: '2010-08-03' },
  'calendar.month': { month: '2010-08' },
  'calendar.ics': { month: '2010-08', months: 2 },
  'site.choose': { file: shippedSiteFile },
  'audit.recent': { limit: 10 },
  'session.signOut': {},
  'site.profiles': {},
  'site.chooseFile': {},
  'hosts.list': {},
  'hosts.connect': { host: 'BLT4' },
  'hosts.disconnect': { host: 'BLT4' },
  'hosts.approveKey': { host: 'BLT4', fingerprint: `SHA256:${'A'.repeat(43)}` },
  'hosts.setPassword': { host: 'BLT4', password: 'correct horse' },
  'queues.show': {},
  'logical.resolve': { name: 'LEASE_FILES' },
  'simulator.fault': { fault: 'tape-write-error', on: true },
  'labels.stocks': {},
  'labels.chooseStock': { use: 'set', stockId: 'avery-l7165' },
  'labels.preview': { selection: { kind: 'set', date: '2010-08-03', set: 'all' } },
  'labels.file': { selection: { kind: 'set', date: '2010-08-03', set: 'billrun' }, format: 'zpl' },
  'labels.print': { selection: { kind: 'cartridges', first: 'MF0001', last: 'MF0002' }, via: 'browser' },
  'labels.printers': {},
  'audit.csv': {},
  'simulator.drive': { act: 'eject' },
  'procedures.list': {},
  'procedures.start': { procedureId: 'daily', date: '2010-08-04', rehearsal: true },
  'procedures.act': { runId: 'no-such-run', action: 'back' },
  'jobs.chains': {},
  'jobs.log': { chainId: 'no-such-chain', job: 'DAILY_BACKUP', from: 1, count: 10 },
  'jobs.follow': { date: '2010-08-04' },
};

describe('dispatch refuses wrong input', () => {
  it('has wrong inputs listed for every request of the contract', () => {
    expect(Object.keys(wrongInputs).sort()).toEqual([...requestNames].sort());
    expect(Object.keys(goodInputs).sort()).toEqual(Object.keys(apiRequests).sort());
  });

  for (const name of requestNames) {
    it(`${name}: each wrong input is invalid-input with a message naming the field`, async () => {
      const ctx: RequestContext = { operator: 'JS' };
      for (const { input, field } of wrongInputs[name]) {
        const error = errorOf(await services.request(name, input, ctx));
        expect(error.code, `${name} ${JSON.stringify(input)}`).toBe('invalid-input');
        expect(error.message, `${name} ${JSON.stringify(input)}`).toContain(name);
        expect(error.message, `${name} ${JSON.stringify(input)}`).toContain(field);
        const problems = (error.details as { problems: string[] }).problems;
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.every((p) => typeof p === 'string')).toBe(true);
      }
      // nothing was done on the operator's behalf
      expect(services.store.audit.count()).toBe(0);
    });

    it(`${name}: an extra field and a bare value are refused`, async () => {
      const good = goodInputs[name] as Record<string, unknown>;
      const extra = errorOf(await services.request(name, { ...good, smuggled: 1 }, { operator: 'JS' }));
      expect(extra.code).toBe('invalid-input');
      expect(extra.message).toMatch(/smuggled/);
      for (const bare of [undefined, null, 'text', 3, []]) {
        const error = errorOf(await services.request(name, bare, { operator: 'JS' }));
        expect(error.code, JSON.stringify(bare)).toBe('invalid-input');
        expect(error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
      }
    });
  }

  it('day.plan names the date and says what is wrong with it', async () => {
    const cases: [unknown, RegExp][] = [
      [{ date: '2010-02-30' }, /^day\.plan: date: is not a day of the calendar$/],
      [{ date: '2010-8-3' }, /^day\.plan: date: must be a date YYYY-MM-DD$/],
      [{}, /^day\.plan: date: /],
      [{ date: '2010-08-03', extra: true }, /^day\.plan: .*"extra"/],
      [{ date: '2011-02-29' }, /^day\.plan: date: is not a day of the calendar$/],
      [{ date: '1900-02-29' }, /^day\.plan: date: is not a day of the calendar; date: must be a year from 1901 to 9998$/],
      [{ date: '0050-01-01' }, /^day\.plan: date: must be a year from 1901 to 9998$/],
    ];
    for (const [input, message] of cases) {
      expect(errorOf(await services.request('day.plan', input, signedOut())).message).toMatch(message);
    }
  });

  it('calendar.month 2010-13 and calendar.ics months 0 and 25 are refused by field', async () => {
    expect(errorOf(await services.request('calendar.month', { month: '2010-13' }, signedOut()))).toMatchObject({
      code: 'invalid-input',
      message: 'calendar.month: month: must be a month YYYY-MM',
    });
    for (const months of [0, 25]) {
      const error = errorOf(await services.request('calendar.ics', { month: '2010-08', months }, signedOut()));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(/^calendar\.ics: months: /);
    }
  });

  it('session.signIn refuses A1 and abcde as initials and signs nobody in', async () => {
    for (const initials of ['A1', 'abcde']) {
      const ctx = signedOut();
      const error = errorOf(await services.request('session.signIn', { initials }, ctx));
      expect(error).toMatchObject({ code: 'invalid-input' });
      expect(error.message).toMatch(/^session\.signIn: initials: (ABCDE has 5 letters: )?initials are 2 to 4 letters/);
      expect(ctx.operator).toBeNull();
    }
    expect(services.store.operators.list()).toEqual([]);
  });

  it('site.choose with an empty file name is refused before anything is loaded', async () => {
    const error = errorOf(await services.request('site.choose', { file: '' }, { operator: 'JS' }));
    expect(error).toMatchObject({ code: 'invalid-input', message: 'site.choose: file: name a profile file' });
    expect(services.site().file).toBe(shippedSiteFile);
  });

  it('a leap day of a leap year is planned', async () => {
    expect(await services.request('day.plan', { date: '2012-02-29' }, signedOut())).toHaveProperty('ok.date', '2012-02-29');
  });

  it('dates the schema accepts but the calendar cannot plan are refused as invalid input, not internal errors', async () => {
    // 9999-12-31 passes the date schema, but its plan looks at 10000-01-01; 0000-01 has no earlier Bill Run.
    const cases: [RequestName, unknown, string][] = [
      ['day.plan', { date: '9999-12-31' }, 'date'],
      ['calendar.month', { month: '0000-01' }, 'month'],
      ['calendar.ics', { month: '9999-12', months: 24 }, 'month'],
    ];
    const outcomes = [];
    for (const [name, input, field] of cases) {
      const error = errorOf(await services.request(name, input, signedOut()));
      outcomes.push({ name, code: error.code, namesField: error.message.includes(field) });
    }
    expect(outcomes).toEqual(cases.map(([name]) => ({ name, code: 'invalid-input', namesField: true })));
    // nothing reached the log of internal errors
    expect(logs).toEqual([]);
  });
});

describe('dispatch outcomes', () => {
  it('an unknown request name is unknown-request, whatever the name', async () => {
    for (const name of ['day.plans', 'toString', '__proto__', 'constructor', '', 42, null]) {
      const error = errorOf(await services.request(name, {}, signedOut()));
      expect(error.code, String(name)).toBe('unknown-request');
      expect(error.message).toContain('unknown request');
    }
  });

  it('an internal error in a handler is "internal", names the request and carries no stack trace', async () => {
    const failing = new Error('disk quota exceeded on DISK$MENTAT');
    const handlers = Object.fromEntries(
      requestNames.map((name) => [
        name,
        () => {
          throw failing;
        },
      ]),
    ) as unknown as Handlers;
    const seen: unknown[] = [];
    const result = await dispatch(handlers, 'day.plan', { date: '2010-08-03' }, signedOut(), (e) => seen.push(e));
    const error = errorOf(result);
    expect(error.code).toBe('internal');
    expect(error.message).toContain('day.plan');
    expect(error.message).toContain('disk quota exceeded on DISK$MENTAT');
    const wire = JSON.stringify(result);
    expect(wire).not.toMatch(/\n\s+at /);
    expect(wire).not.toContain('dispatch.test.ts');
    expect(error.details).toBeUndefined();
    // the stack goes to the log of main, not to the operator
    expect(seen).toEqual([failing]);
  });

  it('a thrown non-Error is internal too, and dispatch never rejects', async () => {
    const handlers = Object.fromEntries(
      requestNames.map((name) => [
        name,
        async () => {
          throw 'tape drive offline';
        },
      ]),
    ) as unknown as Handlers;
    const result = await dispatch(handlers, 'audit.recent', { limit: 1 }, signedOut());
    expect(errorOf(result)).toEqual({ code: 'internal', message: 'audit.recent failed: tape drive offline' });
  });

  it('every result is plain JSON: it survives a round trip through JSON unchanged', async () => {
    const ctx = signedOut();
    // sign in first so that site.choose and audit.recent have something to answer
    const order: RequestName[] = ['session.signIn', ...requestNames.filter((n) => n !== 'session.signIn' && n !== 'session.signOut'), 'session.signOut'];
    for (const name of order) {
      const result = await services.request(name, goodInputs[name], ctx);
      if (needsLinks.includes(name)) {
        expect(errorOf(result), name).toMatchObject({ code: 'no-host-links' });
        continue;
      }
      if (name === 'simulator.fault' || name === 'simulator.drive') {
        expect(errorOf(result), name).toMatchObject({ code: 'not-simulated' });
        continue;
      }
      if (name === 'site.chooseFile') {
        expect(errorOf(result), name).toMatchObject({ code: 'no-file-dialog' });
        continue;
      }
      if (name === 'jobs.log') {
        expect(errorOf(result), name).toMatchObject({ code: 'unknown-run', message: 'There is no job chain no-such-chain.' });
        continue;
      }
      if (name === 'procedures.act') {
        expect(errorOf(result), name).toMatchObject({ code: 'unknown-run', message: 'There is no procedure run no-such-run.' });
        continue;
      }
      const value = okOf(result);
      expect(JSON.parse(JSON.stringify(value)), name).toStrictEqual(value);
    }
  });

  it('day.plan for 2010-08-03 gives the Bill Run magazine slot by slot', async () => {
    const plan = okOf<{ kind: string; slots: (string | null)[] }>(await services.request('day.plan', { date: '2010-08-03' }, signedOut()));
    expect(plan.kind).toBe('billrun');
    expect(plan.slots).toEqual(BILL_RUN_2010_08_03_SLOTS);
  });
});

describe('session.signIn', () => {
  it('upper-cases the initials, signs the context in and writes an operator.sign-in audit record', async () => {
    const ctx = signedOut();
    const operator = okOf(await services.request('session.signIn', { initials: 'ab' }, ctx));
    expect(operator).toEqual({ initials: 'AB', name: null });
    expect(ctx.operator).toBe('AB');
    const audit = okOf<{ who: string; action: string; subject: string | null }[]>(await services.request('audit.recent', { limit: 5 }, ctx));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ who: 'AB', action: 'operator.sign-in', subject: 'AB' });
  });
});

describe('site.choose', () => {
  it('is refused before sign-in, and the site stays as it was', async () => {
    const copy = validSiteCopy(dir);
    const error = errorOf(await services.request('site.choose', { file: copy }, signedOut()));
    expect(error.code).toBe('not-signed-in');
    expect(services.site().file).toBe(shippedSiteFile);
    expect(services.store.settings.get('site.file')).toBeUndefined();
  });

  it('refuses a profile with a wrong queue and lists the problem by its path', async () => {
    const ctx = signedOut();
    await services.request('session.signIn', { initials: 'ab' }, ctx);
    const broken = wrongQueueSiteCopy(dir);
    const error = errorOf(await services.request('site.choose', { file: broken.file }, ctx));
    expect(error.code).toBe('invalid-site-profile');
    expect(error.message).toContain(broken.file);
    const details = error.details as { file: string; problems: string[] };
    expect(details.problems).toContain(`${broken.file}:${broken.line}:${broken.column}: jobs[${broken.jobIndex}].queue: unknown queue "TAPE_BACKUPP"`);
    // the running site and the stored choice are untouched
    expect(services.site().file).toBe(shippedSiteFile);
    expect(services.store.settings.get('site.file')).toBeUndefined();
    expect(services.store.audit.list({ action: 'settings.change' })).toEqual([]);
  });

  it('refuses a file that does not exist, naming it: it is none of the listed profiles', async () => {
    const ctx = signedOut();
    await services.request('session.signIn', { initials: 'ab' }, ctx);
    const missing = dir.file('nowhere.yaml');
    const error = errorOf(await services.request('site.choose', { file: missing }, ctx));
    expect(error.code).toBe('unlisted-site-profile');
    expect(error.message).toContain('nowhere.yaml');
    expect(error.message).toContain(dir.path);
  });

  it('switches to a valid copy, keeps it in settings for the next start and audits it', async () => {
    const ctx = signedOut();
    await services.request('session.signIn', { initials: 'ab' }, ctx);
    const copy = validSiteCopy(dir);
    const changed: unknown[] = [];
    services.events.listen((event, payload) => {
      if (event === 'site.changed') changed.push(payload);
    });

    const summary = okOf<{ file: string; revision: string }>(await services.request('site.choose', { file: copy }, ctx));
    expect(summary).toMatchObject({ file: copy, revision: 'Test copy', name: 'Microfinancial' });
    expect(changed).toEqual([summary]);
    const info = okOf<{ site: { file: string } }>(await services.request('app.info', {}, ctx));
    expect(info.site.file).toBe(copy);

    const records = services.store.audit.list({ action: 'settings.change' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ who: 'AB', subject: 'site.file', details: { old: null, new: copy } });

    // a new start on the same store file begins with the chosen profile
    await services.close();
    const next = (await openServices(dir)).services;
    opened.push(next);
    expect(next.site().file).toBe(copy);
    expect(next.summary().revision).toBe('Test copy');
  });
});
