// `npm test`: type checks, lint and formatting, every vitest suite (unit and integration), the
// renderer build, then the end-to-end suite in Chromium. Each runner writes a JSON report that
// test-totals.js adds up.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

rmSync('.reports', { recursive: true, force: true });
mkdirSync('.reports', { recursive: true });

const steps = [
  ['type check (main side)', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['type check (web side)', 'npx', ['tsc', '-p', 'tsconfig.web.json']],
  ['type check (end-to-end tests)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json']],
  ['lint (ESLint, the layering included)', 'npx', ['eslint', '.']],
  ['formatting (Prettier)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/vitest.json']],
  ['renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
  // No test may depend on the real date: the specs that show "today" run again with the system
  // clock moved (Debian's faketime) to a day before a Bill Run, a Bill Run day and a Sunday.
  ...[
    ['day-before-bill-run', '2026-12-03 09:00:00'],
    ['bill-run-day', '2026-12-09 09:00:00'],
    ['sunday', '2026-12-06 09:00:00'],
  ].map(([name, at]) => [
    `Today and Labels at system date ${at} (faketime)`,
    'faketime',
    [at, 'npx', 'playwright', 'test', 'test/e2e/today.spec.ts', 'test/e2e/labels.spec.ts'],
    { TAPEOPS_E2E_REPORT: `.reports/playwright-faketime-${name}.json` },
  ]),
];

const started = Date.now();
let failed = false;
for (const [title, command, args, env = {}] of steps) {
  console.log(`\n=== ${title} ===`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    if (run.error?.code === 'ENOENT') console.error(`${command} is not installed: see .ci/run for the system packages the tests need`);
    console.error(`${title} failed (exit ${run.status ?? run.signal})`);
    failed = true;
  }
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(1)} s`);
const totals = spawnSync(process.execPath, ['scripts/test-totals.js'], { stdio: 'inherit' });
process.exit(failed || totals.status !== 0 ? 1 : 0);
