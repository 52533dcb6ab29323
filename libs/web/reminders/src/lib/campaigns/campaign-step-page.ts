import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EMAIL_STATUSES, type EmailStatus, type ReminderPreview } from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';
import { counted, PortalDatePipe } from '@dspt/web/core';
import { LoadingState, Pagination, Tag } from '@dspt/web/ui';
import { AUDIENCE_PAGE_SIZE, CampaignsApi } from '../api/campaigns.api';
import { EmailsApi } from '../api/emails.api';
import { DeliveryLog } from '../delivery-log/delivery-log';
import { reloadWhileQueued } from '../delivery-log/reload-while-queued';
import { EMAIL_STATUS_LABELS, stepLabel } from '../email-labels';
import { lspRole } from '../lsp-role';
import { AudienceTable } from './audience-table';
import { stepStatus } from './reminder-steps-table';

const STATUS_FILTERS: readonly { status: EmailStatus | null; label: string }[] = [
  { status: null, label: 'All' },
  ...EMAIL_STATUSES.map((status) => ({ status, label: EMAIL_STATUS_LABELS[status] })),
];

/** "Left out: 3 published at Standards Met or above, 1 unsubscribed" (the reasons that are not 0). */
export function excludedText({ excluded }: Pick<ReminderPreview, 'excluded'>): string {
  const reasons = [
    [excluded.publishedAtStandardsMet, 'published at Standards Met or above'],
    [excluded.unsubscribed, 'unsubscribed'],
    [excluded.noPrimaryContact, 'without a primary contact'],
  ].filter(([n]) => n !== 0) as [number, string][];
  return reasons.length === 0
    ? 'No active provider is left out.'
    : `Left out: ${reasons.map(([n, reason]) => `${counted(n, 'provider')} ${reason}`).join(', ')}.`;
}

/**
 * `/lsp/:slug/campaigns/:offsetDays?cycle=&page=&status=`: one reminder step. Who it emails as things
 * stand now (before its day: how many and which providers; and how many are left out and why), and its
 * delivery log with each email's status and time, failed ones sent again from their row. The log
 * reloads itself while emails are queued.
 */
@Component({
  selector: 'dspt-campaign-step-page',
  imports: [AudienceTable, PortalDatePipe, DeliveryLog, LoadingState, Pagination, RouterLink, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
    }
    .dspt-filters a[aria-current='page'] {
      color: #212b32;
      font-weight: 600;
      text-decoration: none;
    }
  `,
  template: `
    <a class="nhsuk-back-link" [routerLink]="['..']" [queryParams]="{ cycle: cycle() || null }">Back to campaigns</a>
    <span class="nhsuk-caption-l">{{ role().name }}</span>
    <h1>Reminder {{ label(offsetDays()) }}</h1>
    @if (cadence.hasValue()) {
      @let current = cadence.value();
      @if (step(); as found) {
        @let status = statusOf(found);
        <p data-testid="step-when">
          {{ current.cycle }} assessment: goes out on
          <time [attr.datetime]="found.sendAt">{{ found.sendOn | portalDate: 'weekday' }} at 9am</time>.
          <dspt-tag [colour]="status.colour">{{ status.label }}</dspt-tag>
        </p>

        <h2>Who it emails</h2>
        @if (audience.hasValue()) {
          @let preview = audience.value();
          <p data-testid="audience-count">
            {{ found.past ? 'As things stand now it would email' : 'As things stand now it will email' }}
            {{ providers(preview.total) }}. {{ excluded(preview) }}
          </p>
          @if (preview.items.length > 0) {
            <dspt-audience-table [slug]="slug()" [members]="preview.items" />
            <dspt-pagination [page]="preview.page" [pageCount]="pageCount(preview.total)" label="Pages of providers" />
          }
        } @else {
          <dspt-loading-state what="providers this step emails" [error]="audience.error()" />
        }
      } @else {
        <p data-testid="not-a-step">
          This is not one of the {{ current.cycle }} reminder steps. Its emails, if any went out, are listed below.
        </p>
      }

      <h2>Delivery log</h2>
      <nav aria-label="Emails by status">
        <ul class="dspt-filters">
          @for (filter of filters; track filter.label) {
            <li>
              <a
                [routerLink]="[]"
                [queryParams]="{ status: filter.status }"
                queryParamsHandling="merge"
                [attr.aria-current]="filter.status === statusFilter() ? 'page' : null"
                >{{ filter.label }}{{ filter.status && step() ? ' (' + step()!.counts[filter.status] + ')' : '' }}</a
              >
            </li>
          }
        </ul>
      </nav>
      @if (log.hasValue()) {
        @let messages = log.value();
        @if (messages.items.length === 0) {
          <p data-testid="no-emails">
            {{ statusFilter() ? 'No emails of this status.' : 'No emails of this step yet.' }}
          </p>
        } @else {
          @if (messages.total > messages.items.length) {
            <p>The newest {{ messages.items.length }} of {{ messages.total }} emails.</p>
          }
          <dspt-delivery-log
            [slug]="slug()"
            [messages]="messages.items"
            [caption]="'Emails of this step, newest first'"
            [canRetry]="role().canWrite"
            [showProvider]="true"
            (retried)="retried()"
          />
        }
      } @else {
        <dspt-loading-state what="delivery log" [error]="log.error()" />
      }
    } @else {
      <dspt-loading-state what="reminder steps" [error]="cadence.error()" />
    }
  `,
})
export class CampaignStepPage {
  private readonly campaigns = inject(CampaignsApi);
  private readonly emails = inject(EmailsApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `:offsetDays` route parameter. */
  readonly offsetDays = input.required({ transform: numberAttribute });
  /** `?cycle=`: today's cycle when absent. */
  readonly cycle = input<string>();
  /** `?page=` of the providers it emails. */
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, Math.floor(numberAttribute(value, 1))) });
  /** `?status=` of the delivery log. */
  readonly status = input<string>();

  protected readonly role = lspRole(this.slug);
  protected readonly filters = STATUS_FILTERS;
  protected readonly label = stepLabel;
  protected readonly statusOf = stepStatus;
  protected readonly excluded = excludedText;
  protected readonly statusFilter = computed(() => {
    const status = this.status();
    return isOneOf(EMAIL_STATUSES, status) ? status : null;
  });

  protected readonly cadence = this.campaigns.cadenceResource(
    this.slug,
    computed(() => this.cycle() || null),
  );
  protected readonly step = computed(() =>
    this.cadence.hasValue()
      ? this.cadence.value().steps.find((step) => step.offsetDays === this.offsetDays())
      : undefined,
  );
  private readonly cycleCode = computed(() => (this.cadence.hasValue() ? this.cadence.value().cycle : null));
  protected readonly audience = this.campaigns.audienceResource(
    this.slug,
    computed(() =>
      this.step() ? { cycle: this.cycleCode(), offsetDays: this.offsetDays(), page: this.page() } : undefined,
    ),
  );
  protected readonly log = this.emails.stepLogResource(
    this.slug,
    computed(() => {
      const cycle = this.cycleCode();
      return cycle ? { cycle, offsetDays: this.offsetDays(), status: this.statusFilter() } : undefined;
    }),
  );

  constructor() {
    reloadWhileQueued(this.log);
  }

  protected providers(total: number): string {
    return counted(total, 'provider');
  }

  protected pageCount(total: number): number {
    return Math.max(1, Math.ceil(total / AUDIENCE_PAGE_SIZE));
  }

  protected retried(): void {
    this.log.reload();
    this.cadence.reload();
  }
}
