import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditCsv, writeAuditCsv } from '../../../src-main/reports/audit-csv';
import type { AuditRecord } from '../../../src-main/store';
import { openStore, type Store } from '../../../src-main/store/open-store';
import { useTempDir } from '../store/temp-dir';

const tmp = useTempDir();

/**
 * The export as it was written before it streamed: every record through the repository, then
 * csv-stringify. The reference for the file's format, with one correction: before, a field
 * holding a lone CR or LF went out unquoted (csv-stringify quotes only the whole record delimiter
 * once one is given), and a spreadsheet split the record there; `quote_record_delimiter` quotes it.
 */
function csvAsBefore(store: Store): string {
  const safe = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const records: AuditRecord[] = [];
  for (let page = store.audit.list({ limit: 500 }); page.length > 0;) {
    records.push(...page);
    const oldest = page[page.length - 1] as AuditRecord;
    page = page.length < 500 ? [] : store.audit.list({ beforeId: oldest.id, limit: 500 });
  }
  records.reverse();
  return stringify(
    records.map((r) => [String(r.id), r.at, r.who, r.action, safe(r.subject ?? ''), safe(r.details === null ? '' : JSON.stringify(r.details))]),
    { header: true, columns: ['id', 'at', 'who', 'action', 'subject', 'details'], record_delimiter: 'windows', quote_record_delimiter: true },
  );
}

/** A destination that takes one chunk and then holds the next until told to go on. */
class HeldWritable extends Writable {
  readonly chunks: Buffer[] = [];
  private held: (() => void) | undefined;
  private firstWrite: (() => void) | undefined;
  readonly firstWritten = new Promise<void>((resolve) => (this.firstWrite = resolve));

  constructor() {
    super({ highWaterMark: 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.firstWrite?.();
    this.held = () => done();
  }

  release(): void {
    const held = this.held;
    this.held = undefined;
    held?.();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function storeWith(count: number): Store {
  const store = tmp.closeLater(openStore(tmp.path('console.db')));
  store.transaction(() => {
    for (let i = 0; i < count; i++) store.audit.append({ who: 'system', action: 'procedure.step', subject: `step ${i}`, details: { i, note: 'a, "b"' } });
  });
  return store;
}

describe('the audit log as CSV', () => {
  it('writes every record oldest first, quoting commas, quotes and line breaks, and defusing formulas', () => {
    const store = openStore(':memory:');
    try {
      store.audit.append({ who: 'JS', action: 'procedure.step', subject: 'bill-run 2010-08-03 step 6 install-tapes', details: { reason: 'tape "E", cracked\ncase' } });
      store.audit.append({ who: 'MAB', action: 'procedure.step', subject: '=HYPERLINK("http://x")', details: null });
      const csv = auditCsv(store);
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('id,at,who,action,subject,details');
      expect(lines[1]).toMatch(/^1,[^,]+,JS,procedure\.step,bill-run 2010-08-03 step 6 install-tapes,"{""reason"":""tape \\""E\\"", cracked\\ncase""}"$/);
      expect(lines[2]).toMatch(/^2,[^,]+,MAB,procedure\.step,"'=HYPERLINK\(""http:\/\/x""\)",$/);
      expect(lines.at(-1)).toBe('');
    } finally {
      store.close();
    }
  });

  it('writes exactly what csv-stringify wrote before, whatever an operator typed', () => {
    const formulaStart = fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', '\0', '＝');
    const text = fc.tuple(formulaStart, fc.string({ unit: 'binary', maxLength: 30 })).map(([start, rest]) => start + rest);
    const entry = fc.record({
      subject: fc.option(text),
      details: fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(text, text, { maxKeys: 3 }), text)),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const store = openStore(':memory:');
        try {
          for (const { subject, details } of entries) store.audit.append({ who: 'JS', action: 'procedure.step', subject, details });
          expect(auditCsv(store)).toBe(csvAsBefore(store));
        } finally {
          store.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('streams the log to a file and reports how many records it wrote', async () => {
    const store = storeWith(2500);
    const file = tmp.path('audit.csv');
    await expect(writeAuditCsv(store, createWriteStream(file))).resolves.toEqual({ rows: 2500 });
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(csvAsBefore(store));
    expect(written.split('\r\n')).toHaveLength(2500 + 2);
  });

  it('writes only the header for an empty log', async () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    const out = new HeldWritable();
    const done = writeAuditCsv(store, out);
    await out.firstWritten;
    out.release();
    await expect(done).resolves.toEqual({ rows: 0 });
    expect(out.text()).toBe('id,at,who,action,subject,details\r\n');
  });

  it('reads no further ahead than the destination takes, and ends at the record that was newest when it began', async () => {
    const store = storeWith(5000);
    const pagesRead: number[] = [];
    const counted: Store = {
      ...store,
      audit: {
        ...store.audit,
        csvPage: (query) => {
          const page = store.audit.csvPage(query);
          pagesRead.push(page.rows);
          return page;
        },
      },
    };
    const out = new HeldWritable();
    const done = writeAuditCsv(counted, out);
    await out.firstWritten;
    // a page or two ahead at most, while the destination holds its first chunk: never the whole log
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(pagesRead.length).toBeLessThanOrEqual(2);

    store.audit.append({ who: 'JS', action: 'report.printed', subject: 'appended during the export' });
    const releasing = setInterval(() => out.release(), 0);
    try {
      await expect(done).resolves.toEqual({ rows: 5000 });
    } finally {
      clearInterval(releasing);
    }
    expect(out.text()).not.toContain('appended during the export');
    expect(out.text().split('\r\n')).toHaveLength(5000 + 2);
  });

  it('rejects when the destination fails, and stops reading', async () => {
    const store = storeWith(3000);
    let pages = 0;
    const counted: Store = { ...store, audit: { ...store.audit, csvPage: (query) => (pages++, store.audit.csvPage(query)) } };
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    await expect(writeAuditCsv(counted, broken)).rejects.toThrow('disk full');
    expect(pages).toBeLessThan(3);
  });

  it('leaves a file that reads back as the same records', async () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.audit.append({ who: 'JS', action: 'labels.printed', subject: 'DAILY BR1', details: { date: '2010-08-03', codes: ['DAILY', 'BR1'] } });
    const file = tmp.path('audit.csv');
    await writeAuditCsv(store, createWriteStream(file));
    let text = '';
    for await (const chunk of createReadStream(file, 'utf8')) text += String(chunk);
    expect(text.split('\r\n')[1]).toMatch(/^1,[^,]+,JS,labels\.printed,DAILY BR1,"{""date"":""2010-08-03"",""codes"":\[""DAILY"",""BR1""\]}"$/);
  });
});
