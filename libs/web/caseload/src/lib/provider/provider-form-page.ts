import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { form, maxLength, required } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { OdsCodeCheck, ProviderDetail, ProviderInput, StaleEditDetail } from '@dspt/contracts';
import {
  ENGLISH_REGIONS,
  PROVIDER_KINDS,
  type ProviderKind,
  SERVICE_TYPES,
  type ServiceType,
  SIZE_BANDS,
  type SizeBand,
  normaliseOdsCode,
} from '@dspt/domain';
import {
  PROVIDER_KIND_LABELS,
  SERVICE_TYPE_LABELS,
  SIZE_BAND_LABELS,
  apiProblemFrom,
  lspApiPath,
  portalTitle,
} from '@dspt/web/core';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  LoadingState,
  PageNotFound,
  Radios,
  SelectField,
  TextField,
  labelledOptions,
  ResponsiveTable,
} from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { ProviderNotice } from './provider-notice';

/** How long typing pauses before the ODS code is checked. */
export const ODS_CHECK_DELAY_MS = 300;

interface ProviderModel {
  kind: string;
  odsCode: string;
  parentOdsCode: string;
  name: string;
  serviceType: string;
  sizeBand: string;
  localAuthority: string;
  region: string;
  hasCePlus: 'yes' | 'no';
}

type EditableField = keyof ProviderModel;

const EMPTY: ProviderModel = {
  kind: '',
  odsCode: '',
  parentOdsCode: '',
  name: '',
  serviceType: '',
  sizeBand: '',
  localAuthority: '',
  region: '',
  hasCePlus: 'no',
};

const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  kind: 'Kind',
  odsCode: 'ODS code',
  parentOdsCode: "HQ's ODS code",
  name: 'Name',
  serviceType: 'Type of service',
  sizeBand: 'Size',
  localAuthority: 'Local authority',
  region: 'Region',
  hasCePlus: 'Cyber Essentials Plus',
};

function modelOf(provider: ProviderDetail): ProviderModel {
  return {
    kind: provider.kind,
    odsCode: provider.odsCode,
    parentOdsCode: provider.parent?.odsCode ?? '',
    name: provider.name,
    serviceType: provider.serviceType,
    sizeBand: provider.sizeBand,
    localAuthority: provider.localAuthority,
    region: provider.region,
    hasCePlus: provider.hasCePlus ? 'yes' : 'no',
  };
}

/** The model as the API takes it: trimmed, the HQ only for a branch. */
function inputOf(model: ProviderModel): Omit<ProviderInput, 'contacts' | 'assignedAdviserId'> {
  return {
    kind: model.kind as ProviderKind,
    odsCode: normaliseOdsCode(model.odsCode),
    parentOdsCode: model.kind === 'branch' ? normaliseOdsCode(model.parentOdsCode) : null,
    name: model.name.trim(),
    serviceType: model.serviceType as ServiceType,
    sizeBand: model.sizeBand as SizeBand,
    localAuthority: model.localAuthority.trim(),
    region: model.region,
    hasCePlus: model.hasCePlus === 'yes',
  };
}

/** A value as the page shows it, for the table of what someone else changed. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return 'None';
  }
  switch (field) {
    case 'kind':
      return PROVIDER_KIND_LABELS[value as ProviderKind] ?? String(value);
    case 'serviceType':
      return SERVICE_TYPE_LABELS[value as ServiceType] ?? String(value);
    case 'sizeBand':
      return SIZE_BAND_LABELS[value as SizeBand] ?? String(value);
    case 'hasCePlus':
      return value === true || value === 'yes' ? 'Yes' : 'No';
    default:
      return String(value);
  }
}

/** Someone saved first: each field they changed, theirs against this user's. */
export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
}

/**
 * `/lsp/:slug/providers/new` and `.../providers/:providerId/edit` (advisers and admins): a provider's
 * details. The ODS code is checked as the adviser types (its form for the kind, and whether any LSP
 * holds it). An edit sends only what changed, with the version it started from; when someone saved in
 * between, the page shows what they changed, field by field against the user's own, and offers to apply
 * the user's changes on top of theirs.
 */
