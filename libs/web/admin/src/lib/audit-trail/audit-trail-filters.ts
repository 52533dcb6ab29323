import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { FormField, form, maxLength, validate } from '@angular/forms/signals';
import { AUDIT_ACTIONS, AUDIT_ACTION_WORDS } from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';
import {
  DateField,
  ErrorSummary,
  FilterActions,
  FormDirective,
  FormSubmission,
  SelectField,
  type SelectOption,
  TextField,
  isRealDay,
  realDate,
} from '@dspt/web/ui';
import type { AuditTrailFilters } from './audit-trail-query';

interface FiltersModel {
  actor: string;
  action: string;
  from: string;
  to: string;
}

const ACTION_OPTIONS: SelectOption[] = AUDIT_ACTIONS.map((action) => ({
  value: action,
  label: AUDIT_ACTION_WORDS[action],
})).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

/** Phones start with the filters folded away, under the list's heading; wider screens show them. */
const PHONE = '(max-width: 40.0525em)';

function startsOpen(): boolean {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function' || !window.matchMedia(PHONE).matches;
}

/**
 * The audit trail's search form: who (part of an email address), what (an action) and when (a period,
 * in the NHS date input). Nothing changes until "Apply filters"; dates are checked first, in words.
 */
@Component({
  selector: 'dspt-audit-trail-filters',
  imports: [DateField, ErrorSummary, FilterActions, FormDirective, FormField, SelectField, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="nhsuk-details" [open]="open" data-testid="audit-filters-details">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">Filter the audit trail</span>
      </summary>
      <div class="nhsuk-details__text">
        <dspt-error-summary [source]="submission" />
        <form [dsptForm]="submission" role="search" aria-label="Filter the audit trail" data-testid="audit-filters">
          <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
              <dspt-text-field
                label="Who"
                controlId="audit-actor"
                hint="Part of their email address"
                type="search"
                autocomplete="off"
                [spellcheck]="false"
                [field]="filtersForm.actor"
              />
            </div>
            <div class="nhsuk-grid-column-one-half">
              <dspt-select-field
                label="What"
                controlId="audit-action"
                placeholder="Anything"
                [options]="actionOptions"
                [field]="filtersForm.action"
              />
            </div>
          </div>
          <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-one-half">
              <dspt-date-field
                legend="From"
                controlId="audit-from"
                hint="For example, 1 4 2026"
                [formField]="filtersForm.from"
              />
            </div>
            <div class="nhsuk-grid-column-one-half">
              <dspt-date-field
                legend="To"
                controlId="audit-to"
                hint="Included in the search"
                [formField]="filtersForm.to"
              />
            </div>
          </div>
          <dspt-filter-actions [canClear]="canClear()" (cleared)="cleared.emit()" />
        </form>
      </div>
    </details>
  `,
})
export class AuditTrailFiltersForm {
  readonly filters = input.required<AuditTrailFilters>();
  readonly canClear = input(false);
  readonly applied = output<AuditTrailFilters>();
  readonly cleared = output<void>();

  protected readonly open = startsOpen();
  protected readonly actionOptions = ACTION_OPTIONS;
  private readonly model = linkedSignal<FiltersModel>(() => {
    const { actor, action, from, to } = this.filters();
    return { actor, action: action ?? '', from, to };
  });
  protected readonly filtersForm = form(this.model, (path) => {
    maxLength(path.actor, 254, { message: 'Who must be 254 characters or fewer' });
    realDate(path.from, 'From');
    realDate(path.to, 'To');
    validate(path.to, ({ value, valueOf }) =>
      isRealDay(value()) && isRealDay(valueOf(path.from)) && value() < valueOf(path.from)
        ? { kind: 'period', message: 'To must be the same day as From or later' }
        : undefined,
    );
  });
  protected readonly submission = new FormSubmission(this.filtersForm, async (model) => {
    this.applied.emit({
      actor: model.actor.trim(),
      action: isOneOf(AUDIT_ACTIONS, model.action) ? model.action : null,
      from: model.from,
      to: model.to,
      providerId: this.filters().providerId,
    });
  });
}
