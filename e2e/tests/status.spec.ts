import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from '../support/accessibility';
import { StatusPage } from '../support/status-page';

test.describe('service status page', () => {
  test('shows that PostgreSQL, Redis and the worker are up', async ({ page }) => {
    const status = new StatusPage(page);
    await status.open();

    await expect(status.heading).toHaveText('Service status');
    for (const component of ['database', 'redis', 'worker'] as const) {
      await expect(status.componentStatus(component)).toContainText('Up');
      await expect(status.componentStatus(component)).not.toContainText('Down');
    }
    await expect(page).toHaveTitle('Service status – DSPT Support Portal');
  });

  test('has no accessibility violations', async ({ page }) => {
    const status = new StatusPage(page);
    await status.open();
    await expect(status.componentStatus('worker')).toContainText('Up');
    await expectNoAccessibilityViolations(page);
  });

  test('sends a signed-out visitor from the home page to sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  });

  test('serves client-side routes from the api and shows a not-found page', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Page not found/);
  });
});
