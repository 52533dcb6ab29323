import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { LandingPage } from '../support/landing-page';

test.describe('landing page', () => {
  test('shows that PostgreSQL, Redis and the worker are up', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.open();

    await expect(landing.heading).toHaveText('DSPT Support Portal');
    for (const component of ['database', 'redis', 'worker'] as const) {
      await expect(landing.componentStatus(component)).toContainText('Up');
      await expect(landing.componentStatus(component)).not.toContainText('Down');
    }
    await expect(page).toHaveTitle(/DSPT Support Portal/);
  });

  test('has no accessibility violations', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.open();
    await expect(landing.componentStatus('worker')).toContainText('Up');
    await expectNoAccessibilityViolations(page);
  });

  test('serves client-side routes from the api and shows a not-found page', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Page not found/);
  });
});
