import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { PROVIDER_IMPORT_MAX_ROWS, PROVIDER_IMPORT_SYNC_LIMIT } from '@dspt/domain';
import { wholeNumber } from '@dspt/web/core';
import {
  ErrorSummary,
  FocusOnRender,
  FormSubmission,
  NotificationBanner,
  type SpreadsheetFileModel,
  spreadsheetFileRules,
  UploadForm,
} from '@dspt/web/ui';
import { ProviderImportsApi } from '../api/provider-imports.api';
import { SPREADSHEET_ACCEPT, type SpreadsheetFormat } from '../api/spreadsheet-upload';
import { lspAccess } from '../lsp-access';
import { importStage, importedProviders } from './import-progress';
import { ProviderSheetGuide } from './provider-sheet-guide';

/**
 * `/lsp/:slug/import` (advisers and admins): providers and their contacts from a CSV or XLSX file, all or
 * nothing. The template to start from; every bad row and column in the error summary, saying nothing was
 * imported; a large file's progress while it imports in the background; the counts once done.
 */
@Component({
  selector: 'dspt-provider-import-page',
  imports: [ErrorSummary, FocusOnRender, NotificationBanner, ProviderSheetGuide, RouterLink, UploadForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="nhsuk-back-link" [routerLink]="['/lsp', slug(), 'caseload']">Back to the caseload</a>
    <dspt-error-summary [source]="submission" />
    @if (outcome(); as done) {
      <dspt-notification-banner variant="success">
        <p class="nhsuk-notification-banner__heading" dsptFocusOnRender data-testid="import-result">
          {{ done.fileName }} was imported: {{ done.summary }}.
        </p>
        <dl class="nhsuk-summary-list" data-testid="import-counts">
          @for (line of done.lines; track line.label) {
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">{{ line.label }}</dt>
              <dd class="nhsuk-summary-list__value">{{ line.value }}</dd>
            </div>
          }
        </dl>
        <p>
          <a class="nhsuk-notification-banner__link" [routerLink]="['/lsp', slug(), 'caseload']">View the caseload</a>
        </p>
      </dspt-notification-banner>
    }
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>Import providers and contacts</h1>

    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <p>
          Add providers and their contacts to the caseload from a spreadsheet, one provider on each row, or update the
          providers already in it: they are matched by ODS code, and their contacts by email address.
        </p>
        <p>
          The file is imported all or nothing. If any row has a problem, nothing is imported, and every problem is
          listed with its row and column so you can correct the file and upload it again.
        </p>

        <h2>Start from the template</h2>
        <p>
          The template has the columns and three example rows (an HQ, one of its branches and a single site). Replace
          them with your providers.
        </p>
        <ul class="nhsuk-list" data-testid="template-links">
          <li><a [href]="templateUrl('xlsx')" download>Download the template as an Excel file (XLSX)</a></li>
          <li><a [href]="templateUrl('csv')" download>Download the template as a CSV file</a></li>
        </ul>
        <details class="nhsuk-details">
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">What goes in each column</span>
          </summary>
          <div class="nhsuk-details__text">
            <p>
              Column names can be in any case. Columns that are not required can be left out. Values can be in any case.
              An exported caseload can be imported as it is.
            </p>
            <dspt-provider-sheet-guide />
          </div>
        </details>

        <h2>Upload your file</h2>
        @if (refusedFile(); as fileName) {
          <div class="nhsuk-inset-text" data-testid="nothing-imported">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Nothing from {{ fileName }} was imported. Correct the problems listed at the top of the page and upload
              the file again.
            </p>
          </div>
        }
        <dspt-upload-form
          testId="import"
          label="Upload a CSV or XLSX file"
          controlId="import-file"
          submitLabel="Import providers"
          readingText="Uploading and checking the file…"
          [hint]="fileHint"
          [accept]="accept"
          [submission]="submission"
          [field]="importForm.file"
          [stage]="stage()"
        />
      </div>
    </div>
  `,
})
export class ProviderImportPage {
  private readonly api = inject(ProviderImportsApi);
  private readonly stop = new AbortController();

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly access = lspAccess(this.slug);
  protected readonly accept = SPREADSHEET_ACCEPT;
  protected readonly fileHint =
    `Up to 10 MB and ${wholeNumber.format(PROVIDER_IMPORT_MAX_ROWS)} rows. ` +
    `Files of more than ${wholeNumber.format(PROVIDER_IMPORT_SYNC_LIMIT)} rows import in the background: this page shows how far it has got.`;
  protected readonly importForm = form(signal<SpreadsheetFileModel>({ file: null }), spreadsheetFileRules);
  protected readonly submission = new FormSubmission(this.importForm, ({ file }) => this.import(file), {
    problemField: this.importForm.file,
  });

  private readonly progress = signal<ImportProgress | null>(null);
  protected readonly stage = computed(() => {
    const progress = this.progress();
    return progress ? importStage(progress) : null;
  });
  protected readonly outcome = signal<{
    fileName: string;
    summary: string;
    lines: { label: string; value: string }[];
  } | null>(null);
  protected readonly refusedFile = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop.abort());
  }

  protected templateUrl(format: SpreadsheetFormat): string {
    return this.api.templateUrl(this.slug(), format);
  }

  private async import(file: File | null): Promise<void> {
    if (!file) {
      return;
    }
    this.outcome.set(null);
    this.refusedFile.set(null);
    try {
      const result = await this.api.importProviders(this.slug(), file, {
        progress: (progress) => this.progress.set(progress),
        signal: this.stop.signal,
      });
      this.outcome.set({ fileName: file.name, summary: importedProviders(result), lines: resultLines(result) });
      this.submission.reset({ file: null });
    } catch (failure: unknown) {
      this.refusedFile.set(file.name);
      throw failure;
    } finally {
      this.progress.set(null);
    }
  }
}

function resultLines(result: ProviderImportResult): { label: string; value: string }[] {
  return [
    { label: 'Rows in the file', value: wholeNumber.format(result.rows) },
    { label: 'Providers added', value: wholeNumber.format(result.created) },
    { label: 'Providers updated', value: wholeNumber.format(result.updated) },
    { label: 'Providers already up to date', value: wholeNumber.format(result.unchanged) },
    { label: 'Contacts added or changed', value: wholeNumber.format(result.contacts) },
  ];
}
