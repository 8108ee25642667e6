import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { HostsPage } from './pages/hosts-page';

test('the drive host is reached over SSH: its key approved once, its queues live, LEASE_FILES found', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const hosts = new HostsPage(page);
  await hosts.open();

  await page.getByRole('button', { name: 'Connect BLT4', exact: true }).click();
  const card = hosts.card('BLT4');
  await expect(card.getByRole('alert')).toContainText('BLT4 is not known yet');
  await expect(card.getByRole('alert')).toContainText(/SHA256:[A-Za-z0-9+/]{43}/);
  await screenshot(page, 'hosts-approve-key');
  expect(await seriousViolations(page)).toEqual([]);

  await card.getByRole('button', { name: 'Approve this key and connect' }).click();
  await expect(card.locator('.badge')).toHaveText('Connected');
  await expect(card).toContainText(/Latency\s*\d+ ms/);
  await expect(card).toContainText(/ssh-rsa SHA256:/);
  await screenshot(page, 'hosts-connected');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Queues' }).click();
  const tapeQueue = page.locator('section[data-queue="TAPE_BACKUP"]');
  await expect(tapeQueue).toContainText('Batch queue');
  await expect(page.locator('section[data-queue="TIME_BLT4"]')).toContainText('Batch queue');
  await screenshot(page, 'queues');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Where is it?' }).click();
  await page.getByRole('button', { name: 'Find it' }).click();
  const answer = page.getByTestId('where-answer');
  await expect(answer.getByRole('heading')).toHaveText('LEASE_FILES is in DISK$PROD_09:[LEASE_FILES] on $1$DGA15:');
  await expect(answer.getByRole('listitem')).toHaveCount(3);
  await screenshot(page, 'where-is-it');
  expect(await seriousViolations(page)).toEqual([]);

  // a name that is not a logical name says so, and a hostile one never reaches the host
  await page.getByLabel('Logical name').fill('NO_SUCH_NAME');
  await page.getByRole('button', { name: 'Find it' }).click();
  await expect(page.getByRole('alert')).toContainText('NO_SUCH_NAME is not a logical name on BLT4');
  await page.getByLabel('Logical name').fill("LEASE_FILES'X");
  await page.getByRole('button', { name: 'Find it' }).click();
  await expect(page.getByRole('alert')).toHaveText('A logical name is letters, digits, $ and _.');
});
