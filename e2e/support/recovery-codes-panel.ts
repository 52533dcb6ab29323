import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Newly made recovery codes, wherever they are shown: the codes, "Copy codes" and "Download codes". */
export class RecoveryCodesPanel {
  readonly codes: Locator;
  readonly copyButton: Locator;
  readonly downloadButton: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.codes = page.getByTestId('recovery-codes').getByRole('listitem');
    this.copyButton = page.getByRole('button', { name: 'Copy codes' });
    this.downloadButton = page.getByRole('button', { name: 'Download codes' });
    this.status = page.getByTestId('recovery-codes-status');
  }

  async shownCodes(): Promise<string[]> {
    return (await this.codes.allInnerTexts()).map((code) => code.trim());
  }

  /** Clicks "Download codes"; the file's name and text. */
  async download(): Promise<{ fileName: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadButton.click()]);
    return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  /** Clicks "Copy codes"; what the clipboard then holds (the context needs clipboard permissions). */
  async copy(): Promise<string> {
    await this.copyButton.click();
    await this.status.filter({ hasText: /copied/ }).waitFor();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}
