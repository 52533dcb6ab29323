import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { applyWhen, form, required } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { ReconciliationItem } from '@dspt/contracts';
import { PUBLICATION_LEVEL_NAMES, type PublicationLevel, type ReconciliationKind } from '@dspt/domain';
import { PortalDatePipe } from '@dspt/web/core';
import {
  ErrorSummary,
  FocusOnRender,
  FormDirective,
  FormSubmission,
  LoadingState,
  Radios,
  SuccessBanner,
  TextareaField,
} from '@dspt/web/ui';
import { lspAccess } from '../lsp-access';
import { ReconciliationApi } from './reconciliation.api';

const KIND_WORDS: Record<ReconciliationKind, string> = {
  not_on_list: 'Recorded here, not published on the DSPT list',
  different_level: 'A different level on the DSPT list',
  not_in_portal: 'Published on the DSPT list, not recorded here',
};

interface ResolutionModel {
  action: string;
  reason: string;
}

/**
 * `/lsp/:slug/reconciliation`: where the portal and the DSPT's status list disagree for this year. An adviser
 * resolves each: accept the list's value (it replaces the portal's) or keep the portal's, saying why.
 */
@Component({
  selector: 'dspt-reconciliation-page',
  imports: [
    ErrorSummary,
    FocusOnRender,
    FormDirective,
    LoadingState,
    PortalDatePipe,
    Radios,
    RouterLink,
    SuccessBanner,
    TextareaField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>Reconciliation with the DSPT status list</h1>
    <p>
      The DSPT publishes who has published. Where it and the portal disagree for this year, check with the provider and
      resolve each one. Nothing an adviser recorded changes until you do.
    </p>
    @if (list.hasValue()) {
      @if (list.value().items.length === 0) {
        <p data-testid="no-reconciliation">The portal and the DSPT status list agree on all your providers.</p>
      } @else {
        <table class="nhsuk-table-responsive" data-testid="reconciliation-items">
          <caption class="nhsuk-table__caption">
            {{
              list.value().total
            }}
            to resolve for
            {{
              list.value().cycle
            }}
          </caption>
          <thead class="nhsuk-table__head">
            <tr role="row">
              <th role="columnheader" scope="col">Provider</th>
              <th role="columnheader" scope="col">Recorded here</th>
              <th role="columnheader" scope="col">DSPT status list</th>
              <th role="columnheader" scope="col">Disagreement</th>
              @if (access().canWrite) {
                <th role="columnheader" scope="col"><span class="nhsuk-u-visually-hidden">Action</span></th>
              }
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (item of list.value().items; track item.providerId) {
              <tr role="row" class="nhsuk-table__row">
                <td role="cell" class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Provider </span>
                  <a [routerLink]="['/lsp', slug(), 'providers', item.providerId]">{{ item.name }}</a> ({{
                    item.odsCode
                  }})
                </td>
                <td role="cell" class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Recorded here </span>
                  {{ level(item.portal) }}
                </td>
                <td role="cell" class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">DSPT status list </span>
                  {{ item.listStatus }}
                  @if (item.listPublishedOn) {
                    ({{ item.listPublishedOn | portalDate }})
                  }
                </td>
                <td role="cell" class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Disagreement </span>
                  {{ kindWords[item.kind] }}
                </td>
                @if (access().canWrite) {
                  <td role="cell" class="nhsuk-table__cell">
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                      type="button"
                      (click)="choose(item)"
                    >
                      Resolve<span class="nhsuk-u-visually-hidden"> {{ item.name }}</span>
                    </button>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
      @if (selected(); as item) {
        <form [dsptForm]="submission" data-testid="reconciliation-form">
          <h2 tabindex="-1" dsptFocusOnRender>Resolve {{ item.name }}</h2>
          <dspt-radios
            legend="What is right?"
            idPrefix="reconciliation-action"
            [options]="options()"
            [field]="resolutionForm.action"
          />
          <dspt-textarea-field
            label="Why is the portal right? (needed to keep it)"
            controlId="reconciliation-reason"
            hint="For example: the certificate was seen on a visit and the list has not caught up."
            [rows]="3"
            [field]="resolutionForm.reason"
          />
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" type="submit">Save</button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="selected.set(null)">
              Cancel
            </button>
          </div>
        </form>
      }
    } @else {
      <dspt-loading-state what="reconciliation" [error]="list.error()" />
    }
  `,
})
export class ReconciliationPage {
  private readonly api = inject(ReconciliationApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly access = lspAccess(this.slug);
  protected readonly list = this.api.listResource(this.slug);
  protected readonly kindWords = KIND_WORDS;
  protected readonly selected = signal<ReconciliationItem | null>(null);
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);
  protected readonly options = computed(() => {
    const item = this.selected();
    return item
      ? [
          { value: 'accept', label: `The DSPT status list: ${this.level(item.official)}` },
          { value: 'keep', label: `The portal: ${this.level(item.portal)}` },
        ]
      : [];
  });

  protected readonly resolutionForm = form(signal<ResolutionModel>({ action: '', reason: '' }), (path) => {
    required(path.action, { message: 'Select which value is right' });
    applyWhen(
      path.reason,
      ({ valueOf }) => valueOf(path.action) === 'keep',
      (reason) => required(reason, { message: "Enter why the portal's value is right" }),
    );
  });
  protected readonly submission = new FormSubmission(this.resolutionForm, (value) => this.resolve(value));

  protected level(level: PublicationLevel | null): string {
    return level ? PUBLICATION_LEVEL_NAMES[level] : 'Not published';
  }

  protected choose(item: ReconciliationItem): void {
    this.submission.reset({ action: '', reason: '' });
    this.selected.set(item);
  }

  private async resolve({ action, reason }: ResolutionModel): Promise<void> {
    const item = this.selected();
    if (!item) {
      return;
    }
    await this.api.resolve(this.slug(), item.providerId, {
      action: action === 'keep' ? 'keep' : 'accept',
      reason: action === 'keep' ? reason : undefined,
    });
    this.selected.set(null);
    this.confirmation.set(
      action === 'keep'
        ? `${item.name}: the portal's value was kept.`
        : `${item.name}: the DSPT status list's value was accepted.`,
    );
    this.confirmations.update((count) => count + 1);
    this.list.reload();
  }
}
