import { expect, type Page, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { CaseloadPage } from '../support/caseload-pages';
import { demoAccounts } from '../support/demo-accounts';
import { ProviderEmailsSection } from '../support/reminders-pages';
import { signInSettingUpMfa, signInWithMfa } from '../support/sign-in-flow';

/** An LSP no other test signs in to: its admin's one-time code is fresh and its adviser has no MFA yet. */
const SLUG = 'bristol-and-somerset-care-alliance';
const PHONE_WIDTH = 390;

test.use({ viewport: { width: PHONE_WIDTH, height: 844 }, isMobile: true, hasTouch: true });
// Many pages a test, each checked by axe.
test.describe.configure({ timeout: 300_000 });

/**
 * What sticks out past the right or left edge of the screen: the outermost such elements (a wide table,
 * not each of its cells), described for the failure message. What an ancestor clips away (visually
 * hidden text, such as a stacked table's column headers) is not seen and left out; what an ancestor
 * scrolls sideways is seen, a swipe away, and counts.
 */
function overflowingElements(): string[] {
  const width = document.documentElement.clientWidth;
  const clipped = (element: Element) => {
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor);
      const box = ancestor.getBoundingClientRect();
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip' || style.clip !== 'auto') && box.width <= width) {
        return true;
      }
    }
    return false;
  };
  const sticksOut = (element: Element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) {
      return false;
    }
    return (rect.right > width + 0.5 || rect.left < -0.5) && !clipped(element);
  };
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (!sticksOut(element) || (element.parentElement && sticksOut(element.parentElement))) {
      continue;
    }
    const rect = element.getBoundingClientRect();
    const name = [
      element.tagName.toLowerCase(),
      element.id ? `#${element.id}` : '',
      ...[...element.classList].map((name) => `.${name}`),
      element.getAttribute('data-testid') ? `[data-testid=${element.getAttribute('data-testid')}]` : '',
    ].join('');
    found.push(`${name} (${Math.round(rect.left)} to ${Math.round(rect.right)} px)`);
  }
  return found;
}

/** The page as it is now fits a 390 px screen: no sideways scroll, nothing past the edges, and axe is content. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const fit = await page.evaluate((fn) => {
    const overflowing = new Function(`return (${fn})()`)() as string[];
    return { scrollWidth: document.documentElement.scrollWidth, overflowing };
  }, overflowingElements.toString());
  expect.soft(fit, `${what} fits a ${PHONE_WIDTH} px screen`).toEqual({ scrollWidth: PHONE_WIDTH, overflowing: [] });
  await test.step(`${what}: accessibility`, () => expectNoAccessibilityViolations(page));
}

/** Opens a page, waits for its heading, and checks it fits; with `openAll`, every disclosure is opened first. */
async function visit(page: Page, path: string, options: { openAll?: boolean } = {}): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  if (options.openAll) {
    await openEveryDisclosure(page);
  }
  await expectFitsPhone(page, path);
}

async function openEveryDisclosure(page: Page): Promise<void> {
  await page
    .locator('details:not([open])')
    .evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
}

test.describe('at 390 px, every page fits the screen', () => {
  test('signed out: sign-in, password reset, invitation, status, unsubscribe and errors', async ({ page }) => {
    for (const path of [
      '/sign-in',
      '/password-reset',
      '/password-reset?token=not-a-token',
      '/invitations/accept?token=not-a-token',
      '/status',
      '/unsubscribe?token=not-a-token',
      '/access-denied',
      '/no-such-page',
    ]) {
      await visit(page, path);
    }
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.nhsuk-error-summary')).toBeVisible();
    await expectFitsPhone(page, 'sign-in with errors');
  });

  test('an adviser: caseload, provider, forms, tasks, statistics, campaigns and account', async ({ page }) => {
    await signInSettingUpMfa(page, `adviser@${SLUG}.demo.test`);
    const caseload = new CaseloadPage(page);
    await caseload.open(SLUG);
    await openEveryDisclosure(page);
    await expectFitsPhone(page, 'caseload');

    await caseload.providerLink(caseload.rows.first()).click();
    await expect(page).toHaveURL(new RegExp(`/lsp/${SLUG}/providers/`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const providerPath = new URL(page.url()).pathname;
    await openEveryDisclosure(page);
    await expectFitsPhone(page, 'provider page');
    await new ProviderEmailsSection(page).openGuidanceDialog();
    await expectFitsPhone(page, 'guidance email dialog');
    await page.keyboard.press('Escape');

    for (const path of [
      `${providerPath}/edit`,
      `${providerPath}/contacts/new`,
      `/lsp/${SLUG}/providers/new`,
      `/lsp/${SLUG}/import`,
      `/lsp/${SLUG}/tasks`,
      `/lsp/${SLUG}/statistics`,
      `/lsp/${SLUG}/campaigns`,
      '/account',
      '/account/mfa',
    ]) {
      await visit(page, path, { openAll: true });
    }
  });

  test('an LSP admin: Manage LSP, users, audit trail, subject access, templates, campaigns and bulk actions', async ({
    page,
  }) => {
    await signInWithMfa(page, `admin@${SLUG}.demo.test`, { returnUrl: `/lsp/${SLUG}/caseload` });
    const caseload = new CaseloadPage(page);
    await caseload.rows.first().waitFor();
    await caseload.rows.first().getByRole('checkbox').check();
    await expectFitsPhone(page, 'caseload with a provider selected');

    for (const path of [
      `/lsp/${SLUG}/manage`,
      `/lsp/${SLUG}/users`,
      `/lsp/${SLUG}/audit`,
      `/lsp/${SLUG}/subject-access`,
      `/lsp/${SLUG}/email-templates`,
      `/lsp/${SLUG}/campaigns`,
      `/lsp/${SLUG}/statistics`,
    ]) {
      await visit(page, path, { openAll: true });
    }
    await page.goto(`/lsp/${SLUG}/users`);
    await page
      .getByTestId('members-table')
      .getByRole('button', { name: /^Remove / })
      .last()
      .click();
    await expect(page.locator('dspt-confirmation-card')).toBeVisible();
    await expectFitsPhone(page, 'removing a member: the confirmation');
  });

  test('a programme lead: statistics and account', async ({ page }) => {
    await signInWithMfa(page, demoAccounts.programmeLead, { returnUrl: '/statistics' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await openEveryDisclosure(page);
    await expectFitsPhone(page, 'programme statistics');
    await visit(page, '/account');
  });

  test('a system admin: Manage portal, LSPs, an LSP, cycles, a cycle, default templates and programme leads', async ({
    page,
  }) => {
    await signInWithMfa(page, demoAccounts.systemAdmin, { returnUrl: '/admin/tenants' });
    await expect(page.getByRole('heading', { level: 1, name: 'LSPs' })).toBeVisible();
    await expectFitsPhone(page, 'LSPs');

    for (const path of [
      '/admin',
      `/admin/tenants/${SLUG}`,
      '/admin/cycles',
      '/admin/email-templates',
      '/admin/programme-leads',
      '/account',
    ]) {
      await visit(page, path, { openAll: true });
    }
    await page.goto('/admin/cycles');
    await page.locator('main table a').first().click();
    await expect(page).toHaveURL(/\/admin\/cycles\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await openEveryDisclosure(page);
    await expectFitsPhone(page, 'a cycle');
  });
});
