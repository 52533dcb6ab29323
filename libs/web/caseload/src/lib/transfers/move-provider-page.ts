import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { TransferRequestView } from '@dspt/contracts';
import {
  ErrorSummary,
  FocusOnRender,
  FormDirective,
  FormSubmission,
  LoadingState,
  SelectField,
  type SelectOption,
  TextareaField,
} from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { TransfersApi } from '../api/transfers.api';

/**
 * `/lsp/:slug/providers/:providerId/move` (LSP admins): offer a provider that moved area to another LSP.
 * That LSP accepts or declines on its Transfers page; until then nothing moves and it sees only the
 * provider's name, ODS code, branch count and the note written here.
 */
@Component({
  selector: 'dspt-move-provider-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, LoadingState, RouterLink, SelectField, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (offered(); as request) {
      <div class="nhsuk-panel" data-testid="offer-done">
        <h1 class="nhsuk-panel__title" tabindex="-1" dsptFocusOnRender>
          {{ request.provider.name }} was offered to {{ request.to.name }}
        </h1>
        <div class="nhsuk-panel__body">It stays in your caseload until {{ request.to.name }} accepts.</div>
      </div>
      <p><a [routerLink]="['/lsp', slug(), 'transfers']">See your transfers</a></p>
      <p><a [routerLink]="['/lsp', slug(), 'providers', providerId()]">Back to the provider</a></p>
    } @else {
      <a class="nhsuk-back-link" [routerLink]="['/lsp', slug(), 'providers', providerId()]">Back to the provider</a>
      @if (provider.hasValue() && lsps.hasValue()) {
        @let current = provider.value();
        <dspt-error-summary [source]="submission" />
        <span class="nhsuk-caption-l">{{ current.name }} ({{ current.odsCode }})</span>
        <h1>Move {{ current.name }} to another LSP</h1>
        @if (current.kind === 'branch') {
          <p data-testid="branch-moves-with-hq">
            A branch moves with its HQ.
            @if (current.parent) {
              <a [routerLink]="['/lsp', slug(), 'providers', current.parent.id, 'move']"
                >Move {{ current.parent.name }} and its branches</a
              >
            }
          </p>
        } @else {
          <p>
            Use this when the provider has moved area. The LSP you choose reads the provider's name, ODS code and your
            note, and accepts or declines. When it accepts, the provider moves there with its whole history (contacts,
            progress, publications, case notes and tasks){{ current.kind === 'hq' ? ', with its branches' : '' }}, and
            leaves your caseload.
          </p>
          <form [dsptForm]="submission" data-testid="offer-form">
            <dspt-select-field
              label="Which LSP should take it?"
              controlId="to-lsp"
              placeholder="Select an LSP"
              [options]="lspOptions()"
              [field]="offerForm.toTenantSlug"
            />
            <dspt-textarea-field
              label="Note for the other LSP"
              controlId="note"
              hint="Why it should move, for example where the provider is now. Up to 500 characters."
              [rows]="4"
              [field]="offerForm.note"
            />
            <div class="nhsuk-button-group">
              <button class="nhsuk-button" type="submit">Send request</button>
              <a class="nhsuk-link" [routerLink]="['/lsp', slug(), 'providers', providerId()]">Cancel</a>
            </div>
          </form>
        }
      } @else {
        <h1>Move to another LSP</h1>
        <dspt-loading-state what="provider" [error]="provider.error() ?? lsps.error()" />
      }
    }
  `,
})
export class MoveProviderPage {
  private readonly caseload = inject(CaseloadApi);
  private readonly transfers = inject(TransfersApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `:providerId` route parameter. */
  readonly providerId = input.required<string>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly provider = this.caseload.providerResource(this.ref);
  protected readonly lsps = this.transfers.otherLspsResource(this.slug);
  protected readonly lspOptions = computed<SelectOption[]>(() =>
    this.lsps.hasValue() ? this.lsps.value().items.map((lsp) => ({ value: lsp.slug, label: lsp.name })) : [],
  );

  protected readonly offerForm = form(signal({ toTenantSlug: '', note: '' }), (path) => {
    required(path.toTenantSlug, { message: 'Select the LSP that should take the provider' });
    required(path.note, { message: 'Enter a note for the other LSP' });
    maxLength(path.note, 500, { message: 'The note must be 500 characters or fewer' });
  });
  protected readonly submission = new FormSubmission(this.offerForm, async (value) => {
    this.offered.set(
      await this.transfers.offer(this.ref(), { toTenantSlug: value.toTenantSlug, note: value.note.trim() }),
    );
  });
  protected readonly offered = signal<TransferRequestView | null>(null);
}
