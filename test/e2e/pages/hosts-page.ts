import type { Page } from '@playwright/test';

export class HostsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Hosts', exact: true }).click();
  }

  card(host: string) {
    return this.page.locator(`section[data-host="${host}"]`);
  }

  /** Connects, compares nothing (the test has no second source), approves the offered key. */
  async connectAndApprove(host: string): Promise<void> {
    await this.page.getByRole('button', { name: `Connect ${host}`, exact: true }).click();
    await this.card(host).getByRole('button', { name: 'Approve this key and connect' }).click();
    await this.card(host).locator('.badge.connected').waitFor();
  }
}
