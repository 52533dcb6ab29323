import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { apiProblemFrom } from '@dspt/web/core';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  NotificationBanner,
  Tag,
  TextField,
  validateEmailAddress,
  ResponsiveTable,
} from '@dspt/web/ui';
import { ProgrammeLeadsApi } from './programme-leads.api';

/** `/admin/programme-leads` (system admins): the programme leads, and inviting another. */
@Component({
  selector: 'dspt-programme-leads-page',
  imports: [ErrorSummary, FormDirective, NotificationBanner, Tag, TextField, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    @if (invitedEmail(); as invited) {
      <dspt-notification-banner variant="success">
        <p class="nhsuk-notification-banner__heading" data-testid="confirmation">
          We have sent an invitation to {{ invited }}.
        </p>
      </dspt-notification-banner>
    }
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Programme leads</h1>
        <p class="nhsuk-lede-text">
          Programme leads see regional and national completion statistics. They never see case notes or contact details.
        </p>
      </div>
    </div>

    @if (leads.hasValue()) {
      @if (leads.value().items.length === 0) {
        <p>There are no programme leads yet.</p>
      } @else {
        <table class="nhsuk-table" dsptResponsiveTable data-testid="programme-leads-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
            Programme leads
          </caption>
          <thead class="nhsuk-table__head">
            <tr class="nhsuk-table__row">
              <th class="nhsuk-table__header" scope="col">Name</th>
              <th class="nhsuk-table__header" scope="col">Email address</th>
              <th class="nhsuk-table__header" scope="col">Status</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (lead of leads.value().items; track lead.email) {
              <tr class="nhsuk-table__row">
                <td class="nhsuk-table__cell">{{ lead.displayName ?? 'Not set up yet' }}</td>
                <td class="nhsuk-table__cell">{{ lead.email }}</td>
                <td class="nhsuk-table__cell">
                  @if (lead.invitationPending) {
                    <dspt-tag colour="yellow">Invited</dspt-tag>
                  } @else {
                    <dspt-tag colour="green">Active</dspt-tag>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (leads.error()) {
      <p data-testid="programme-leads-problem">{{ loadFailure(leads.error()) }}</p>
    } @else {
      <p>Loading programme leads…</p>
    }

    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h2>Invite a programme lead</h2>
        <form [dsptForm]="submission" data-testid="invite-programme-lead-form">
          <dspt-text-field
            label="Email address"
            controlId="lead-email"
            hint="We will email them a link to set up their account."
            type="email"
            autocomplete="off"
            [spellcheck]="false"
            [field]="inviteForm.email"
          />
          <button class="nhsuk-button" type="submit">Send invitation</button>
        </form>
      </div>
    </div>
  `,
})
export class ProgrammeLeadsPage {
  private readonly api = inject(ProgrammeLeadsApi);

  protected readonly leads = this.api.programmeLeadsResource();
  protected readonly invitedEmail = signal<string | null>(null);
  protected readonly inviteForm = form(signal({ email: '' }), (path) =>
    validateEmailAddress(path.email, 'Enter the email address of the person to invite'),
  );
  protected readonly submission = new FormSubmission(this.inviteForm, ({ email }) => this.invite(email));

  protected loadFailure(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  private async invite(email: string): Promise<void> {
    this.invitedEmail.set(null);
    const lead = await this.api.invite(email.trim());
    this.submission.reset({ email: '' });
    this.invitedEmail.set(lead.email);
    this.leads.reload();
  }
}
