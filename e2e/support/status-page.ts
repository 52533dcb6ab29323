import type { Locator, Page } from '@playwright/test';

/** The public service status page (`/status`), as a user sees it. */
export class StatusPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(): Promise<void> {
    await this.page.goto('/status');
  }

  componentStatus(component: 'database' | 'redis' | 'worker'): Locator {
    return this.page.getByTestId(`health-${component}`);
  }
}
