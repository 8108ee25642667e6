import type { Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(initials: string): Promise<void> {
    await this.page.getByLabel('Your initials').fill(initials);
    await this.page.getByRole('button', { name: 'Start' }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
