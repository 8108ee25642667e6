import { chromium, test as base, expect } from '@playwright/test';
import { startConsoleProcess, stopConsoleProcess } from './console-fixture';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { HostsPage } from './pages/hosts-page';

// The browser shell against real hosts (--live): passwords are asked for, and a host that cannot
// be reached says so. Nothing listens at the profile's loopback ports in this test.
base.skip(process.env.TAPEOPS_E2E_SHELL === 'electron', 'the browser shell only');

base('live hosts ask for a password and report an unreachable host plainly', async () => {
  const running = await startConsoleProcess(['--live']);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(running.url);
    await new SignInPage(page).signIn('JS');
    const hosts = new HostsPage(page);
    await hosts.open();
    const card = hosts.card('BLT4');
    await expect(card.getByLabel('Password for SYSTEM@BLT4')).toBeVisible();
    await expect(card).toContainText('Kept in the console’s memory only');
    await card.getByLabel('Password for SYSTEM@BLT4').fill('not-a-real-password');
    await card.getByRole('button', { name: 'Use this password' }).click();
    await expect(card.getByLabel(/Password for SYSTEM@BLT4 \(one is held/)).toBeVisible();
    await expect(card.getByLabel(/Password for SYSTEM@BLT4/)).toHaveValue('');

    await page.getByRole('button', { name: 'Connect BLT4', exact: true }).click();
    await expect(card.getByRole('status')).toContainText(/BLT4|127\.0\.0\.1/);
    await screenshot(page, 'hosts-live-unreachable');
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await browser.close();
    await stopConsoleProcess(running);
  }
});
