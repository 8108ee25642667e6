import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // each run of the suite (the faketime runs of run-tests.js too) writes a report of its own
  reporter: [['list'], ['json', { outputFile: process.env.TAPEOPS_E2E_REPORT ?? '.reports/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
});
