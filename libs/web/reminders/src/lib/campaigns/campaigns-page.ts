import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReminderCadence } from '@dspt/contracts';
import { cycleEndingIn, cycleFromCode } from '@dspt/domain';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { CampaignsApi } from '../api/campaigns.api';
import { lspRole } from '../lsp-role';
import { CadenceForm, offsetsText } from './cadence-form';
import { ReminderStepsTable } from './reminder-steps-table';
import { PortalDatePipe } from '@dspt/web/core';

/** The cycles before and after one, for moving between them. */
export function neighbourCycles(code: string): { previous: string; next: string } {
  const deadlineYear = Number(cycleFromCode(code).deadline.slice(0, 4));
  return { previous: cycleEndingIn(deadlineYear - 1).code, next: cycleEndingIn(deadlineYear + 1).code };
}

/**
 * `/lsp/:slug/campaigns?cycle=`: the LSP's reminder emails for a cycle (today's by default): each step
 * before the deadline, the day it goes out, where it stands and its emails by status, each linking to
 * who it emails and its delivery log. LSP admins change the steps; everyone else in the LSP reads them.
 */
@Component({
  selector: 'dspt-campaigns-page',
  imports: [CadenceForm, PortalDatePipe, LoadingState, ReminderStepsTable, RouterLink, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner testId="cadence-confirmation" [message]="confirmation()" />
    <span class="nhsuk-caption-l">{{ role().name }}</span>
    <h1>Campaigns</h1>
    <p class="nhsuk-lede-text">
      Reminder emails go to each provider's primary contact before the DSPT deadline, until the provider publishes at
      Standards Met or above or the contact unsubscribes.
    </p>
    @if (cadence.hasValue()) {
      @let current = cadence.value();
      @let cycles = neighbours(current.cycle);
      <p data-testid="cycle">
        {{ current.cycle }} assessment, deadline {{ current.deadline | portalDate }}.
        <a [routerLink]="[]" [queryParams]="{ cycle: cycles.previous }">{{ cycles.previous }}</a> ·
        <a [routerLink]="[]" [queryParams]="{ cycle: cycles.next }">{{ cycles.next }}</a>
      </p>
      <p data-testid="cadence-source">
        @if (current.isDefault) {
          These are the default steps for {{ current.cycle }}.
        } @else {
          {{ role().name }} chose these steps{{ current.updatedAt ? ' on ' : '' }}{{ current.updatedAt | portalDate }}.
          The defaults are {{ text(current.defaultOffsetsDays) }} days before the deadline.
        }
      </p>
      @if (current.bankHolidaysKnownUntil; as knownUntil) {
        <div class="nhsuk-warning-callout" data-testid="bank-holiday-warning">
          <h2 class="nhsuk-warning-callout__label">
            <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Bank holidays unknown</span>
          </h2>
          <p>
            The portal knows bank holidays up to {{ knownUntil | portalDate }}. A step after that could go out on a bank
            holiday until the portal's support team refreshes its table from GOV.UK.
          </p>
        </div>
      }
      @if (current.steps.length === 0) {
        <p>No reminders go out for this cycle.</p>
      } @else {
        <dspt-reminder-steps-table [cycle]="current.cycle" [steps]="current.steps" />
      }
      @if (role().isAdmin) {
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <h2>Change the steps</h2>
            <dspt-cadence-form [slug]="slug()" [cadence]="current" (saved)="saved($event)" />
          </div>
        </div>
      }
    } @else {
      <dspt-loading-state what="reminder steps" [error]="cadence.error()" />
    }
  `,
})
export class CampaignsPage {
  private readonly api = inject(CampaignsApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `?cycle=` query parameter; today's cycle when absent. */
  readonly cycle = input<string>();

  protected readonly role = lspRole(this.slug);
  protected readonly cadence = this.api.cadenceResource(
    this.slug,
    computed(() => this.cycle() || null),
  );
  protected readonly confirmation = signal<string | null>(null);
  protected readonly neighbours = neighbourCycles;
  protected readonly text = offsetsText;

  protected saved(cadence: ReminderCadence): void {
    this.cadence.set(cadence);
    const steps =
      cadence.offsetsDays.length === 0 ? 'none' : `${offsetsText(cadence.offsetsDays)} days before the deadline`;
    this.confirmation.set(
      cadence.isDefault
        ? `The ${cadence.cycle} reminders are back to the default steps: ${steps}.`
        : `The ${cadence.cycle} reminders now go out ${steps}.`,
    );
  }
}
