import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { form } from '@angular/forms/signals';
import { ENGLISH_REGIONS, PROVIDER_STATUSES, SERVICE_TYPES, isOneOf } from '@dspt/domain';
import { PROVIDER_STATUS_LABELS, SERVICE_TYPE_LABELS } from '@dspt/web/core';
import { FilterActions, SelectField, type SelectOption, TextField, labelledOptions } from '@dspt/web/ui';
import type { CaseloadFilters } from './caseload-query';

/** The form's fields: '' for "any". */
interface FiltersModel {
  search: string;
  status: string;
  adviser: string;
  region: string;
  serviceType: string;
}

function modelOf(filters: CaseloadFilters): FiltersModel {
  return {
    search: filters.search,
    status: filters.status ?? '',
    adviser: filters.adviser ?? '',
    region: filters.region ?? '',
    serviceType: filters.serviceType ?? '',
  };
}

/** The filters a submitted form asks for. */
export function filtersFrom(model: FiltersModel): CaseloadFilters {
  return {
    search: model.search.trim(),
    status: isOneOf(PROVIDER_STATUSES, model.status) ? model.status : null,
    adviser: model.adviser || null,
    region: isOneOf(ENGLISH_REGIONS, model.region) ? model.region : null,
    serviceType: isOneOf(SERVICE_TYPES, model.serviceType) ? model.serviceType : null,
  };
}

const STATUS_OPTIONS = labelledOptions(PROVIDER_STATUSES, PROVIDER_STATUS_LABELS);
const REGION_OPTIONS: SelectOption[] = ENGLISH_REGIONS.map((region) => ({ value: region, label: region }));
const SERVICE_TYPE_OPTIONS = labelledOptions(SERVICE_TYPES, SERVICE_TYPE_LABELS);

/**
 * The caseload's filters, as a search form: nothing changes until "Apply filters", which asks the page
 * to show them (in the address). The fields follow the address, so Back shows the filters it goes to.
 */
@Component({
  selector: 'dspt-caseload-filters',
  imports: [FilterActions, SelectField, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form role="search" aria-label="Filter the caseload" data-testid="caseload-filters" (submit)="submit($event)">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-third">
          <dspt-text-field
            label="Name or ODS code"
            controlId="filter-search"
            type="search"
            autocomplete="off"
            [spellcheck]="false"
            [field]="filtersForm.search"
          />
        </div>
        <div class="nhsuk-grid-column-one-third">
          <dspt-select-field
            label="Status"
            controlId="filter-status"
            placeholder="Any status"
            [options]="statusOptions"
            [field]="filtersForm.status"
          />
        </div>
        <div class="nhsuk-grid-column-one-third">
          <dspt-select-field
            label="Adviser"
            controlId="filter-adviser"
            placeholder="Any adviser"
            [options]="adviserChoices()"
            [field]="filtersForm.adviser"
          />
        </div>
      </div>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-third">
          <dspt-select-field
            label="Region"
            controlId="filter-region"
            placeholder="Any region"
            [options]="regionOptions"
            [field]="filtersForm.region"
          />
        </div>
        <div class="nhsuk-grid-column-one-third">
          <dspt-select-field
            label="Type of service"
            controlId="filter-service-type"
            placeholder="Any type of service"
            [options]="serviceTypeOptions"
            [field]="filtersForm.serviceType"
          />
        </div>
      </div>
      <dspt-filter-actions [canClear]="canClear()" (cleared)="cleared.emit()" />
    </form>
  `,
})
export class CaseloadFiltersForm {
  readonly filters = input.required<CaseloadFilters>();
  /** The LSP's advisers. */
  readonly advisers = input.required<readonly SelectOption[]>();
  /** Some filter is on. */
  readonly canClear = input(false);
  readonly applied = output<CaseloadFilters>();
  readonly cleared = output<void>();

  protected readonly statusOptions = STATUS_OPTIONS;
  protected readonly regionOptions = REGION_OPTIONS;
  protected readonly serviceTypeOptions = SERVICE_TYPE_OPTIONS;
  protected readonly adviserChoices = computed(() => [{ value: 'none', label: 'Unassigned' }, ...this.advisers()]);
  private readonly model = linkedSignal(() => modelOf(this.filters()));
  protected readonly filtersForm = form(this.model);

  protected submit(event: Event): void {
    event.preventDefault();
    this.applied.emit(filtersFrom(this.model()));
  }
}
