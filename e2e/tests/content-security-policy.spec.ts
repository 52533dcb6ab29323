import { expect, type Page, test } from '@playwright/test';
import { demoAccounts, DEMO_LSP_SLUG } from '../support/demo-accounts';
import { EmailTemplatesPage } from '../support/reminders-pages';
import { signInWithMfa } from '../support/sign-in-flow';

/** Every Content-Security-Policy violation the page reports, as the browser's console and events give them. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test.describe('Content-Security-Policy', () => {
  test('the built portal runs under its strict policy with no violation: sign-in, caseload, campaigns, statistics, an email preview', async ({
    page,
  }) => {
    const violations = await recordViolations(page);
    const response = await page.goto('/sign-in');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain("'unsafe-eval'");

    await signInWithMfa(page, demoAccounts.lspAdmin);
    await page.goto(`/lsp/${DEMO_LSP_SLUG}/caseload`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`/lsp/${DEMO_LSP_SLUG}/campaigns`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');

    await page.goto(`/lsp/${DEMO_LSP_SLUG}/statistics`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const templates = new EmailTemplatesPage(page);
    await page.goto(`/lsp/${DEMO_LSP_SLUG}/email-templates`);
    await templates.choose('Guidance email');
    await templates.preview();
    await expect(templates.previewHtml).toHaveAttribute('sandbox', '');
    await expect(templates.previewText).toBeVisible();

    expect(violations).toEqual([]);
  });
});
