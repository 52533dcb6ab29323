import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { demoAccounts } from '../support/demo-accounts';
import { CaseloadPage, ProviderPage } from '../support/caseload-pages';
import { expectNoSidewaysScroll } from '../support/layout';
import { Shell } from '../support/shell';
import { signInWithMfa } from '../support/sign-in-flow';
import { ANSWERING_LSP, MoveProviderPage, OFFERING_LSP, TransfersPage } from '../support/transfer-pages';

/** A page of its own for an LSP's admin, signed in, on the LSP's caseload. */
async function adminOf(browser: Browser, slug: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMfa(page, `admin@${slug}.demo.test`, { returnUrl: `/lsp/${slug}/caseload` });
  return page;
}

/**
 * Also on a 390 px phone (the page loaded at that width, as a phone would): no WCAG violations, and nothing
 * to scroll sideways, or, on a page with wide tables of its own, `part` within the screen.
 */
async function checkAtPhoneWidth(page: Page, part?: Locator): Promise<void> {
  const wide = page.viewportSize() ?? { width: 1366, height: 900 };
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  for (const size of [{ width: 390, height: 844 }, wide]) {
    await page.setViewportSize(size);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    if (size.width === 390) {
      if (part) {
        const box = await part.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      } else {
        await expectNoSidewaysScroll(page);
      }
      await expectNoAccessibilityViolations(page);
    }
  }
}

/** Opens the n-th provider of the caseload and offers it (its HQ, for a branch) to `to`. Answers its name. */
async function offer(page: Page, row: number, note: string, check = false): Promise<{ name: string; url: string }> {
  const caseload = new CaseloadPage(page);
  const provider = new ProviderPage(page);
  const move = new MoveProviderPage(page);
  await page.goto(`/lsp/${OFFERING_LSP.slug}/caseload`);
  await caseload.rows.first().waitFor();
  await caseload.providerLink(caseload.rows.nth(row)).click();
  await expect(provider.heading).not.toHaveText('Provider');
  await page.getByTestId('move-provider').click();
  // A branch moves with its HQ: its page links to the HQ's.
  const branchOnly = page.getByTestId('branch-moves-with-hq');
  await expect(move.send.or(branchOnly)).toBeVisible();
  if (await branchOnly.isVisible()) {
    await branchOnly.getByRole('link').click();
  }
  await expect(move.send).toBeVisible();
  if (check) {
    await expectNoAccessibilityViolations(page);
    await checkAtPhoneWidth(page);
  }
  const name = ((await move.heading.innerText()).match(/^Move (.+) to another LSP$/) ?? [])[1] ?? '';
  const url = page.url().replace(/\/move$/, '');
  await move.lsp.selectOption({ label: ANSWERING_LSP.name });
  await move.note.fill(note);
  await move.send.click();
  await expect(move.done).toContainText(`${name} was offered to ${ANSWERING_LSP.name}`);
  return { name, url };
}

