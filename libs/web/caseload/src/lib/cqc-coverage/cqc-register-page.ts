import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import type { ImportProgress } from '@dspt/contracts';
import { PortalDatePipe, counted, wholeNumber } from '@dspt/web/core';
import {
  ErrorSummary,
  FocusOnRender,
  FormSubmission,
  LoadingState,
  NotificationBanner,
  registerFileRules,
  type SpreadsheetFileModel,
  UploadForm,
} from '@dspt/web/ui';
import { CoverageApi } from '../api/coverage.api';
import { importStage } from '../import/import-progress';

/**
 * `/admin/cqc-register` (system admins): upload CQC's "HSCA Active Locations" file (CSV, XLSX or ODS as
 * CQC publishes it). Adult social care locations replace the register; a large file's progress shows
 * while it imports in the background.
 */
@Component({
  selector: 'dspt-cqc-register-page',
  imports: [ErrorSummary, FocusOnRender, LoadingState, NotificationBanner, PortalDatePipe, UploadForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    @if (outcome(); as done) {
      <dspt-notification-banner variant="success">
        <p class="nhsuk-notification-banner__heading" dsptFocusOnRender data-testid="register-result">{{ done }}</p>
      </dspt-notification-banner>
    }
    <h1>CQC register</h1>
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <p>
          The CQC publishes every active regulated location in England each month as "HSCA Active Locations". Upload it
          here as CQC publishes it (ODS), or as CSV or XLSX. The portal keeps the adult social care locations: care
          homes, and locations whose primary inspection category is residential social care or community based adult
          social care services. Each LSP's coverage is measured against them.
        </p>
        @if (register.hasValue()) {
          @let held = register.value();
          <dl class="nhsuk-summary-list" data-testid="register-summary">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Locations held</dt>
              <dd class="nhsuk-summary-list__value">{{ number(held.locations) }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Local authorities</dt>
              <dd class="nhsuk-summary-list__value">{{ number(held.localAuthorities.length) }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Last imported</dt>
              <dd class="nhsuk-summary-list__value">
                {{ held.updatedAt ? (held.updatedAt | portalDate: 'dateTime') : 'Never' }}
              </dd>
            </div>
          </dl>
        } @else {
          <dspt-loading-state what="register" [error]="register.error()" />
        }

        <h2>Upload the register</h2>
        <p>The new file replaces the register. If any kept row has a problem, nothing is imported.</p>
        <dspt-upload-form
          testId="register"
          label="Upload an ODS, CSV or XLSX file"
          controlId="register-file"
          hint="Up to 64 MB. Large files import in the background: this page shows how far it has got."
          submitLabel="Import the register"
          readingText="Uploading and reading the file…"
          [accept]="accept"
          [submission]="submission"
          [field]="uploadForm.file"
          [stage]="stage()"
        />
      </div>
    </div>
  `,
})
export class CqcRegisterPage {
  private readonly api = inject(CoverageApi);
  private readonly stop = new AbortController();

  protected readonly accept = '.ods,.csv,.xlsx,application/vnd.oasis.opendocument.spreadsheet,text/csv';
  protected readonly register = this.api.registerResource();
  protected readonly uploadForm = form(signal<SpreadsheetFileModel>({ file: null }), registerFileRules);
  protected readonly submission = new FormSubmission(this.uploadForm, ({ file }) => this.import(file), {
    problemField: this.uploadForm.file,
  });
  protected readonly outcome = signal<string | null>(null);
  private readonly progress = signal<ImportProgress | null>(null);
  protected readonly stage = computed(() => {
    const progress = this.progress();
    return progress ? importStage(progress) : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop.abort());
  }

  protected number(value: number): string {
    return wholeNumber.format(value);
  }

  private async import(file: File | null): Promise<void> {
    if (!file) {
      return;
    }
    this.outcome.set(null);
    try {
      const result = await this.api.importRegister(file, {
        progress: (progress) => this.progress.set(progress),
        signal: this.stop.signal,
      });
      this.outcome.set(
        `${file.name} was imported: ${counted(result.rows, 'row')} read, ` +
          `${counted(result.kept, 'adult social care location')} kept; the register holds ${wholeNumber.format(result.locations)}.`,
      );
      this.submission.reset({ file: null });
      this.register.reload();
    } finally {
      this.progress.set(null);
    }
  }
}
