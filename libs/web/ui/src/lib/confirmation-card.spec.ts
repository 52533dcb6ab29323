import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ConfirmationCard } from './confirmation-card';

/** Two buttons that each ask a question, as a table of members does. */
@Component({
  imports: [ConfirmationCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (asking(); as name) {
      <dspt-confirmation-card
        [heading]="'Remove ' + name + '?'"
        description="They will lose access."
        [confirmLabel]="'Yes, remove ' + name"
        (confirmed)="confirmed.set(name); asking.set(null)"
        (cancelled)="asking.set(null)"
      />
    }
    <button type="button" id="remove-sam" (click)="asking.set('Sam')">Remove Sam</button>
    <button type="button" id="remove-kim" (click)="asking.set('Kim')">Remove Kim</button>
  `,
})
class TwoQuestions {
  readonly asking = signal<string | null>(null);
  readonly confirmed = signal<string | null>(null);
}

describe('ConfirmationCard', () => {
  let fixture: ComponentFixture<TwoQuestions>;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(TwoQuestions);
    element = fixture.nativeElement;
    document.body.appendChild(element);
    await fixture.whenStable();
  });

  afterEach(() => element.remove());

  const heading = () => element.querySelector<HTMLElement>('dspt-confirmation-card h3');
  const button = (label: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;

  /** Presses a button as a keyboard user does: focus is on it when it acts. */
  async function press(label: string): Promise<void> {
    const target = button(label);
    target.focus();
    target.click();
    await fixture.whenStable();
  }

  it('moves focus to the question when it appears', async () => {
    await press('Remove Sam');

    expect(heading()?.textContent).toBe('Remove Sam?');
    expect(document.activeElement).toBe(heading());
  });

  it('puts focus back on the button that asked when the question is cancelled', async () => {
    await press('Remove Sam');

    await press('Cancel');

    expect(heading()).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('#remove-sam'));
    expect(fixture.componentInstance.confirmed()).toBeNull();
  });

  it('goes back to the button of the latest question asked', async () => {
    await press('Remove Sam');
    await press('Remove Kim');
    expect(document.activeElement).toBe(heading());
    expect(heading()?.textContent).toBe('Remove Kim?');

    await press('Cancel');

    expect(document.activeElement).toBe(element.querySelector('#remove-kim'));
  });

  it('says which action was confirmed', async () => {
    await press('Remove Kim');

    await press('Yes, remove Kim');

    expect(fixture.componentInstance.confirmed()).toBe('Kim');
    expect(heading()).toBeNull();
  });
});
