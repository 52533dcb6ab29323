import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProviderDetail, Task } from '@dspt/contracts';
import { PortalDatePipe } from '@dspt/web/core';
import { Tag } from '@dspt/web/ui';
import { InPageLink } from './in-page-link';

/**
 * The first screen of a provider's page, what an adviser calls about: the main contact to ring or
 * write to, the next task, the adviser, and what to do next (record a call, send guidance).
 */
@Component({
  selector: 'dspt-provider-key-facts',
  imports: [InPageLink, PortalDatePipe, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="nhsuk-summary-list" data-testid="key-facts">
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Main contact</dt>
        <dd class="nhsuk-summary-list__value" data-testid="main-contact">
          @if (mainContact(); as contact) {
            {{ contact.name }}<br />
            <a [href]="'mailto:' + contact.email">{{ contact.email }}</a>
            @if (contact.unsubscribedAt) {
              <br /><dspt-tag colour="grey">Unsubscribed from emails</dspt-tag>
            }
          } @else {
            No contact yet
          }
        </dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Next task</dt>
        <dd class="nhsuk-summary-list__value" data-testid="next-task">
          @if (tasks() === null) {
            Loading…
          } @else if (nextTask(); as task) {
            {{ task.title }}<br />
            due <time [attr.datetime]="task.dueOn">{{ task.dueOn | portalDate }}</time>
            @if (task.overdue) {
              &ngsp;<dspt-tag colour="red">Overdue</dspt-tag>
            }
          } @else {
            None open
          }
        </dd>
      </div>
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">Adviser</dt>
        <dd class="nhsuk-summary-list__value">{{ provider().assignedAdviser?.displayName ?? 'Unassigned' }}</dd>
      </div>
    </dl>
    @if (canWrite()) {
      <div class="nhsuk-button-group" data-testid="calls-to-action">
        <a class="nhsuk-button" dsptInPageLink="add-note" draggable="false">Record a call</a>
        <a class="nhsuk-button nhsuk-button--secondary" dsptInPageLink="emails" draggable="false">Send guidance</a>
      </div>
    }
  `,
})
export class ProviderKeyFacts {
  readonly provider = input.required<ProviderDetail>();
  /** The provider's tasks; null while they load. */
  readonly tasks = input.required<readonly Task[] | null>();
  readonly canWrite = input(false);

  /** The primary contact, or the first one when none is marked primary. */
  protected readonly mainContact = computed(() => {
    const contacts = this.provider().contacts;
    return contacts.find((contact) => contact.isPrimary) ?? contacts[0] ?? null;
  });

  /** The open task due first. */
  protected readonly nextTask = computed(
    () =>
      (this.tasks() ?? []).filter((task) => task.doneAt === null).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ??
      null,
  );
}
