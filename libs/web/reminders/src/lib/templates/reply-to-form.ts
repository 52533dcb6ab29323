import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { form } from '@angular/forms/signals';
import type { EmailSettings } from '@dspt/contracts';
import { ErrorSummary, FormDirective, FormSubmission, TextField, validateEmailAddress } from '@dspt/web/ui';
import { EmailTemplatesApi } from '../api/email-templates.api';

/** Where replies to the LSP's emails go (blank: the portal's own address). */
@Component({
  selector: 'dspt-reply-to-form',
  imports: [ErrorSummary, FormDirective, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="reply-to-form">
      <dspt-text-field
        label="Replies go to (optional)"
        controlId="reply-to"
        type="email"
        autocomplete="email"
        [spellcheck]="false"
        [hint]="
          'Emails come from ' + settings().senderName + '. Leave this blank for replies to go to the portal address.'
        "
        [field]="replyToForm.replyTo"
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit" [disabled]="submission.submitting()">
        Save reply address
      </button>
    </form>
  `,
})
export class ReplyToForm {
  private readonly api = inject(EmailTemplatesApi);

  readonly slug = input.required<string>();
  readonly settings = input.required<EmailSettings>();
  readonly saved = output<EmailSettings>();

  protected readonly replyToForm = form(signal({ replyTo: '' }), (path) => validateEmailAddress(path.replyTo));
  protected readonly submission = new FormSubmission(this.replyToForm, ({ replyTo }) => this.save(replyTo));

  constructor() {
    effect(() => {
      const replyTo = this.settings().replyTo ?? '';
      untracked(() => this.submission.reset({ replyTo }));
    });
  }

  private async save(replyTo: string): Promise<void> {
    this.saved.emit(await this.api.saveSettings(this.slug(), { replyTo: replyTo.trim() || null }));
  }
}
