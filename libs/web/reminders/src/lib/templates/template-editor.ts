import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { form, required } from '@angular/forms/signals';
import type { EmailTemplateInput, EmailTemplateView, RenderedEmailView } from '@dspt/contracts';
import {
  ErrorSummary,
  FocusOnRender,
  FormDirective,
  FormSubmission,
  SelectField,
  type SelectOption,
  TextField,
  TextareaField,
} from '@dspt/web/ui';
import { EmailPreview } from './email-preview';
import { PLACEHOLDER_DESCRIPTIONS, insertAt, placeholderToken } from './placeholders';

/** A provider a template can be previewed with. */
export interface PreviewProvider {
  id: string;
  name: string;
  odsCode: string;
}

/** Fills a draft with data (a provider's, by id, or made-up values) without sending anything. */
export type TemplatePreviewer = (draft: EmailTemplateInput, providerId: string) => Promise<RenderedEmailView>;

interface TemplateModel {
  subject: string;
  body: string;
  providerId: string;
}

const SUBJECT_ID = 'template-subject';
const BODY_ID = 'template-body';
const BODY_HINT =
  'Plain text: leave a blank line between paragraphs; web addresses become links. Reminder and guidance emails end ' +
  'with a line saying why the contact gets them and the unsubscribe link, whatever the template says.';

/**
 * Edits one email template: its subject and body, with the placeholders it may use listed beside it and
 * inserted where the cursor was. Save stores it; Preview fills the draft in (with a chosen provider's
 * data, or made-up values) and shows the HTML and plain-text parts. An unknown placeholder, from the
 * API or the same rules checked here, shows on its field.
 */
