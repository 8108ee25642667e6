import type { Locator, Page } from '@playwright/test';

export class LabelsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Labels', exact: true }).click();
  }

  async chooseDate(date: string): Promise<void> {
    await this.page.getByLabel('Day', { exact: true }).fill(date);
  }

  tapeLabels(): Locator {
    return this.page.getByRole('region', { name: 'Tape labels' }).getByRole('list', { name: 'Labels, in magazine order' }).locator(':scope > li');
  }

  cartridgeLabels(): Locator {
    return this.page.getByRole('region', { name: 'Cartridge labels for new stock' }).getByRole('list', { name: 'Labels, in magazine order' }).locator(':scope > li');
  }

  async codes(list: Locator): Promise<string[]> {
    return list.evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
  }

  status(region: 'Tape labels' | 'Cartridge labels for new stock'): Locator {
    return this.page.getByRole('region', { name: region }).getByRole('status');
  }
}
