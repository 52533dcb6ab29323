import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Email previews show in a frame that runs no script (sandbox=""), so axe cannot run inside it. */
const EMAIL_PREVIEW_FRAME = '[data-testid="preview-html"]';

/**
 * Fails with the list of WCAG 2.2 A/AA violations axe-core finds on the page as it is now. An email
 * preview's HTML is checked on a page of its own, as a mail program would show it.
 */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude(EMAIL_PREVIEW_FRAME).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`,
  );
  const emails = await page
    .locator(EMAIL_PREVIEW_FRAME)
    .evaluateAll((frames) => frames.map((frame) => frame.getAttribute('srcdoc') ?? ''));
  for (const html of emails) {
    const emailPage = await page.context().newPage();
    try {
      await emailPage.setContent(html);
      // As inside a frame, where axe asks no document of a title: a mail program shows the subject instead.
      const email = await new AxeBuilder({ page: emailPage })
        .withTags(WCAG_TAGS)
        .disableRules(['document-title'])
        .analyze();
      summary.push(
        ...email.violations.map(
          (violation) => `email preview: ${violation.id}: ${violation.help} (${violation.nodes.length})`,
        ),
      );
    } finally {
      await emailPage.close();
    }
  }
  expect(summary).toEqual([]);
}
