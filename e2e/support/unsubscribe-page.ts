import type { Locator, Page } from '@playwright/test';
import type { CaughtEmail } from './mailbox';

const UNSUBSCRIBE_LINK = /https?:\/\/[^\s"<>]+\/unsubscribe\?token=[^\s"<>]+/;

/** The `/unsubscribe?token=...` link at the foot of a reminder or guidance email (its plain-text part). */
export function unsubscribeLinkIn(message: CaughtEmail): URL {
  const link = UNSUBSCRIBE_LINK.exec(message.text)?.[0];
  if (!link) {
    throw new Error(`The email "${message.subject}" has no unsubscribe link:\n${message.text}`);
  }
  return new URL(link);
}

/** `/unsubscribe?token=...` (public): what will happen, one button, then a confirmation. */
export class UnsubscribePage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly confirmButton: Locator;
  readonly confirmation: Locator;
  readonly problem: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.summary = page.getByTestId('unsubscribe-summary');
    this.confirmButton = page.getByRole('button', { name: 'Unsubscribe', exact: true });
    this.confirmation = page.getByTestId('unsubscribe-confirmation');
    this.problem = page.getByTestId('unsubscribe-problem');
  }

  async open(link: URL): Promise<void> {
    await this.page.goto(link.toString());
    await this.heading.filter({ hasNotText: 'Unsubscribe from emails' }).waitFor();
  }
}
