/**
 * Idle memory benchmark: the resident memory (VmRSS) of the console server process after it has
 * served the Today screen once and sat idle, against the bare baseline server treated the same way.
 *
 * One sample: spawn the server → open it in a fresh Chromium context (console: sign in, Today
 * drawn; bare: its element drawn) → close the page and context → wait idle → read
 * /proc/PID/status of the spawned process. `node bin/tapeops.js` runs the console in that very
 * Node process (tsx is registered in-process, no child), so its pid is the server's.
 *
 *   npx tsx test/bench/console-memory.ts
 */
import type { Browser } from 'playwright-core';
import {
  buildBareApp,
  drawSubject,
  ensureConsoleRendererBuilt,
  envCount,
  freshPage,
  isMain,
  launchChromium,
  mb,
  median,
  procStatusMb,
  sleep,
  spawnSubject,
  type Subject,
  stopServer,
  type ServerProcess,
} from './support';

export interface MemorySample {
  subject: Subject;
  pid: number;
  rssMb: number;
  /** the peak resident memory of the process so far (VmHWM). */
  peakRssMb: number;
}

export interface MemoryResult {
  samples: MemorySample[];
  medianRssMb: Record<Subject, number>;
  medianPeakRssMb: Record<Subject, number>;
  /** median console RSS / median bare RSS. */
  ratio: number;
  idleMs: number;
}

async function sampleOnce(browser: Browser, subject: Subject, bareDist: string, idleMs: number): Promise<MemorySample> {
  let server: ServerProcess | undefined;
  try {
    server = await spawnSubject(subject, bareDist);
    const { context, page } = await freshPage(browser);
    try {
      await drawSubject(subject, page, server.url);
    } finally {
      await page.close();
      await context.close();
    }
    await sleep(idleMs);
    const pid = server.child.pid!;
    return { subject, pid, rssMb: procStatusMb(pid, 'VmRSS'), peakRssMb: procStatusMb(pid, 'VmHWM') };
  } finally {
    if (server) await stopServer(server);
  }
}

export async function benchMemory(
  browser: Browser,
  bareDist: string,
  samplesEach = envCount('BENCH_MEMORY_RUNS', 3),
  idleMs = envCount('BENCH_IDLE_MS', 3000),
): Promise<MemoryResult> {
  const samples: MemorySample[] = [];
  for (let i = 1; i <= Math.max(1, samplesEach); i++) {
    for (const subject of ['console', 'bare'] as const) {
      const sample = await sampleOnce(browser, subject, bareDist, idleMs);
      samples.push(sample);
      console.log(
        `  sample ${i}  ${subject.padEnd(8)} pid ${String(sample.pid).padEnd(8)} VmRSS ${mb(sample.rssMb).padStart(9)}   VmHWM ${mb(sample.peakRssMb).padStart(9)}`,
      );
    }
  }
  const of = (subject: Subject, pick: (sample: MemorySample) => number) => median(samples.filter((sample) => sample.subject === subject).map(pick));
  const medianRssMb = { console: of('console', (s) => s.rssMb), bare: of('bare', (s) => s.rssMb) };
  const medianPeakRssMb = { console: of('console', (s) => s.peakRssMb), bare: of('bare', (s) => s.peakRssMb) };
  return { samples, medianRssMb, medianPeakRssMb, ratio: medianRssMb.console / medianRssMb.bare, idleMs };
}

export function printMemory(result: MemoryResult): void {
  const each = result.samples.length / 2;
  const label = each > 1 ? `median of ${each}` : 'idle';
  console.log(`  ${label}: console VmRSS ${mb(result.medianRssMb.console)}, bare VmRSS ${mb(result.medianRssMb.bare)}`);
  console.log(`  ratio console/bare (VmRSS): ${result.ratio.toFixed(2)}×`);
}

if (isMain(import.meta.url)) {
  ensureConsoleRendererBuilt();
  const bare = await buildBareApp();
  const browser = await launchChromium();
  try {
    console.log('Idle memory: VmRSS of the server process, after one Today screen and an idle wait');
    printMemory(await benchMemory(browser, bare.dir));
  } finally {
    await browser.close();
    bare.remove();
  }
}
