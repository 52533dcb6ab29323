import type { Locator, Page } from '@playwright/test';

/** The header's links to the hubs: an LSP's pages beyond the daily work, and the system admin's pages. */
export type ManageHub = 'Manage LSP' | 'Manage portal';

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

  /** A link in the header's navigation: the daily work ("Caseload", "My tasks") and the hubs. */
  navigationLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  /** A page's link on the hub that is open ("Users" on "Manage LSP"). */
  manageLink(name: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name, exact: true });
  }

  /** Opens a hub from the header, and waits for it: not for a link of the page it came from. */
  async openHub(hub: ManageHub = 'Manage LSP'): Promise<void> {
    await this.navigationLink(hub).click();
    await this.page.getByRole('heading', { level: 1, name: hub, exact: true }).waitFor();
  }

  /** Opens a page the header reaches through a hub, as a user does: the hub, then the page's card. */
  async openManagePage(name: string, hub: ManageHub = 'Manage LSP'): Promise<void> {
    await this.openHub(hub);
    await this.manageLink(name).click();
  }

  /** How many rows the header's navigation links take on the screen as it is now. */
  async navigationRows(): Promise<number> {
    const tops = await this.navigation
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    return new Set(tops).size;
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.page.waitForURL(/\/sign-in$/);
  }
}
