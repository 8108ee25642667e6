/**
 * The console server alone in a Node process of its own, for the probes that must show the
 * process survives what a client sends. Its endpoint stands in for the services:
 *
 * - `audit.recent` answers `limit` entries as large as the real audit log's (about 600 bytes each);
 * - `test.hold` answers only when `test.release` is asked, so requests stay in flight;
 * - `test.export` answers 24 MiB at once, like the audit CSV of a long log, and sends the event
 *   `test.after-export` right behind it;
 * - `test.memory` answers this process's resident memory now and at its peak, in bytes.
 *
 * Run: `node --import tsx console-server-child.ts STATIC_DIR TOKEN`. Prints `READY <port>` on
 * standard output; the server's log lines go to standard error.
 */
import type { ApiResult } from '../../shared/errors';
import { startConsoleServer } from '../../src-main/console-server/server';
import type { ApiEndpoint } from '../../src-main/console-server/socket-api';

const [staticDir, token] = process.argv.slice(2);
if (staticDir === undefined || token === undefined) throw new Error('usage: console-server-child.ts STATIC_DIR TOKEN');

const held: (() => void)[] = [];
const listeners = new Set<(event: string, payload: unknown) => void>();

function auditEntries(limit: number): object[] {
  return Array.from({ length: limit }, (_, i) => ({
    id: 1_000_000 - i,
    at: '2026-12-03T09:00:00.000',
    who: 'AB',
    action: 'procedure.step-confirmed',
    subject: `run ${i}`,
    // the details of a real step: the DCL sent and what the host answered
    details: { command: 'SHOW QUEUE/FULL/ALL TAPE_BACKUP', answer: 'Batch queue TAPE_BACKUP, idle, on BLT4::'.padEnd(480, '.') },
  }));
}

const endpoint: ApiEndpoint = {
  async request(name, input): Promise<ApiResult<unknown>> {
    switch (name) {
      case 'app.info':
        return { ok: { shell: 'browser' } };
      case 'audit.recent': {
        const limit = (input as { limit?: unknown } | null)?.limit;
        return { ok: auditEntries(typeof limit === 'number' ? Math.min(limit, 500) : 50) };
      }
      case 'test.hold':
        return new Promise((resolve) => held.push(() => resolve({ ok: 'released' })));
      case 'test.release':
        for (const release of held.splice(0)) release();
        return { ok: 'released' };
      case 'test.export':
        setImmediate(() => {
          for (const listener of listeners) listener('test.after-export', {});
        });
        return { ok: 'x'.repeat(24 * 1024 * 1024) };
      case 'test.memory':
        return { ok: { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 } };
      default:
        return { error: { code: 'unknown-request', message: `unknown request ${String(name).slice(0, 40)}` } };
    }
  },
  events: {
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
};

const server = await startConsoleServer({ services: endpoint, staticDir, token, log: (line) => console.error(line) });
console.log(`READY ${server.port}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
