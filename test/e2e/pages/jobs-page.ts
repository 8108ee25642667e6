import type { Locator, Page } from '@playwright/test';

export class JobsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Jobs', exact: true }).click();
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Jobs' });
  }

  /** The chain shown: its heading, one-line summary and queue problems. */
  chain(): Locator {
    return this.page.getByTestId('chain');
  }

  chainPicker(): Locator {
    return this.page.getByLabel("Day's chain");
  }

  card(job: string): Locator {
    return this.page.locator(`article[data-job="${job}"]`);
  }

  jobNames(): Promise<(string | null)[]> {
    return this.page.locator('article[data-job]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-job')));
  }

  /** The state in words, as the card shows it beside the job's name. */
  state(job: string): Locator {
    return this.page.getByTestId(`state-${job}`);
  }

  progress(job: string): Locator {
    return this.card(job).getByRole('progressbar', { name: `Progress of ${job}` });
  }

  /** The fact of a job's card by its term ("In hand", "Tape", "Elapsed", "Log"). */
  fact(job: string, term: string): Locator {
    return this.card(job)
      .locator('dt', { hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  arrowsInto(job: string): Locator {
    return this.page.getByRole('list', { name: `What starts ${job}` });
  }

  logTail(job: string): Locator {
    return this.page.getByRole('region', { name: `Log of ${job}` });
  }

  /** Today's one line about the chain, at the top of the Today screen. */
  todayLine(): Locator {
    return this.page.getByTestId('chain-line');
  }
}
