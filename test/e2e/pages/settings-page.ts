import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
  }

  async loadProfile(file: string): Promise<void> {
    await this.page.getByLabel(/Load another site profile/).fill(file);
    await this.page.getByRole('button', { name: 'Load profile' }).click();
  }
}
