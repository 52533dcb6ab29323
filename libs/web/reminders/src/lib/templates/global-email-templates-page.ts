import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { EmailTemplateInput, EmailTemplateView, RenderedEmailView } from '@dspt/contracts';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { EmailTemplatesApi } from '../api/email-templates.api';
import { EMAIL_TEMPLATE_DESCRIPTIONS, EMAIL_TEMPLATE_LABELS } from '../email-labels';
import { exampleEmail } from './example-email';
import { TemplateChoice, chosenTemplate } from './template-choice';
import { TemplateEditor } from './template-editor';

/**
 * `/admin/email-templates?template=` (system admins): the default wording of each email, used by every
 * LSP without its own. System admins see no provider's data, so the preview uses made-up values.
 */
@Component({
  selector: 'dspt-global-email-templates-page',
  imports: [LoadingState, SuccessBanner, TemplateChoice, TemplateEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner testId="template-confirmation" [message]="confirmation()" />
    <h1>Default email templates</h1>
    <p class="nhsuk-lede-text">Every LSP's emails use this wording unless the LSP has its own.</p>
    <dspt-template-choice [current]="key()" />
    @if (current(); as template) {
      <h2>{{ labels[template.key] }}</h2>
      <p>{{ descriptions[template.key] }}</p>
      <dspt-template-editor
        [template]="template"
        [saveTemplate]="save"
        [previewTemplate]="preview"
        saveLabel="Save the default"
        (saved)="saved($event)"
      />
    } @else {
      <dspt-loading-state what="templates" [error]="templates.error()" />
    }
  `,
})
export class GlobalEmailTemplatesPage {
  private readonly api = inject(EmailTemplatesApi);

  /** `?template=`: the deadline reminder when absent. */
  readonly template = input<string>();

  protected readonly labels = EMAIL_TEMPLATE_LABELS;
  protected readonly descriptions = EMAIL_TEMPLATE_DESCRIPTIONS;
  protected readonly key = computed(() => chosenTemplate(this.template()));
  protected readonly templates = this.api.globalTemplatesResource();
  protected readonly current = computed(() =>
    this.templates.hasValue() ? this.templates.value().items.find((item) => item.key === this.key()) : undefined,
  );
  protected readonly confirmation = signal<string | null>(null);

  protected readonly save = (input: EmailTemplateInput): Promise<EmailTemplateView> => {
    this.confirmation.set(null);
    return this.api.saveGlobal(input);
  };

  protected readonly preview = (draft: EmailTemplateInput): Promise<RenderedEmailView> =>
    Promise.resolve(exampleEmail(draft, 'Your LSP'));

  protected saved(template: EmailTemplateView): void {
    this.templates.update(
      (list) => list && { items: list.items.map((item) => (item.key === template.key ? template : item)) },
    );
    this.confirmation.set(
      `Saved. LSPs without their own ${this.labels[template.key].toLowerCase()} use this wording from now on.`,
    );
  }
}