@Component({
  selector: 'dspt-provider-form-page',
  imports: [
    ErrorSummary,
    FormDirective,
    LoadingState,
    PageNotFound,
    Radios,
    RouterLink,
    SelectField,
    TextField,
    ResponsiveTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <dspt-page-not-found />
    } @else {
      <a class="nhsuk-back-link" [routerLink]="backLink()">{{
        providerId() ? 'Back to the provider' : 'Back to the caseload'
      }}</a>
      @if (!providerId() || provider.hasValue()) {
        <dspt-error-summary [source]="submission" />
        @if (conflict(); as rows) {
          <div class="nhsuk-card nhsuk-card--warning" data-testid="edit-conflict">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading" tabindex="-1">Someone else changed this provider</h2>
              <p>They saved after you opened it. Nothing of yours was saved yet.</p>
              <table class="nhsuk-table" dsptResponsiveTable>
                <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
                  What they changed, and what you entered
                </caption>
                <thead class="nhsuk-table__head">
                  <tr class="nhsuk-table__row">
                    <th class="nhsuk-table__header" scope="col">Field</th>
                    <th class="nhsuk-table__header" scope="col">Their value</th>
                    <th class="nhsuk-table__header" scope="col">Yours</th>
                  </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                  @for (row of rows; track row.field) {
                    <tr class="nhsuk-table__row">
                      <th class="nhsuk-table__header" scope="row">{{ row.label }}</th>
                      <td class="nhsuk-table__cell">{{ row.theirs }}</td>
                      <td class="nhsuk-table__cell">{{ row.yours }}</td>
                    </tr>
                  }
                </tbody>
              </table>
              <div class="nhsuk-button-group nhsuk-u-margin-bottom-0">
                <button class="nhsuk-button" type="button" (click)="applyMine()">Apply my changes on top</button>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="takeTheirs()">
                  Discard my changes
                </button>
              </div>
            </div>
          </div>
        }
        @if (provider.hasValue()) {
          <span class="nhsuk-caption-l">{{ provider.value().odsCode }}</span>
        }
        <h1>
          {{ providerId() ? 'Change ' + (provider.hasValue() ? provider.value().name : 'provider') : 'Add a provider' }}
        </h1>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <form [dsptForm]="submission" data-testid="provider-form">
              <dspt-radios legend="Kind" idPrefix="provider-kind" [options]="kinds" [field]="providerForm.kind" />
              <dspt-text-field
                label="ODS code"
                controlId="provider-ods-code"
                hint="3 to 6 letters or digits. A site (single site or branch) usually starts with V, an HQ with A or C."
                [width]="10"
                autocomplete="off"
                autocapitalize="characters"
                [spellcheck]="false"
                [field]="providerForm.odsCode"
                (typed)="odsTyped($event)"
              />
              <p class="nhsuk-body-s" aria-live="polite" data-testid="ods-check">{{ odsCheckText() }}</p>
              @if (providerForm.kind().value() === 'branch') {
                <dspt-text-field
                  label="HQ's ODS code"
                  controlId="provider-parent-ods-code"
                  hint="The HQ must be in this LSP's caseload."
                  [width]="10"
                  autocomplete="off"
                  [spellcheck]="false"
                  [field]="providerForm.parentOdsCode"
                />
              }
              <dspt-text-field label="Name" controlId="provider-name" autocomplete="off" [field]="providerForm.name" />
              <dspt-select-field
                label="Type of service"
                controlId="provider-service-type"
                placeholder="Select a type of service"
                [options]="serviceTypes"
                [field]="providerForm.serviceType"
              />
              <dspt-select-field
                label="Size"
                controlId="provider-size-band"
                placeholder="Select a size"
                [options]="sizeBands"
                [field]="providerForm.sizeBand"
              />
              <dspt-text-field
                label="Local authority"
                controlId="provider-local-authority"
                [width]="20"
                [field]="providerForm.localAuthority"
              />
              <dspt-select-field
                label="Region"
                controlId="provider-region"
                placeholder="Select a region"
                [options]="regions"
                [field]="providerForm.region"
              />
              <dspt-radios
                legend="Does it hold a current Cyber Essentials Plus certificate?"
                idPrefix="provider-ce-plus"
                [options]="yesNo"
                [field]="providerForm.hasCePlus"
              />
              <button class="nhsuk-button" type="submit" [disabled]="submission.submitting()">
                {{ providerId() ? 'Save changes' : 'Add provider' }}
              </button>
            </form>
          </div>
        </div>
      } @else {
        <dspt-loading-state what="provider" [error]="provider.error()" />
      }
    }
  `,
})
export class ProviderFormPage {
  private readonly api = inject(CaseloadApi);
  private readonly router = inject(Router);
  private readonly notice = inject(ProviderNotice);
  private readonly title = inject(Title);

  readonly slug = input.required<string>();
  /** Absent when adding. */
  readonly providerId = input<string>();

  protected readonly provider = this.api.optionalProviderResource(
    computed(() => {
      const providerId = this.providerId();
      return providerId ? { slug: this.slug(), providerId } : undefined;
    }),
  );
  protected readonly notFound = computed(() => {
    const error = this.provider.error();
    return !!error && [400, 404].includes(apiProblemFrom(error).status);
  });
  protected readonly backLink = computed(() =>
    this.providerId() ? ['/lsp', this.slug(), 'providers', this.providerId()] : ['/lsp', this.slug(), 'caseload'],
  );

  protected readonly kinds = labelledOptions(PROVIDER_KINDS, PROVIDER_KIND_LABELS);
  protected readonly serviceTypes = labelledOptions(SERVICE_TYPES, SERVICE_TYPE_LABELS);
  protected readonly sizeBands = labelledOptions(SIZE_BANDS, SIZE_BAND_LABELS);
  protected readonly regions = ENGLISH_REGIONS.map((region) => ({ value: region, label: region }));
  protected readonly yesNo = [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ];

  private readonly model = linkedSignal<ProviderModel>(() =>
    this.provider.hasValue() ? modelOf(this.provider.value()) : EMPTY,
  );
  protected readonly providerForm = form(this.model, (path) => {
    required(path.kind, { message: 'Select the kind of provider' });
    required(path.odsCode, { message: 'Enter the ODS code' });
    required(path.parentOdsCode, {
      message: "Enter the HQ's ODS code",
      when: ({ valueOf }) => valueOf(path.kind) === 'branch',
    });
    required(path.name, { message: "Enter the provider's name" });
    maxLength(path.name, 200, { message: 'Name must be 200 characters or fewer' });
    required(path.serviceType, { message: 'Select the type of service' });
    required(path.sizeBand, { message: 'Select the size' });
    required(path.localAuthority, { message: 'Enter the local authority' });
    maxLength(path.localAuthority, 100, { message: 'Local authority must be 100 characters or fewer' });
    required(path.region, { message: 'Select a region' });
  });
  // A taken ODS code (409 with no details) belongs to the ODS code field.
  protected readonly submission = new FormSubmission(this.providerForm, (value) => this.save(value), {
    problemFieldByStatus: { 409: this.providerForm.odsCode },
  });

  /** What someone else changed since the edit started; null when nobody did. */
  protected readonly conflict = signal<ConflictRow[] | null>(null);

  /** The code to check, once typing pauses; the check asks the API. */
  private readonly odsToCheck = signal('');
  private odsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly odsCheck = httpResource<OdsCodeCheck>(() => {
    const code = this.odsToCheck();
    const kind = this.providerForm.kind().value() || 'single_site';
    const unchanged = this.provider.hasValue() && code === this.provider.value().odsCode;
    return code && !unchanged
      ? { url: `${lspApiPath(this.slug())}/providers/ods-check`, params: { code, kind } }
      : undefined;
  });
  protected readonly odsCheckText = computed(() => {
    if (!this.odsToCheck() || !this.odsCheck.hasValue()) {
      return '';
    }
    const check = this.odsCheck.value();
    return check.problem ?? `${check.odsCode} is not registered yet: it can be used.`;
  });

  constructor() {
    effect(() => {
      const heading = this.providerId()
        ? `Change ${this.provider.hasValue() ? this.provider.value().name : 'provider'}`
        : 'Add a provider';
      this.title.setTitle(portalTitle(this.notFound() ? 'Page not found' : heading));
    });
  }

  protected odsTyped(text: string): void {
    clearTimeout(this.odsTimer);
    this.odsTimer = setTimeout(() => this.odsToCheck.set(normaliseOdsCode(text)), ODS_CHECK_DELAY_MS);
  }

  /** Sends the user's own changes again, on top of the version that has the other person's. */
  protected async applyMine(): Promise<void> {
    const providerId = this.providerId();
    const pending = this.pending;
    if (!providerId || !pending) {
      return;
    }
    this.conflict.set(null);
    await this.send(providerId, pending.changes, pending.version, pending.mine);
  }

  /** Starts again from what is saved now. */
  protected takeTheirs(): void {
    this.conflict.set(null);
    this.pending = null;
    this.provider.reload();
  }

  private async save(value: ProviderModel): Promise<void> {
    const providerId = this.providerId();
    if (!providerId) {
      const created = await this.api.createProvider(this.slug(), inputOf(value));
      this.notice.tell(created.id, `${created.name} was added to the caseload.`, 'summary');
      await this.router.navigate(['/lsp', this.slug(), 'providers', created.id]);
      return;
    }
    if (!this.provider.hasValue()) {
      return;
    }
    const start = this.provider.value();
    const before = inputOf(modelOf(start)) as Record<string, unknown>;
    const mine = inputOf(value) as Record<string, unknown>;
    const changes = Object.fromEntries(Object.entries(mine).filter(([field, next]) => next !== before[field]));
    await this.send(providerId, changes, start.version, mine);
  }

  /** PATCH with `version`; a stale version shows what changed instead of failing. */
  private async send(
    providerId: string,
    changes: Record<string, unknown>,
    version: number,
    mine: Record<string, unknown>,
  ): Promise<void> {
    const ref = { slug: this.slug(), providerId };
    try {
      await this.api.updateProvider(ref, { ...changes, version });
    } catch (failure: unknown) {
      const problem = apiProblemFrom(failure);
      const stale =
        problem.status === 409 ? (problem.details as StaleEditDetail[]).filter((detail) => 'current' in detail) : [];
      if (stale.length === 0) {
        throw failure;
      }
      const latest = await this.api.getProvider(ref);
      this.pending = { changes, version: latest.version, mine };
      this.conflict.set(
        stale.map((detail) => ({
          field: detail.field,
          label: FIELD_LABELS[detail.field as EditableField] ?? detail.field,
          theirs: shown(detail.field, detail.current),
          yours: detail.field in changes ? shown(detail.field, mine[detail.field]) : 'Not changed by you',
        })),
      );
      return;
    }
    this.pending = null;
    this.notice.tell(providerId, 'Your changes were saved.', 'summary');
    await this.router.navigate(['/lsp', this.slug(), 'providers', providerId]);
  }

  /** The user's changes held back by someone else's save, and the version that save made. */
  private pending: { changes: Record<string, unknown>; version: number; mine: Record<string, unknown> } | null = null;
}
