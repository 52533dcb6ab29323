import type { Locator, Page } from '@playwright/test';

/** The LSP that offers providers in the transfer test, and the one that answers (no other test uses them). */
export const OFFERING_LSP = { slug: 'kent-and-medway-care-digital', name: 'Kent and Medway Care Digital' };
export const ANSWERING_LSP = { slug: 'surrey-and-sussex-care-partnership', name: 'Surrey and Sussex Care Partnership' };

/** "Move to another LSP": the offer form and what it says when sent. */
export class MoveProviderPage {
  readonly heading: Locator;
  readonly lsp: Locator;
  readonly note: Locator;
  readonly send: Locator;
  readonly done: Locator;

  constructor(page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.lsp = page.getByLabel('Which LSP should take it?');
    this.note = page.getByLabel('Note for the other LSP');
    this.send = page.getByRole('button', { name: 'Send request' });
    this.done = page.getByTestId('offer-done');
  }
}

/** The Transfers page: offers to the LSP, offers by it, and answered requests. */
export class TransfersPage {
  readonly heading: Locator;
  readonly incoming: Locator;
  readonly outgoing: Locator;
  readonly answered: Locator;
  readonly confirmation: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.incoming = page.getByTestId('incoming-request');
    this.outgoing = page.getByTestId('outgoing-request');
    this.answered = page.getByTestId('answered-request');
    this.confirmation = page.getByTestId('transfer-confirmation');
  }

  incomingFor(providerName: string): Locator {
    return this.incoming.filter({ hasText: providerName });
  }

  answeredFor(providerName: string): Locator {
    return this.answered.filter({ hasText: providerName });
  }

  async decline(providerName: string, reason: string): Promise<void> {
    const card = this.incomingFor(providerName);
    await card.getByText('Decline with a reason').click();
    await card.getByLabel('Why are you declining?').fill(reason);
    await card.getByRole('button', { name: `Decline ${providerName}` }).click();
  }
}
