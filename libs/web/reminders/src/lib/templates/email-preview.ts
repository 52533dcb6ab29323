import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import type { RenderedEmailView } from '@dspt/contracts';

/**
 * An email as it will be sent: sender, reply-to, recipient and subject, then the HTML part as a mail
 * program shows it and the plain-text part. The HTML is the API's own rendering (every value escaped,
 * no scripts) and shows in a frame sandboxed with no permissions at all (`sandbox=""`): a unique origin
 * that runs no script, cannot reach the portal's page, cookies or storage, submit forms, open windows or
 * navigate the portal, whatever an email template holds. Mail programs run no script either.
 */
@Component({
  selector: 'dspt-email-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    iframe {
      display: block;
      width: 100%;
      height: 28rem;
      margin-bottom: 1.5rem;
      border: 1px solid #d8dde0;
      background: #fff;
    }
    pre {
      margin: 0 0 1.5rem;
      padding: 1rem;
      overflow-x: auto;
      border: 1px solid #d8dde0;
      background: #fff;
      font-size: 1rem;
      white-space: pre-wrap;
      word-break: break-word;
    }
  `,
  template: `
    <dl class="nhsuk-summary-list" data-testid="preview-headers">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">From</dt>
        <dd class="nhsuk-summary-list__value">{{ email().from }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Replies go to</dt>
        <dd class="nhsuk-summary-list__value">{{ email().replyTo ?? 'The portal address (no reply-to set)' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">To</dt>
        <dd class="nhsuk-summary-list__value">{{ email().to ?? 'Nobody: the provider has no primary contact' }}</dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Subject</dt>
        <dd class="nhsuk-summary-list__value" data-testid="preview-subject">{{ email().subject }}</dd>
      </div>
    </dl>
    <h3>{{ caption() }}: as most mail programs show it</h3>
    <iframe
      sandbox=""
      [title]="'HTML part of the email: ' + email().subject"
      [srcdoc]="html()"
      data-testid="preview-html"
    ></iframe>
    <h3>{{ caption() }}: plain text</h3>
    <pre data-testid="preview-text">{{ email().text }}</pre>
  `,
})
export class EmailPreview {
  private readonly sanitizer = inject(DomSanitizer);

  readonly email = input.required<RenderedEmailView>();
  /** What the preview shows, as the start of its headings: "The guidance email". */
  readonly caption = input('The email');

  // The HTML comes from the API's (or the domain's) renderer, which escapes every value, and the frame is
  // sandboxed without allow-same-origin: Angular's sanitizer would only strip the email's own styles.
  protected readonly html = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.email().html));
}
