import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import type { StatisticsOptions } from '@dspt/contracts';
import { ENGLISH_REGIONS, SERVICE_TYPE_LABELS, SERVICE_TYPES, SIZE_BAND_LABELS, SIZE_BANDS } from '@dspt/domain';
import {
  BREAKDOWNS,
  type Breakdown,
  DEFAULT_BREAKDOWN,
  type StatisticsQuery,
  statisticsQueryFrom,
} from './statistics-query';

interface Choice {
  value: string;
  label: string;
}

interface Filter {
  name: keyof StatisticsQuery;
  label: string;
  any: string | null;
  choices: Choice[];
}

export const BREAKDOWN_LABELS: Readonly<Record<Breakdown, string>> = {
  serviceType: 'Type of service',
  sizeBand: 'Size',
  localAuthority: 'Local authority',
};

/**
 * The page's filters as one form: choosing changes nothing until "Apply filters", which puts the choices
 * in the address (so the view can be shared, and Back undoes it).
 */
@Component({
  selector: 'dspt-statistics-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      align-items: flex-end;
    }
    .dspt-filters .nhsuk-form-group {
      min-width: 14rem;
    }
  `,
  template: `
    <form class="nhsuk-u-margin-bottom-6" data-testid="statistics-filters" (submit)="apply($event)" novalidate>
      <fieldset class="nhsuk-fieldset">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Filter the statistics</legend>
        <div class="dspt-filters">
          @for (filter of filters(); track filter.name) {
            <div class="nhsuk-form-group">
              <label class="nhsuk-label" [for]="'stats-' + filter.name">{{ filter.label }}</label>
              <select
                class="nhsuk-select"
                [id]="'stats-' + filter.name"
                [name]="filter.name"
                (change)="choose(filter.name, $event)"
              >
                @if (filter.any !== null) {
                  <option value="" [selected]="!value(filter.name)">{{ filter.any }}</option>
                }
                @for (choice of filter.choices; track choice.value) {
                  <option [value]="choice.value" [selected]="value(filter.name) === choice.value">
                    {{ choice.label }}
                  </option>
                }
              </select>
            </div>
          }
        </div>
      </fieldset>
      <div class="nhsuk-button-group">
        <button type="submit" class="nhsuk-button">Apply filters</button>
        @if (canClear()) {
          <button type="button" class="nhsuk-button nhsuk-button--secondary" (click)="cleared.emit()">
            Clear filters
          </button>
        }
      </div>
    </form>
  `,
})
export class StatisticsFilters {
  readonly query = input.required<StatisticsQuery>();
  readonly options = input.required<StatisticsOptions>();
  /** Programme leads filter by LSP; an LSP's own page has none. */
  readonly byLsp = input(false);
  readonly canClear = input(false);
  readonly applied = output<StatisticsQuery>();
  readonly cleared = output<void>();

  /** The choices made since the query last changed. */
  private readonly draft = linkedSignal<StatisticsQuery, Record<string, string>>({
    source: this.query,
    computation: (query) =>
      Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string>,
  });

  protected readonly filters = computed<Filter[]>(() => {
    const options = this.options();
    const region = this.draft()['region'];
    return [
      {
        name: 'cycle',
        label: 'Assessment cycle',
        any: null,
        choices: options.cycles.map((cycle) => ({ value: cycle.code, label: cycle.code })),
      },
      {
        name: 'region',
        label: 'Region',
        any: 'All regions',
        choices: ENGLISH_REGIONS.map((value) => ({ value, label: value })),
      },
      ...(this.byLsp()
        ? [
            {
              name: 'tenant' as const,
              label: 'LSP',
              any: 'All LSPs',
              choices: options.tenants
                .filter((tenant) => !region || tenant.region === region)
                .map((tenant) => ({ value: tenant.slug, label: tenant.name })),
            },
          ]
        : []),
      {
        name: 'serviceType',
        label: 'Type of service',
        any: 'All types',
        choices: SERVICE_TYPES.map((value) => ({ value, label: SERVICE_TYPE_LABELS[value] })),
      },
      {
        name: 'sizeBand',
        label: 'Size',
        any: 'All sizes',
        choices: SIZE_BANDS.map((value) => ({ value, label: SIZE_BAND_LABELS[value] })),
      },
      {
        name: 'localAuthority',
        label: 'Local authority',
        any: 'All local authorities',
        choices: options.localAuthorities
          .filter((authority) => !region || authority.region === region)
          .map((authority) => ({ value: authority.name, label: authority.name })),
      },
      {
        name: 'breakdown',
        label: 'Break the last table down by',
        any: null,
        choices: BREAKDOWNS.map((value) => ({ value, label: BREAKDOWN_LABELS[value] })),
      },
    ];
  });

  protected value(name: keyof StatisticsQuery): string | undefined {
    return (
      this.draft()[name] ??
      (name === 'cycle' ? this.options().currentCycle : name === 'breakdown' ? DEFAULT_BREAKDOWN : undefined)
    );
  }

  protected choose(name: keyof StatisticsQuery, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.draft.update((draft) => ({ ...draft, [name]: value }));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    // The current cycle is the default: it stays out of the address.
    const chosen: Record<string, string> = {
      ...draft,
      cycle: draft['cycle'] === this.options().currentCycle ? '' : draft['cycle'],
    };
    this.applied.emit(statisticsQueryFrom({ get: (name: string) => chosen[name] || null }));
  }
}
