import type { Locator, Page } from '@playwright/test';

/** The LSP whose people and providers the privacy test erases (no other test uses it). */
export const PRIVACY_LSP_SLUG = 'cheshire-and-merseyside-care-network';

/** `/lsp/{slug}/providers/{id}/erase` and `.../contacts/{contactId}/erase`: the warning, then what was erased. */
export class ErasurePage {
  readonly heading: Locator;
  readonly warning: Locator;
  readonly done: Locator;
  readonly odsCode: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.warning = page.getByTestId('erasure-warning');
    this.done = page.getByTestId('erasure-done');
    this.odsCode = page.getByLabel("Type the provider's ODS code to confirm");
  }

  async erase(what: 'contact' | 'provider'): Promise<void> {
    await this.page.getByRole('button', { name: what === 'contact' ? 'Erase contact' : 'Erase provider' }).click();
  }
}

/** `/lsp/{slug}/subject-access`: an address in, a JSON file out. */
export class SubjectAccessPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly confirmation: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.getByLabel('Their email address');
    this.confirmation = page.getByTestId('subject-access-confirmation');
  }

  /** Downloads the export of `address`; answers the file's name and parsed content. */
  async download(
    address: string,
  ): Promise<{ fileName: string; content: Record<string, unknown[]> & { email: string } }> {
    await this.email.fill(address);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download their data' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
    }
    return { fileName: download.suggestedFilename(), content: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  }
}
