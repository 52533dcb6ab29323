import type { Locator, Page } from '@playwright/test';

/** The portal's first page, as a user sees it. */
export class LandingPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  componentStatus(component: 'database' | 'redis' | 'worker'): Locator {
    return this.page.getByTestId(`health-${component}`);
  }
}
