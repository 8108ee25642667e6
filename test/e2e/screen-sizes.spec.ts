import type { Page } from '@playwright/test';
import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { HostsPage } from './pages/hosts-page';
import { SignInPage } from './pages/sign-in-page';

/** The workstation's screen and the two smaller ones the console must still fit without a sideways scroll. */
const SIZES = [
  { width: 1440, height: 900, screenshot: true },
  { width: 1024, height: 768, screenshot: true },
  { width: 800, height: 600, screenshot: false },
] as const;

/** Every screen of the header (src-renderer/App.tsx), by its button, and the heading it opens on. */
const SCREENS = [
  { id: 'today', button: 'Today', heading: 'Today' },
  { id: 'procedures', button: 'Procedures', heading: 'Procedures' },
  { id: 'labels', button: 'Labels', heading: 'Labels' },
  { id: 'calendar', button: 'Calendar', heading: 'Calendar' },
  { id: 'hosts', button: 'Hosts', heading: 'Hosts' },
  { id: 'queues', button: 'Queues', heading: 'Queues' },
  { id: 'where', button: 'Where is it?', heading: 'Where is it?' },
  { id: 'settings', button: 'Settings', heading: 'Settings' },
] as const;

/**
 * What sticks out past the right edge of the window: the page's own sideways scroll, and every
 * element whose box ends past the viewport. Content inside a box that scrolls or clips on its own
 * (a long command in its `pre`) is that box's business; the box itself is checked.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const found: string[] = [];
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const clips = (el: Element): boolean => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: Element): string => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > root.clientWidth + 0.5 && !clips(el)) found.push(`${describe(el)} ends at ${Math.round(box.right)} px`);
    }
    return found.slice(0, 12);
  });
}

async function open(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen.button, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen.heading, exact: true })).toBeVisible();
}

/** Fills each screen with what a technician sees on it on a working morning. */
async function fill(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  if (screen.id === 'hosts') {
    // the pinned key's fingerprint is the longest unbroken text of the screen
    const hosts = new HostsPage(page);
    if ((await hosts.card('BLT4').getAttribute('data-state')) !== 'connected') await hosts.connectAndApprove('BLT4');
  }
  if (screen.id === 'where') {
    await page.getByRole('button', { name: 'Find it' }).click();
    await expect(page.getByTestId('where-answer').or(page.getByRole('alert'))).toBeVisible();
  }
  if (screen.id === 'settings')
    await expect(
      page
        .getByRole('region', { name: /Audit log/ })
        .getByRole('row')
        .nth(1),
    ).toBeVisible();
}

test('every screen fits 1440×900, 1024×768 and 800×600 without a sideways scroll', async ({ consolePage: page }) => {
  test.setTimeout(240_000);
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(page.getByLabel('Your initials')).toBeVisible();
    expect.soft(await overflow(page), `sign-in at ${size.width}×${size.height}`).toEqual([]);
    if (size.screenshot) await screenshot(page, `size-sign-in-${size.width}x${size.height}`);
    expect.soft(await seriousViolations(page), `sign-in at ${size.width}×${size.height}`).toEqual([]);

    await new SignInPage(page).signIn('JS');
    for (const screen of SCREENS) {
      await open(page, screen);
      await fill(page, screen);
      const where = `${screen.id} at ${size.width}×${size.height}`;
      expect.soft(await overflow(page), where).toEqual([]);
      if (size.screenshot) await screenshot(page, `size-${screen.id}-${size.width}x${size.height}`);
      expect.soft(await seriousViolations(page), where).toEqual([]);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
});
