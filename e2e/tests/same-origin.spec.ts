import { expect, type Page, test } from '@playwright/test';
import { CaseloadPage, ProviderPage, caseloadUrl } from '../support/caseload-pages';
import { signInWithMfa } from '../support/sign-in-flow';
import { StatisticsPage } from '../support/statistics-page';

/** An LSP no other test signs in to, so its admin's one-time code is fresh. */
const SLUG = 'devon-and-cornwall-care-support';

/** Every request the page makes from now on, including failed ones (a blocked font is still asked for). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Waits until a page has made all it will: lazy chunks, stylesheets' images and fonts. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

test.describe('requests', () => {
  test('a signed-in journey (caseload, provider page, statistics) asks nothing of another origin', async ({
    page,
    baseURL,
  }) => {
    const urls = recordRequests(page);
    const caseload = new CaseloadPage(page);

    await signInWithMfa(page, `admin@${SLUG}.demo.test`, { returnUrl: `/lsp/${SLUG}/caseload` });
    await expect(page).toHaveURL(caseloadUrl(SLUG));
    await caseload.rows.first().waitFor();
    await settled(page);

    await caseload.providerLink(caseload.rows.first()).click();
    await expect(new ProviderPage(page).heading).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/lsp/${SLUG}/providers/`));
    await settled(page);

    const statistics = new StatisticsPage(page);
    await page.goto(`/lsp/${SLUG}/statistics`);
    await expect(statistics.heading).toHaveText('Statistics');
    await expect(statistics.summary).toBeVisible();
    await settled(page);

    const portal = new URL(baseURL ?? '').origin;
    const fetched = urls.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(fetched.length).toBeGreaterThan(10);
    expect(fetched.filter((url) => new URL(url).origin !== portal)).toEqual([]);
  });
});