@Component({
  selector: 'dspt-template-editor',
  imports: [EmailPreview, ErrorSummary, FocusOnRender, FormDirective, SelectField, TextField, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-placeholders li {
      margin-bottom: 0.75rem;
    }
    .dspt-placeholders button {
      margin-bottom: 0.25rem;
      font-family: monospace;
    }
  `,
  template: `
    <dspt-error-summary [source]="submission" />
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <form [dsptForm]="submission" data-testid="template-form" (focusin)="remember($event)">
          <dspt-text-field label="Subject" [controlId]="subjectId" [field]="templateForm.subject" />
          <dspt-textarea-field
            label="Body"
            [controlId]="bodyId"
            [hint]="bodyHint"
            [rows]="16"
            [field]="templateForm.body"
          />
          @if (previewProviders() !== null) {
            <dspt-select-field
              label="Preview with the data of"
              controlId="template-preview-provider"
              hint="The first 100 providers, A to Z. Nothing is sent."
              placeholder="Select a provider"
              [options]="providerOptions()"
              [field]="templateForm.providerId"
            />
          }
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" type="submit" [disabled]="submission.submitting()" (click)="intent = 'save'">
              {{ saveLabel() }}
            </button>
            <button
              class="nhsuk-button nhsuk-button--secondary"
              type="submit"
              [disabled]="submission.submitting()"
              (click)="intent = 'preview'"
            >
              Preview
            </button>
          </div>
        </form>
      </div>
      <div class="nhsuk-grid-column-one-third">
        <h3 id="placeholders-heading">Placeholders</h3>
        <p class="nhsuk-body-s">Select one to put it where the cursor is in the subject or body.</p>
        <ul class="nhsuk-list dspt-placeholders" aria-labelledby="placeholders-heading" data-testid="placeholders">
          @for (name of template().placeholders; track name) {
            <li>
              <button
                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                type="button"
                (click)="insert(name)"
              >
                <span class="nhsuk-u-visually-hidden">Insert </span>{{ token(name) }}
              </button>
              <br /><span class="nhsuk-body-s">{{ description(name) }}</span>
            </li>
          }
        </ul>
      </div>
    </div>
    <p class="nhsuk-u-visually-hidden" role="status">{{ previewStatus() }}</p>
    @if (preview(); as email) {
      <h2 dsptFocusOnRender>Preview</h2>
      <p>{{ previewNote() }}</p>
      <dspt-email-preview [email]="email" />
    }
  `,
})
export class TemplateEditor {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  readonly template = input.required<EmailTemplateView>();
  /** Saves the wording (the LSP's own, or the default) and answers what was saved. */
  readonly saveTemplate = input.required<(input: EmailTemplateInput) => Promise<EmailTemplateView>>();
  readonly previewTemplate = input.required<TemplatePreviewer>();
  /** Providers to preview with; null when the preview uses made-up values. */
  readonly previewProviders = input<readonly PreviewProvider[] | null>(null);
  readonly saveLabel = input('Save');
  readonly saved = output<EmailTemplateView>();

  protected readonly subjectId = SUBJECT_ID;
  protected readonly bodyId = BODY_ID;
  protected readonly bodyHint = BODY_HINT;
  protected readonly token = placeholderToken;
  protected readonly templateForm = form(signal<TemplateModel>({ subject: '', body: '', providerId: '' }), (path) => {
    required(path.subject, { message: 'Enter the subject' });
    required(path.body, { message: 'Enter the body' });
  });
  protected readonly submission = new FormSubmission(this.templateForm, (value) => this.submitted(value));
  protected readonly providerOptions = computed<SelectOption[]>(() =>
    (this.previewProviders() ?? []).map((provider) => ({
      value: provider.id,
      label: `${provider.name} (${provider.odsCode})`,
    })),
  );
  protected readonly preview = signal<RenderedEmailView | null>(null);
  protected readonly previewStatus = signal('');
  protected readonly previewNote = computed(() =>
    this.previewProviders() === null
      ? 'Filled in with made-up values. Nothing was saved or sent.'
      : "Filled in with the provider's data as it is now. Nothing was saved or sent.",
  );
  /** Which button submitted the form: set by its click, which comes before the submit. */
  protected intent: 'save' | 'preview' = 'save';
  /** The field placeholders go into: the subject or body that last had focus. */
  private target = BODY_ID;

  constructor() {
    // Another template, or the one just saved: its wording in the form, and no preview of the old one.
    effect(() => {
      const { subject, body } = this.template();
      untracked(() => {
        this.submission.reset({ subject, body, providerId: this.templateForm.providerId().value() });
        this.preview.set(null);
        this.previewStatus.set('');
      });
    });
    // The first provider is chosen once they have loaded.
    effect(() => {
      const [first] = this.previewProviders() ?? [];
      if (first && !untracked(() => this.templateForm.providerId().value())) {
        untracked(() => this.templateForm.providerId().value.set(first.id));
      }
    });
  }

  protected description(name: string): string {
    return PLACEHOLDER_DESCRIPTIONS[name as keyof typeof PLACEHOLDER_DESCRIPTIONS] ?? '';
  }

  protected remember(event: FocusEvent): void {
    const id = (event.target as HTMLElement | null)?.id;
    if (id === SUBJECT_ID || id === BODY_ID) {
      this.target = id;
    }
  }

  /** Puts `{{name}}` where the cursor was in the subject or body (the body until one had focus). */
  protected insert(name: string): void {
    const field = this.target === SUBJECT_ID ? this.templateForm.subject : this.templateForm.body;
    const control = this.document.getElementById(this.target) as HTMLInputElement | HTMLTextAreaElement | null;
    const current = field().value();
    const start = control?.selectionStart ?? current.length;
    const { text, cursor } = insertAt(current, placeholderToken(name), start, control?.selectionEnd ?? start);
    field().value.set(text);
    field().markAsDirty();
    afterNextRender(
      () => {
        control?.focus();
        control?.setSelectionRange(cursor, cursor);
      },
      { injector: this.injector },
    );
  }

  private async submitted({ subject, body, providerId }: TemplateModel): Promise<void> {
    const intent = this.intent;
    this.intent = 'save';
    const draft: EmailTemplateInput = { key: this.template().key, subject, body };
    if (intent === 'preview') {
      this.previewStatus.set('');
      this.preview.set(await this.previewTemplate()(draft, providerId));
      this.previewStatus.set(`Preview of "${this.preview()?.subject}" below.`);
      return;
    }
    this.saved.emit(await this.saveTemplate()(draft));
  }
}
