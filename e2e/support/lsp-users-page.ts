import type { Locator, Page } from '@playwright/test';

/** `/lsp/{slug}/users` (LSP admins): members, inviting people, pending invitations, recent activity. */
export class LspUsersPage {
  readonly heading: Locator;
  readonly confirmation: Locator;
  readonly errorSummary: Locator;
  readonly inviteForm: Locator;
  readonly pendingInvitations: Locator;
  readonly recentActivity: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.confirmation = page.getByTestId('confirmation');
    this.errorSummary = page.getByTestId('error-summary');
    this.inviteForm = page.getByTestId('invite-form');
    this.pendingInvitations = page.getByTestId('pending-invitations');
    this.recentActivity = page.getByTestId('recent-activity');
  }

  async open(slug: string): Promise<void> {
    await this.page.goto(`/lsp/${slug}/users`);
    await this.heading.waitFor();
  }

  /** The members table's row for `email`. */
  member(email: string): Locator {
    return this.page.getByTestId(`member-${email}`);
  }

  /** Fills in and sends the "Invite someone" form; `role` is the radio's label ("Adviser"). */
  async invite(email: string, role: string): Promise<void> {
    await this.inviteForm.getByLabel('Email address', { exact: true }).fill(email);
    await this.inviteForm.getByLabel(role, { exact: true }).check();
    await this.inviteForm.getByRole('button', { name: 'Send invitation' }).click();
  }

  /** "Reset" in the member's two-factor authentication column, then "Yes, reset..." in the card that asks. */
  async resetMfa(displayName: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Reset two-factor authentication for ${displayName}`, exact: true })
      .click();
    await this.page.getByRole('button', { name: `Yes, reset two-factor authentication for ${displayName}` }).click();
  }
}
