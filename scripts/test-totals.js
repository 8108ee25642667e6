// Prints `tests: N passed, M failed` from the runners' own JSON reports; a missing report counts as a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const missing = [];

function read(file) {
  if (!existsSync(file)) {
    missing.push(file);
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const vitest = read('.reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // a file that failed to load has no tests to count but is still a failure
  failed += vitest.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}

// the whole end-to-end suite, and its specs run again at other system dates under faketime
const playwrightReports = [
  '.reports/playwright.json',
  ...readdirSync('.reports')
    .filter((f) => /^playwright-.+\.json$/.test(f))
    .map((f) => `.reports/${f}`),
];
for (const file of playwrightReports) {
  const playwright = read(file);
  if (!playwright) continue;
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (playwright.errors?.length) failed += playwright.errors.length;
}

failed += missing.length;
if (missing.length) console.error(`missing test reports: ${missing.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
