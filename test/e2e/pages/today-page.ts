import type { Page } from '@playwright/test';

export class TodayPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Today', exact: true }).click();
  }

  /** Types the date into the date picker, as an operator planning ahead would. */
  async chooseDate(date: string): Promise<void> {
    const [y, m, d] = date.split('-') as [string, string, string];
    const field = this.page.getByLabel('Day', { exact: true });
    // focus lands on the first part of the field; en-US takes month, day, then year
    await field.focus();
    await this.page.keyboard.type(`${m}${d}${y}`);
    await this.page.locator(`[data-testid="day-plan"][data-date="${date}"]`).waitFor();
  }

  dayKind() {
    return this.page.getByRole('heading', { level: 2, name: /Bill Run day|Daily backup day/ });
  }

  async slotCodes(): Promise<(string | null)[]> {
    const slots = this.page.getByRole('list', { name: 'Magazine slot plan' }).getByRole('listitem');
    return (await slots.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).map((code) => code || null);
  }

  tapesToPull() {
    return this.page.getByRole('region', { name: /Tapes? to pull/ }).getByRole('listitem');
  }

  jobRow(job: string) {
    return this.page.locator(`tr[data-job="${job}"]`);
  }
}
