import type { Locator, Page } from '@playwright/test';

/** The frame around every page: the header's user menu and navigation, and the LSP being worked in. */
export class Shell {
  readonly userName: Locator;
  readonly signOutButton: Locator;
  readonly navigation: Locator;
  readonly currentLsp: Locator;

  constructor(private readonly page: Page) {
    this.userName = page.getByTestId('user-name');
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.navigation = page.getByRole('navigation', { name: 'Menu' });
    this.currentLsp = page.getByTestId('current-lsp');
  }

  /** A link in the header's account area, next to the user's name ("Your account"). */
  accountLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name, exact: true });
  }

  navigationLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/sign-in$/);
  }
}
