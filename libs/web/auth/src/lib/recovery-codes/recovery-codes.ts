import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

export const RECOVERY_CODES_FILE_NAME = 'dspt-support-portal-recovery-codes.txt';

/** The text file "Download codes" saves: what the codes are for, then one code a line. */
export function recoveryCodesFile(codes: readonly string[], account?: string): string {
  return [
    'DSPT Support Portal recovery codes',
    ...(account ? [`Account: ${account}`] : []),
    '',
    'If you cannot use your authenticator app, sign in with one of these codes instead. Each code works once.',
    '',
    ...codes,
    '',
  ].join('\n');
}

type CopyOutcome = 'copied' | 'failed' | null;

/**
 * Newly made recovery codes, shown once: a warning to keep them, the codes, and buttons to copy them to
 * the clipboard or download them as a text file (to put in a password manager).
 */
@Component({
  selector: 'dspt-recovery-codes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading">
          <span role="text"
            ><span class="nhsuk-u-visually-hidden">Important: </span>You will not see these codes again</span
          >
        </h2>
        <p class="nhsuk-card__description">
          If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code
          works once. Keep them somewhere safe, such as a password manager.
        </p>
      </div>
    </div>
    <ul class="nhsuk-list" data-testid="recovery-codes">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ul>
    <div class="nhsuk-button-group">
      <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="copy()">Copy codes</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="download()">Download codes</button>
    </div>
    <p class="nhsuk-body-s" role="status" data-testid="recovery-codes-status">{{ copyMessage() }}</p>
  `,
})
export class RecoveryCodes {
  private readonly document = inject(DOCUMENT);

  readonly codes = input.required<readonly string[]>();
  /** The account's email address, written at the top of the downloaded file. */
  readonly account = input<string>();

  private readonly copyOutcome = signal<CopyOutcome>(null);
  protected readonly copyMessage = computed(() => {
    switch (this.copyOutcome()) {
      case 'copied':
        return 'The codes are copied. Paste them somewhere safe, such as a password manager.';
      case 'failed':
        return 'The codes could not be copied. Select them and copy them yourself, or download them instead.';
      default:
        return '';
    }
  });

  protected async copy(): Promise<void> {
    this.copyOutcome.set(null);
    try {
      // Absent outside a secure context (https or localhost), and refused without permission.
      await this.document.defaultView?.navigator.clipboard.writeText(this.codes().join('\n'));
      this.copyOutcome.set('copied');
    } catch {
      this.copyOutcome.set('failed');
    }
  }

  protected download(): void {
    const blob = new Blob([recoveryCodesFile(this.codes(), this.account())], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = RECOVERY_CODES_FILE_NAME;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
