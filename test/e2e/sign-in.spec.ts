import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SettingsPage } from './pages/settings-page';
import { SignInPage } from './pages/sign-in-page';

test('sign-in refuses initials that are not 2 to 4 letters', async ({ consolePage: page }) => {
  const signIn = new SignInPage(page);
  await signIn.signIn('A1');
  await expect(signIn.alert()).toHaveText('Initials are 2 to 4 letters, such as JS or MAB.');
  await screenshot(page, 'sign-in-refused');
  expect(await seriousViolations(page)).toEqual([]);
});

test('five letters are refused with a message, never cut to four', async ({ consolePage: page }) => {
  const signIn = new SignInPage(page);
  await signIn.signIn('abcde');
  // the field keeps what was typed: nothing is cut, so nobody signs as someone else's ABCD
  await expect(page.getByLabel('Your initials')).toHaveValue('ABCDE');
  await expect(signIn.alert()).toHaveText('ABCDE has 5 letters: initials are 2 to 4 letters, such as JS or MAB.');
  await expect(page.getByRole('heading', { name: 'Who is at the console?' })).toBeVisible();
  await screenshot(page, 'sign-in-five-letters');
  expect(await seriousViolations(page)).toEqual([]);
});

test('sign out from the header is audited, and the next operator signs in', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const header = page.getByRole('banner');
  // who is signed in is plain text beside one real button, not a badge that looks pressable
  await expect(header).toContainText('Signed in as JS');
  await expect(header.getByRole('button', { name: /JS/ })).toHaveCount(0);
  await expect(header.getByText('JS', { exact: true })).toHaveJSProperty('tagName', 'SPAN');

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toHaveText('JS signed out.');
  await expect(page.getByLabel('Your initials')).toHaveValue('');
  await screenshot(page, 'sign-in-after-sign-out');
  expect(await seriousViolations(page)).toEqual([]);

  await new SignInPage(page).signIn('MAB');
  await expect(header).toContainText('Signed in as MAB');
  await new SettingsPage(page).open();
  const log = page.getByRole('region', { name: 'Audit log (newest first)' });
  const rows = log.locator('tbody tr');
  await expect(rows.nth(0)).toContainText('operator.sign-in');
  await expect(rows.nth(0)).toContainText('MAB');
  await expect(rows.nth(1)).toContainText('operator.sign-out');
  await expect(rows.nth(1)).toContainText('JS');
});
