import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Task } from '@dspt/contracts';
import { ActionProblems, ErrorSummary, Tag, ResponsiveTable } from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { PortalDatePipe } from '@dspt/web/core';

/**
 * Tasks in the order the API gives them (overdue first), with their due day and assignee; on "My tasks"
 * each names its provider. With `canWrite`, an open task has "Mark as done", which this table carries
 * out, emitting the task once done.
 */
@Component({
  selector: 'dspt-tasks-table',
  imports: [PortalDatePipe, ErrorSummary, RouterLink, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="problems" />
    <table class="nhsuk-table" dsptResponsiveTable [attr.data-testid]="testId()">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
        {{
          caption()
        }}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">Task</th>
          @if (showProvider()) {
            <th class="nhsuk-table__header" scope="col">Provider</th>
          }
          <th class="nhsuk-table__header" scope="col">Due</th>
          <th class="nhsuk-table__header" scope="col">Assigned to</th>
          @if (canWrite()) {
            <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
          }
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (task of tasks(); track task.id) {
          <tr class="nhsuk-table__row" data-testid="task">
            <td class="nhsuk-table__cell">{{ task.title }}</td>
            @if (showProvider()) {
              <td class="nhsuk-table__cell">
                <a [routerLink]="['/lsp', slug(), 'providers', task.providerId]">{{ task.providerName }}</a>
              </td>
            }
            <td class="nhsuk-table__cell">
              <time [attr.datetime]="task.dueOn">{{ task.dueOn | portalDate }}</time>
              @if (task.doneAt) {
                <br /><dspt-tag colour="green">Done</dspt-tag>
              } @else if (task.overdue) {
                <br /><dspt-tag colour="red">Overdue</dspt-tag>
              }
            </td>
            <td class="nhsuk-table__cell">{{ task.assignee?.displayName ?? 'Nobody' }}</td>
            @if (canWrite()) {
              <td class="nhsuk-table__cell">
                @if (!task.doneAt) {
                  <button
                    class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    type="button"
                    (click)="complete(task)"
                  >
                    Mark<span class="nhsuk-u-visually-hidden"> "{{ task.title }}"</span> as done
                  </button>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class TasksTable {
  private readonly api = inject(CaseloadApi);

  readonly slug = input.required<string>();
  readonly tasks = input.required<readonly Task[]>();
  readonly caption = input.required<string>();
  readonly testId = input('tasks');
  readonly showProvider = input(false);
  readonly canWrite = input(false);
  readonly completed = output<Task>();

  protected readonly problems = new ActionProblems();

  protected async complete(task: Task): Promise<void> {
    this.problems.clear();
    try {
      this.completed.emit(await this.api.updateTask(this.slug(), task.id, { done: true }));
    } catch (failure: unknown) {
      this.problems.report(failure);
    }
  }
}
