import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';

/**
 * An NHS.UK warning card that asks the user to confirm something hard to undo ("Remove Sam from North
 * Care?"): the heading takes focus when it appears (or asks something else), then "Yes, ..." (a warning
 * button) or "Cancel", which puts focus back where it was when the question was asked (the button that
 * asked it), so keyboard users carry on from there.
 */
@Component({
  selector: 'dspt-confirmation-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading" tabindex="-1" #headingElement>{{ heading() }}</h3>
        <p class="nhsuk-card__description">{{ description() }}</p>
        <div class="nhsuk-button-group nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-0">
          <button class="nhsuk-button nhsuk-button--warning" type="button" (click)="confirmed.emit()">
            {{ confirmLabel() }}
          </button>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="cancel()">Cancel</button>
        </div>
      </div>
    </div>
  `,
})
export class ConfirmationCard {
  readonly heading = input.required<string>();
  readonly description = input.required<string>();
  /** The confirming button's text, saying what it does: "Yes, remove Sam Adviser". */
  readonly confirmLabel = input.required<string>();
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly headingElement = viewChild.required<ElementRef<HTMLElement>>('headingElement');
  /** What had focus when the current question appeared, outside the card. */
  private asker: HTMLElement | null = null;

  constructor() {
    afterRenderEffect(() => {
      this.heading();
      const focused = this.host.ownerDocument.activeElement;
      this.asker =
        focused instanceof HTMLElement && focused !== this.host.ownerDocument.body && !this.host.contains(focused)
          ? focused
          : null;
      this.headingElement().nativeElement.focus();
    });
  }

  protected cancel(): void {
    this.cancelled.emit();
    if (this.asker?.isConnected) {
      this.asker.focus();
    }
  }
}
