import type { Locator, Page } from '@playwright/test';
import { HostsPage } from './hosts-page';
import { SignInPage } from './sign-in-page';

export class ProceduresPage {
  constructor(private readonly page: Page) {}

  /** Signed in as JS, BLT4 connected (its key approved), on the Procedures screen: where every procedure test begins. */
  static async readyWithBlt4(page: Page): Promise<ProceduresPage> {
    await new SignInPage(page).signIn('JS');
    const hosts = new HostsPage(page);
    await hosts.open();
    await hosts.connectAndApprove('BLT4');
    const procedures = new ProceduresPage(page);
    await procedures.open();
    return procedures;
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Procedures', exact: true }).click();
  }

  async start(title: string, date: string): Promise<void> {
    await this.page.getByLabel('For the day').fill(date);
    await this.page.getByRole('button', { name: title }).click();
  }

  stepHeading(): Locator {
    return this.page.locator('#step-heading');
  }

  stepCount(): Locator {
    return this.page.locator('.step-count');
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Done: next step|Send this command) \(Enter\)$/ }).click();
  }

  /** The physical act at the simulated drive. */
  async atDrive(label: string): Promise<void> {
    await this.page.getByRole('region', { name: 'At the simulated drive' }).getByRole('button', { name: label, exact: true }).click();
    await this.page.getByRole('region', { name: 'At the simulated drive' }).getByRole('status').waitFor();
  }

  async putTape(slot: number, code: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: 'At the simulated drive' });
    await panel.getByLabel('Slot', { exact: true }).fill(String(slot));
    await panel.getByLabel('Tape', { exact: true }).fill(code);
    await panel.getByRole('button', { name: 'Put the tape in the slot' }).click();
  }

  /** Scans a label when the step card asks for that slot (the card asks for the next slot to read). */
  async scan(slot: number, code: string): Promise<void> {
    const field = this.page.getByLabel(`Label of the tape in slot ${slot}`, { exact: true });
    await field.fill(code);
    await field.press('Enter');
  }
}
