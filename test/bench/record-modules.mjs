/**
 * Preloaded with `node --import ./test/bench/record-modules.mjs …`: writes to the file named by
 * TAPEOPS_MODULES_OUT, at exit, every module the process loaded. ES modules are seen by a resolve
 * hook (module.register; the hook runs on its own thread and posts each URL back), CommonJS ones
 * (ssh2 and better-sqlite3 are CommonJS) are read from require.cache, which node fills for them
 * whether they were required or imported.
 */
import { writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const out = process.env.TAPEOPS_MODULES_OUT;
if (out) {
  const esm = new Set();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => esm.add(url));
  port1.unref();
  register('./record-modules-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
  process.on('exit', () => {
    const cjs = Object.keys(createRequire(import.meta.url).cache);
    writeFileSync(out, JSON.stringify({ esm: [...esm], cjs }));
  });
}
