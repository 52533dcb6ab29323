import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { EmailSettings, EmailTemplateInput, EmailTemplateView, RenderedEmailView } from '@dspt/contracts';
import { ActionProblems, ConfirmationCard, ErrorSummary, LoadingState, SuccessBanner, Tag } from '@dspt/web/ui';
import { EmailTemplatesApi } from '../api/email-templates.api';
import { EMAIL_TEMPLATE_DESCRIPTIONS, EMAIL_TEMPLATE_LABELS } from '../email-labels';
import { lspRole } from '../lsp-role';
import { exampleEmail } from './example-email';
import { ReplyToForm } from './reply-to-form';
import { TemplateChoice, chosenTemplate } from './template-choice';
import { TemplateEditor, type PreviewProvider } from './template-editor';
import { PortalDatePipe } from '@dspt/web/core';

/**
 * `/lsp/:slug/email-templates?template=` (LSP admins): the LSP's own wording of each email, or the
 * default; previews with one of its providers' data (the invitation with made-up values); going back
 * to the default; and where replies go.
 */
@Component({
  selector: 'dspt-lsp-email-templates-page',
  imports: [
    ConfirmationCard,
    PortalDatePipe,
    ErrorSummary,
    LoadingState,
    ReplyToForm,
    SuccessBanner,
    Tag,
    TemplateChoice,
    TemplateEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner testId="template-confirmation" [message]="confirmation()" />
    <dspt-error-summary [source]="problems" />
    <span class="nhsuk-caption-l">{{ role().name }}</span>
    <h1>Email templates</h1>
    <dspt-template-choice [current]="key()" />
    @if (current(); as template) {
      <h2>{{ labels[template.key] }}</h2>
      <p>{{ descriptions[template.key] }}</p>
      <p data-testid="template-source">
        @if (template.isOverride) {
          <dspt-tag colour="blue">{{ role().name }}'s own wording</dspt-tag>
          @if (template.updatedAt) {
            saved {{ template.updatedAt | portalDate: 'dateTime' }}
          }
        } @else {
          <dspt-tag colour="grey">Default wording</dspt-tag> Saving makes it {{ role().name }}'s own.
        }
      </p>
      <dspt-template-editor
        [template]="template"
        [saveTemplate]="save"
        [previewTemplate]="preview"
        [previewProviders]="template.key === 'invitation' ? null : providers()"
        (saved)="saved($event)"
      />
      @if (template.isOverride) {
        @if (confirmingReset()) {
          <dspt-confirmation-card
            [heading]="'Go back to the default ' + labels[template.key].toLowerCase() + '?'"
            description="Your own subject and body are deleted, and emails use the portal's default wording again."
            confirmLabel="Yes, use the default wording"
            (confirmed)="reset(template)"
            (cancelled)="confirmingReset.set(false)"
          />
        } @else {
          <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="confirmingReset.set(true)">
            Go back to the default wording
          </button>
        }
      }
    } @else {
      <dspt-loading-state what="templates" [error]="templates.error()" />
    }

    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h2>Replies</h2>
        @if (settings.hasValue()) {
          <dspt-reply-to-form [slug]="slug()" [settings]="settings.value()" (saved)="settingsSaved($event)" />
        } @else {
          <dspt-loading-state what="reply address" [error]="settings.error()" />
        }
      </div>
    </div>
  `,
})
export class LspEmailTemplatesPage {
  private readonly api = inject(EmailTemplatesApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** `?template=`: the deadline reminder when absent. */
  readonly template = input<string>();

  protected readonly role = lspRole(this.slug);
  protected readonly labels = EMAIL_TEMPLATE_LABELS;
  protected readonly descriptions = EMAIL_TEMPLATE_DESCRIPTIONS;
  protected readonly key = computed(() => chosenTemplate(this.template()));
  protected readonly templates = this.api.templatesResource(this.slug);
  protected readonly settings = this.api.settingsResource(this.slug);
  private readonly previewList = this.api.previewProvidersResource(this.slug, signal(''));
  protected readonly providers = computed<PreviewProvider[]>(() =>
    this.previewList.hasValue() ? this.previewList.value().items : [],
  );
  protected readonly current = computed(() =>
    this.templates.hasValue() ? this.templates.value().items.find((item) => item.key === this.key()) : undefined,
  );
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmingReset = signal(false);
  protected readonly problems = new ActionProblems();

  protected readonly save = (input: EmailTemplateInput): Promise<EmailTemplateView> => {
    this.confirmation.set(null);
    return this.api.save(this.slug(), input);
  };

  protected readonly preview = (draft: EmailTemplateInput, providerId: string): Promise<RenderedEmailView> =>
    draft.key === 'invitation'
      ? Promise.resolve(exampleEmail(draft, this.role().name))
      : this.api.preview(this.slug(), { key: draft.key, providerId, subject: draft.subject, body: draft.body });

  protected saved(template: EmailTemplateView): void {
    this.replace(template);
    this.confirmation.set(
      `Saved. ${this.role().name}'s ${this.labels[template.key].toLowerCase()}s use this wording from now on.`,
    );
  }

  protected async reset(template: EmailTemplateView): Promise<void> {
    this.problems.clear();
    this.confirmation.set(null);
    try {
      this.replace(await this.api.reset(this.slug(), template.key));
      this.confirmingReset.set(false);
      this.confirmation.set(`The ${this.labels[template.key].toLowerCase()} uses the default wording again.`);
    } catch (failure: unknown) {
      this.problems.report(failure);
    }
  }

  protected settingsSaved(settings: EmailSettings): void {
    this.settings.set(settings);
    this.confirmation.set(
      settings.replyTo
        ? `Replies to ${this.role().name}'s emails go to ${settings.replyTo}.`
        : 'Replies go to the portal address.',
    );
  }

  private replace(template: EmailTemplateView): void {
    this.templates.update(
      (list) => list && { items: list.items.map((item) => (item.key === template.key ? template : item)) },
    );
  }
}
