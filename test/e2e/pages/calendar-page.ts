import type { Page } from '@playwright/test';

export class CalendarPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Calendar', exact: true }).click();
  }

  async showMonth(month: string): Promise<void> {
    await this.page.getByLabel('Month', { exact: true }).fill(month);
    await this.page.locator(`td[data-date="${month}-01"]`).waitFor();
  }

  billRunCells() {
    return this.page.locator('td[data-kind="billrun"]');
  }

  cell(date: string) {
    return this.page.locator(`td[data-date="${date}"]`);
  }
}
