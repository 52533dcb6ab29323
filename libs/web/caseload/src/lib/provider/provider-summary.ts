import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProviderDetail } from '@dspt/contracts';
import { PROVIDER_KIND_LABELS, SERVICE_TYPE_LABELS, SIZE_BAND_LABELS, PortalDatePipe } from '@dspt/web/core';

/** Who the provider is: ODS code, kind with its HQ or branches, service, size, area, adviser, CE+. */
@Component({
  selector: 'dspt-provider-summary',
  imports: [PortalDatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="nhsuk-summary-list" data-testid="provider-summary">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">ODS code</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().odsCode }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-ods-code"
              >Change<span class="nhsuk-u-visually-hidden"> ODS code</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Kind</dt>
        <dd class="nhsuk-summary-list__value">
          {{ kindLabels[provider().kind] }}
          @if (provider().parent; as parent) {
            of <a [routerLink]="['/lsp', slug(), 'providers', parent.id]">{{ parent.name }} ({{ parent.odsCode }})</a>
          }
          @if (provider().branches.length > 0) {
            <ul class="nhsuk-list nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" aria-label="Branches">
              @for (branch of provider().branches; track branch.id) {
                <li class="nhsuk-u-margin-bottom-1">
                  <a [routerLink]="['/lsp', slug(), 'providers', branch.id]"
                    >{{ branch.name }} ({{ branch.odsCode }})</a
                  >
                </li>
              }
            </ul>
          }
        </dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-kind-single_site"
              >Change<span class="nhsuk-u-visually-hidden"> kind</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Type of service</dt>
        <dd class="nhsuk-summary-list__value">{{ serviceLabels[provider().serviceType] }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-service-type"
              >Change<span class="nhsuk-u-visually-hidden"> type of service</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Size</dt>
        <dd class="nhsuk-summary-list__value">{{ sizeLabels[provider().sizeBand] }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-size-band"
              >Change<span class="nhsuk-u-visually-hidden"> size</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Local authority</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().localAuthority }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-local-authority"
              >Change<span class="nhsuk-u-visually-hidden"> local authority</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Region</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().region }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-region"
              >Change<span class="nhsuk-u-visually-hidden"> region</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Adviser</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().assignedAdviser?.displayName ?? 'Unassigned' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Cyber Essentials Plus</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().hasCePlus ? 'Yes' : 'No' }}</dd>
        @if (canChange()) {
          <dd class="nhsuk-summary-list__actions">
            <a [routerLink]="['edit']" fragment="provider-ce-plus-yes"
              >Change<span class="nhsuk-u-visually-hidden"> Cyber Essentials Plus</span></a
            >
          </dd>
        }
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Last contact</dt>
        <dd class="nhsuk-summary-list__value" data-testid="last-contact">
          @if (provider().lastContactAt; as lastContact) {
            <time [attr.datetime]="lastContact">{{ lastContact | portalDate: 'dateTime' }}</time>
          } @else {
            Never
          }
        </dd>
      </div>
    </dl>
  `,
})
export class ProviderSummary {
  readonly slug = input.required<string>();
  readonly provider = input.required<ProviderDetail>();
  /** Advisers and admins, while the provider is not archived: each detail gets a Change link to the edit page. */
  readonly canChange = input(false);

  protected readonly kindLabels = PROVIDER_KIND_LABELS;
  protected readonly serviceLabels = SERVICE_TYPE_LABELS;
  protected readonly sizeLabels = SIZE_BAND_LABELS;
}
