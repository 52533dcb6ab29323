import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { LocalAuthoritiesForm } from '@dspt/web/caseload';
import { PortalDatePipe, apiProblemFrom, portalTitle } from '@dspt/web/core';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  LoadingState,
  PageNotFound,
  SuccessBanner,
  TextField,
  validateEmailAddress,
} from '@dspt/web/ui';
import { TenantsApi } from './tenants.api';

/**
 * `/admin/tenants/:slug` (system admins): one LSP's name, region and team size, its pending invitations,
 * and inviting an admin, which is how an LSP added without one gets its first.
 */
@Component({
  selector: 'dspt-tenant-detail-page',
  imports: [
    ErrorSummary,
    FormDirective,
    LoadingState,
    LocalAuthoritiesForm,
    PageNotFound,
    PortalDatePipe,
    RouterLink,
    SuccessBanner,
    TextField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="nhsuk-back-link" routerLink="/admin/tenants">Back to LSPs</a>
    @if (tenant.hasValue()) {
      @let lsp = tenant.value();
      <dspt-error-summary [source]="submission" />
      <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <span class="nhsuk-caption-l">LSP</span>
          <h1 data-testid="tenant-name">{{ lsp.name }}</h1>
          <dl class="nhsuk-summary-list" data-testid="tenant-summary">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Region</dt>
              <dd class="nhsuk-summary-list__value">{{ lsp.region }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Slug</dt>
              <dd class="nhsuk-summary-list__value">
                <code>{{ lsp.slug }}</code>
              </dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Members</dt>
              <dd class="nhsuk-summary-list__value">{{ lsp.members }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Admins</dt>
              <dd class="nhsuk-summary-list__value">{{ lsp.admins }}</dd>
            </div>
          </dl>

          @if (lsp.admins === 0) {
            <div class="nhsuk-warning-callout" data-testid="no-admin">
              <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>No admin yet</span>
              </h2>
              <p>Nobody in this LSP can add users until someone accepts an invitation to be its admin.</p>
            </div>
          }

          @if (lsp.pendingInvitations.length > 0) {
            <h2>Pending invitations</h2>
            <ul class="nhsuk-list nhsuk-list--bullet" data-testid="pending-invitations">
              @for (invitation of lsp.pendingInvitations; track invitation.email) {
                <li>{{ invitation.email }} ({{ invitation.role }}), until {{ invitation.expiresAt | portalDate }}</li>
              }
            </ul>
          }

          <h2>{{ lsp.admins === 0 ? 'Invite its first admin' : 'Invite another admin' }}</h2>
          <form [dsptForm]="submission" data-testid="invite-tenant-admin-form">
            <dspt-text-field
              label="Email address"
              controlId="tenant-admin-email"
              hint="We will email them a link to set up their account as an admin of this LSP. The link works for 7 days."
              type="email"
              autocomplete="off"
              [spellcheck]="false"
              [field]="inviteForm.email"
            />
            <button class="nhsuk-button" type="submit">Send invitation</button>
          </form>

          <h2>Local authorities</h2>
          <p>The local authorities this LSP covers: its coverage of the CQC register is measured in them.</p>
          <dspt-local-authorities-form [slug]="lsp.slug" />
        </div>
      </div>
    } @else if (notFound()) {
      <dspt-page-not-found />
    } @else {
      <dspt-loading-state what="LSP" [error]="tenant.error()" />
    }
  `,
})
export class TenantDetailPage {
  private readonly api = inject(TenantsApi);
  private readonly title = inject(Title);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly tenant = this.api.tenantResource(this.slug);
  protected readonly notFound = computed(() => {
    const error = this.tenant.error();
    return !!error && apiProblemFrom(error).status === 404;
  });
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);
  protected readonly inviteForm = form(signal({ email: '' }), (path) =>
    validateEmailAddress(path.email, 'Enter the email address of the person to invite'),
  );
  protected readonly submission = new FormSubmission(this.inviteForm, ({ email }) => this.invite(email));

  constructor() {
    effect(() => {
      if (this.tenant.hasValue()) {
        this.title.setTitle(portalTitle(this.tenant.value().name));
      } else if (this.notFound()) {
        this.title.setTitle(portalTitle('Page not found'));
      }
    });
  }

  private async invite(email: string): Promise<void> {
    this.confirmation.set(null);
    const invitation = await this.api.inviteAdmin(this.slug(), email.trim());
    this.submission.reset({ email: '' });
    this.confirmation.set(`We have sent an invitation to ${invitation.email} to be an admin of this LSP.`);
    this.confirmations.update((count) => count + 1);
    this.tenant.reload();
  }
}