test.describe('moving a provider between LSPs', () => {
  test('LSP A offers a provider, LSP B accepts: it moves with its history and both see the outcome', async ({
    browser,
  }) => {
    // Two LSP admins sign in, each with a fresh code, and every state is checked with axe twice.
    test.setTimeout(300_000);
    const a = await adminOf(browser, OFFERING_LSP.slug);
    const b = await adminOf(browser, ANSWERING_LSP.slug);

    // A offers: the form checked with axe at 1366 and 390 px.
    const moved = await offer(a, 0, 'The home moved from Maidstone to Guildford', true);
    await expectNoAccessibilityViolations(a);

    const aTransfers = new TransfersPage(a);
    await new Shell(a).openManagePage('Transfers');
    await expect(aTransfers.heading).toHaveText('Transfers between LSPs');
    await expect(aTransfers.outgoing.filter({ hasText: moved.name })).toContainText(ANSWERING_LSP.name);
    await expectNoAccessibilityViolations(a);

    // B reads the offer (name, ODS code, note) and accepts.
    const bTransfers = new TransfersPage(b);
    await new Shell(b).openManagePage('Transfers');
    const offered = bTransfers.incomingFor(moved.name);
    await expect(offered).toContainText(OFFERING_LSP.name);
    await expect(offered.getByTestId('request-note')).toHaveText('The home moved from Maidstone to Guildford');
    await expectNoAccessibilityViolations(b);
    await checkAtPhoneWidth(b);
    await offered.getByRole('button', { name: `Accept ${moved.name}` }).click();
    await expect(bTransfers.confirmation).toHaveText(`${moved.name} moved to ${ANSWERING_LSP.name} with its history.`);
    await expect(bTransfers.answeredFor(moved.name)).toContainText('Accepted');
    await expectNoAccessibilityViolations(b);

    // In B the provider has its history and its timeline says where it came from.
    await bTransfers.answeredFor(moved.name).getByRole('link', { name: moved.name }).click();
    const bProvider = new ProviderPage(b);
    await expect(bProvider.heading).toHaveText(moved.name);
    const move = b.getByTestId('provider-move');
    await expect(move).toContainText(`Moved from ${OFFERING_LSP.name} to ${ANSWERING_LSP.name}`);
    await expect(move).toContainText('accepted by');
    await expect(b.getByTestId('notes').or(b.getByTestId('no-notes'))).toBeVisible();
    await expectNoAccessibilityViolations(b);
    await checkAtPhoneWidth(b, move);

    // A no longer has it, and sees the outcome.
    await a.goto(moved.url);
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await a.goto(`/lsp/${OFFERING_LSP.slug}/transfers`);
    await expect(aTransfers.answeredFor(moved.name)).toContainText('Accepted');
    await expect(aTransfers.answeredFor(moved.name)).toContainText(
      `From ${OFFERING_LSP.name} to ${ANSWERING_LSP.name}`,
    );
    await expectNoAccessibilityViolations(a);
  });

  test('a system admin accepts a request for LSP B: the provider moves and both LSPs see who answered', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const a = await adminOf(browser, OFFERING_LSP.slug);
    const offered = await offer(a, 2, 'Moved to Woking; B has not answered');

    const admin = await (await browser.newContext()).newPage();
    await signInWithMfa(admin, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await new Shell(admin).openManagePage('Transfer requests', 'Manage portal');
    const requests = new TransfersPage(admin);
    await expect(requests.heading).toHaveText('Transfer requests');
    const waiting = requests.incomingFor(offered.name);
    await expect(waiting).toContainText(OFFERING_LSP.name);
    await expect(waiting).toContainText(ANSWERING_LSP.name);
    await expect(waiting.getByTestId('request-note')).toHaveText('Moved to Woking; B has not answered');
    await expectNoAccessibilityViolations(admin);
    await checkAtPhoneWidth(admin);

    // Declining needs a reason, named in the error summary; the admin accepts instead.
    await waiting.getByText('Decline with a reason').click();
    await waiting.getByRole('button', { name: `Decline ${offered.name}` }).click();
    await expect(admin.locator('.nhsuk-error-summary')).toContainText('Enter why you are declining');
    await expectNoAccessibilityViolations(admin);
    await waiting.getByRole('button', { name: `Accept ${offered.name}` }).click();
    await expect(requests.confirmation).toHaveText(`${offered.name} moved to ${ANSWERING_LSP.name} with its history.`);
    await expect(requests.answeredFor(offered.name)).toContainText('Accepted');
    await expectNoAccessibilityViolations(admin);

    // A sees the outcome; B has the provider.
    await a.goto(`/lsp/${OFFERING_LSP.slug}/transfers`);
    await expect(new TransfersPage(a).answeredFor(offered.name)).toContainText('Accepted');
    const b = await adminOf(browser, ANSWERING_LSP.slug);
    await b.goto(`/lsp/${ANSWERING_LSP.slug}/transfers`);
    await new TransfersPage(b).answeredFor(offered.name).getByRole('link', { name: offered.name }).click();
    await expect(new ProviderPage(b).heading).toHaveText(offered.name);
  });

  test('LSP B declines with a reason: nothing moves and LSP A reads the reason', async ({ browser }) => {
    test.setTimeout(300_000);
    const a = await adminOf(browser, OFFERING_LSP.slug);
    const b = await adminOf(browser, ANSWERING_LSP.slug);
    const offered = await offer(a, 1, 'Now in Surrey');

    const bTransfers = new TransfersPage(b);
    await b.goto(`/lsp/${ANSWERING_LSP.slug}/transfers`);
    await expect(bTransfers.incomingFor(offered.name)).toContainText('Now in Surrey');
    // No reason: the error summary says so.
    await bTransfers.incomingFor(offered.name).getByText('Decline with a reason').click();
    await bTransfers
      .incomingFor(offered.name)
      .getByRole('button', { name: `Decline ${offered.name}` })
      .click();
    await expect(b.locator('.nhsuk-error-summary')).toContainText('Enter why you are declining');
    await expectNoAccessibilityViolations(b);
    await bTransfers.incomingFor(offered.name).getByLabel('Why are you declining?').fill('Outside our area');
    await bTransfers
      .incomingFor(offered.name)
      .getByRole('button', { name: `Decline ${offered.name}` })
      .click();
    await expect(bTransfers.confirmation).toContainText(`You declined ${offered.name}.`);
    await expectNoAccessibilityViolations(b);

    await a.goto(`/lsp/${OFFERING_LSP.slug}/transfers`);
    const answered = new TransfersPage(a).answeredFor(offered.name);
    await expect(answered).toContainText('Declined');
    await expect(answered.getByTestId('decline-reason')).toHaveText('Reason: Outside our area');
    await expectNoAccessibilityViolations(a);
    await checkAtPhoneWidth(a);
    await a.goto(offered.url);
    await expect(new ProviderPage(a).heading).toHaveText(offered.name);
  });
});
