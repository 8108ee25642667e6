import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * A fresh directory per test, removed afterwards together with anything registered for
 * closing (open database handles keep files busy on Windows).
 */
export function useTempDir(): { path(name: string): string; closeLater<T extends { close(): unknown }>(handle: T): T } {
  let dir: string | undefined;
  const handles: { close(): unknown }[] = [];

  afterEach(() => {
    for (const handle of handles.splice(0)) {
      try {
        handle.close();
      } catch {
        // already closed by the test
      }
    }
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  return {
    path(name) {
      dir ??= mkdtempSync(join(tmpdir(), 'tapeops-store-'));
      return join(dir, name);
    },
    closeLater(handle) {
      handles.push(handle);
      return handle;
    },
  };
}

/** A clock that starts at `start` and moves one second on each reading. */
export function steppingClock(start: string): () => Date {
  let next = Date.parse(start);
  return () => {
    const date = new Date(next);
    next += 1000;
    return date;
  };
}
