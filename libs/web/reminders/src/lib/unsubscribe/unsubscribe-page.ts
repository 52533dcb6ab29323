import { ChangeDetectionStrategy, Component, type OnInit, inject, input, signal } from '@angular/core';
import type { UnsubscribeView } from '@dspt/contracts';
import { apiProblemFrom, PortalDatePipe } from '@dspt/web/core';
import { ActionProblems, ErrorSummary, FocusOnRender } from '@dspt/web/ui';
import { UnsubscribeApi } from '../api/unsubscribe.api';

type UnsubscribeState =
  | { state: 'checking' }
  | { state: 'ready'; view: UnsubscribeView }
  | { state: 'done'; view: UnsubscribeView; already: boolean }
  | { state: 'not-valid'; message: string };

const INCOMPLETE_LINK = 'This unsubscribe link is not complete: copy the whole link from the email.';

/**
 * `/unsubscribe?token=...`, public (no sign-in): the link at the foot of every reminder and guidance
 * email. Says whose address stops getting which LSP's emails, then one button does it and the page
 * confirms. A link that was cut short or altered is refused with a clear message. Mail programs that
 * support one-click unsubscribing post to the API directly (List-Unsubscribe-Post).
 */
@Component({
  selector: 'dspt-unsubscribe-page',
  imports: [PortalDatePipe, ErrorSummary, FocusOnRender],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @let current = page();
        @if (current.state === 'ready') {
          <dspt-error-summary [source]="problems" />
          <span class="nhsuk-caption-l">{{ current.view.lspName }}</span>
          <h1>Unsubscribe from DSPT emails</h1>
          <p data-testid="unsubscribe-summary">
            If you unsubscribe, {{ current.view.email }} will no longer receive Data Security and Protection Toolkit
            (DSPT) reminders or guidance emails from {{ current.view.lspName }} about {{ current.view.providerName }}.
          </p>
          <p>
            Unsubscribing changes nothing on the DSPT itself: the deadline stays the same. If you change your mind
            later, ask your adviser at {{ current.view.lspName }} to send you emails again.
          </p>
          <button class="nhsuk-button" type="button" [disabled]="busy()" (click)="confirm()">Unsubscribe</button>
        } @else if (current.state === 'done') {
          <div class="nhsuk-panel" data-testid="unsubscribe-confirmation">
            <h1 class="nhsuk-panel__heading" dsptFocusOnRender>
              {{ current.already ? 'You had already unsubscribed' : 'You have unsubscribed' }}
            </h1>
            <div class="nhsuk-panel__body">
              {{ current.view.email }} was removed from DSPT emails from {{ current.view.lspName }}
            </div>
          </div>
          @if (current.view.unsubscribedAt) {
            <p>Unsubscribed on {{ current.view.unsubscribedAt | portalDate }}.</p>
          }
          <p>
            Your adviser can still contact you in other ways. To get these emails again, ask your adviser at
            {{ current.view.lspName }}.
          </p>
        } @else if (current.state === 'not-valid') {
          <h1>This link does not work</h1>
          <p data-testid="unsubscribe-problem">{{ current.message }}</p>
          <p>
            If you copied the link from an email, make sure you copied all of it. You can also reply to the email and
            ask your Local Support Partner to stop sending you emails.
          </p>
        } @else {
          <h1>Unsubscribe from emails</h1>
          <p role="status">Checking your link…</p>
        }
      </div>
    </div>
  `,
})
export class UnsubscribePage implements OnInit {
  private readonly api = inject(UnsubscribeApi);

  /** The `?token=` of the link. */
  readonly token = input<string>();

  protected readonly page = signal<UnsubscribeState>({ state: 'checking' });
  protected readonly problems = new ActionProblems();
  protected readonly busy = signal(false);

  ngOnInit(): void {
    // check() turns every failure into a page state, so nothing is left to catch here.
    void this.check();
  }

  protected async confirm(): Promise<void> {
    this.problems.clear();
    this.busy.set(true);
    try {
      const view = await this.api.unsubscribe(this.token() ?? '');
      this.page.set({ state: 'done', view, already: false });
    } catch (failure: unknown) {
      this.problems.report(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private async check(): Promise<void> {
    const token = this.token()?.trim();
    if (!token) {
      this.page.set({ state: 'not-valid', message: INCOMPLETE_LINK });
      return;
    }
    try {
      const view = await this.api.describe(token);
      this.page.set(view.unsubscribed ? { state: 'done', view, already: true } : { state: 'ready', view });
    } catch (failure: unknown) {
      const problem = apiProblemFrom(failure);
      this.page.set({ state: 'not-valid', message: problem.message });
    }
  }
}
