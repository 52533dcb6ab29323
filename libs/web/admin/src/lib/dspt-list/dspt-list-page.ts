import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormField, form } from '@angular/forms/signals';
import type { DsptListImportResult, DsptListRun } from '@dspt/contracts';
import type { DsptListMapping } from '@dspt/domain';
import { PortalDatePipe } from '@dspt/web/core';
import {
  DateField,
  ErrorSummary,
  FileField,
  FormDirective,
  FormSubmission,
  LoadingState,
  type SpreadsheetFileModel,
  SuccessBanner,
  realDate,
  spreadsheetFileRules,
} from '@dspt/web/ui';
import { DsptListApi } from './dspt-list.api';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIELD_NAMES: Record<keyof DsptListMapping, string> = {
  code: 'Organisation code',
  name: 'Organisation name',
  status: 'Status',
  date: 'Date published',
};

interface UploadModel extends SpreadsheetFileModel {
  listDate: string;
}

/**
 * `/admin/dspt-status` (system admins): upload the DSPT's organisation status list, see the columns it was
 * read by, its counts and any status the portal does not know, and the last imports and scheduled fetches.
 */
@Component({
  selector: 'dspt-dspt-list-page',
  imports: [
    DatePipe,
    DateField,
    ErrorSummary,
    FileField,
    FormDirective,
    FormField,
    LoadingState,
    PortalDatePipe,
    SuccessBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>DSPT status list</h1>
        <p>
          Upload the spreadsheet of organisations and their status downloaded from the DSPT's organisation search.
          Publications it shows for this year are recorded for the LSPs' providers; where the portal and the list
          disagree, the LSP gets a list to reconcile. Nothing an adviser recorded is changed.
        </p>
        <form [dsptForm]="submission" data-testid="dspt-list-upload-form">
          <dspt-file-field
            label="Upload the status list (CSV or XLSX)"
            controlId="dspt-list-file"
            hint="Columns are found by their names: organisation code and status are needed; name and date published are read when there."
            [accept]="accept"
            [field]="uploadForm.file"
          />
          <dspt-date-field
            legend="When was the list downloaded? (optional)"
            controlId="dspt-list-date"
            hint="An older list never replaces a newer one. Leave it empty to use today."
            [formField]="uploadForm.listDate"
          />
          <button class="nhsuk-button" type="submit">Import list</button>
        </form>

        @if (result(); as done) {
          <h2>Last upload</h2>
          <dl class="nhsuk-summary-list" data-testid="dspt-list-result">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Rows</dt>
              <dd class="nhsuk-summary-list__value">{{ done.rows }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Matched to providers</dt>
              <dd class="nhsuk-summary-list__value">
                {{ done.matched }} ({{ done.unmatched }} not supported by any LSP)
              </dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Publications recorded</dt>
              <dd class="nhsuk-summary-list__value">{{ done.publicationsRecorded }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">To reconcile</dt>
              <dd class="nhsuk-summary-list__value">{{ done.discrepancies }}</dd>
            </div>
          </dl>
          <h3>Columns used</h3>
          <dl class="nhsuk-summary-list" data-testid="dspt-list-mapping">
            @for (field of fields; track field) {
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{{ fieldNames[field] }}</dt>
                <dd class="nhsuk-summary-list__value">{{ done.mapping[field] ?? 'Not in the file' }}</dd>
              </div>
            }
          </dl>
          @if (done.unknownStatuses.length > 0) {
            <div class="nhsuk-warning-callout" data-testid="dspt-list-unknown">
              <h3 class="nhsuk-warning-callout__label">Statuses not imported</h3>
              <p>These values are not DSPT statuses the portal knows, so their rows were left out:</p>
              <ul>
                @for (unknown of done.unknownStatuses; track unknown.value) {
                  <li>
                    "{{ unknown.value }}" on {{ unknown.rows.length }} row{{ unknown.rows.length === 1 ? '' : 's' }}
                  </li>
                }
              </ul>
            </div>
          }
        }

        <h2>Imports and scheduled fetches</h2>
        @if (runs.hasValue()) {
          <p data-testid="dspt-list-schedule">
            @if (runs.value().scheduled.enabled) {
              The list is fetched from {{ runs.value().scheduled.url }} on the schedule
              {{ runs.value().scheduled.cron }}.
            } @else {
              No scheduled fetch: set <code>DSPT_LIST_URL</code> to fetch the list automatically.
            }
            The portal holds {{ runs.value().entries }} organisations from the list.
          </p>
          @if (runs.value().items.length === 0) {
            <p>The list has not been imported yet.</p>
          } @else {
            <table class="nhsuk-table-responsive" data-testid="dspt-list-runs">
              <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
                Recent imports
              </caption>
              <thead class="nhsuk-table__head">
                <tr role="row">
                  @for (heading of runHeadings; track heading) {
                    <th role="columnheader" scope="col">{{ heading }}</th>
                  }
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                @for (run of runs.value().items; track run.id) {
                  <tr role="row" class="nhsuk-table__row">
                    <td role="cell" class="nhsuk-table__cell">
                      <span class="nhsuk-table-responsive__heading" aria-hidden="true">When </span>
                      {{ run.at | portalDate }} {{ run.at | date: 'HH:mm' : 'Europe/London' }}
                    </td>
                    <td role="cell" class="nhsuk-table__cell">
                      <span class="nhsuk-table-responsive__heading" aria-hidden="true">How </span>
                      {{ run.source === 'scheduled' ? 'Scheduled fetch' : 'Upload' }}
                    </td>
                    @if (run.error) {
                      <td role="cell" class="nhsuk-table__cell" colspan="4">
                        <span class="nhsuk-table-responsive__heading" aria-hidden="true">Result </span>
                        Failed: {{ run.error }}
                      </td>
                    } @else {
                      @for (figure of figures(run); track figure.label) {
                        <td role="cell" class="nhsuk-table__cell">
                          <span class="nhsuk-table-responsive__heading" aria-hidden="true">{{ figure.label }} </span>
                          {{ figure.value }}
                        </td>
                      }
                    }
                  </tr>
                }
              </tbody>
            </table>
          }
        } @else {
          <dspt-loading-state what="imports" [error]="runs.error()" />
        }
      </div>
    </div>
  `,
})
export class DsptListPage {
  private readonly api = inject(DsptListApi);

  protected readonly accept = ACCEPT;
  protected readonly fields = Object.keys(FIELD_NAMES) as Array<keyof DsptListMapping>;
  protected readonly fieldNames = FIELD_NAMES;
  protected readonly runs = this.api.runsResource();
  protected readonly runHeadings = ['When', 'How', 'Rows', 'Matched', 'Recorded', 'To reconcile'];
  protected readonly result = signal<DsptListImportResult | null>(null);
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);

  protected readonly uploadForm = form(signal<UploadModel>({ file: null, listDate: '' }), (path) => {
    spreadsheetFileRules(path);
    realDate(path.listDate, 'Date downloaded');
  });
  protected readonly submission = new FormSubmission(this.uploadForm, (value) => this.upload(value), {
    problemField: this.uploadForm.file,
  });

  protected figures(run: DsptListRun): Array<{ label: string; value: number }> {
    return [
      { label: 'Rows', value: run.rows },
      { label: 'Matched', value: run.matched },
      { label: 'Recorded', value: run.publicationsRecorded },
      { label: 'To reconcile', value: run.discrepancies },
    ];
  }

  private async upload({ file, listDate }: UploadModel): Promise<void> {
    if (!file) {
      return;
    }
    this.confirmation.set(null);
    const answer = await this.api.upload(file, listDate);
    if ('statusUrl' in answer) {
      this.result.set(null);
      this.confirmation.set(`The list has ${answer.total} rows: it is being imported in the background.`);
    } else {
      this.result.set(answer);
      this.confirmation.set(
        answer.alreadyImported
          ? 'This file was imported before: nothing changed.'
          : `The list was imported: ${answer.publicationsRecorded} publications recorded, ${answer.discrepancies} to reconcile.`,
      );
    }
    this.confirmations.update((count) => count + 1);
    this.submission.reset({ file: null, listDate: '' });
    this.runs.reload();
  }
}
