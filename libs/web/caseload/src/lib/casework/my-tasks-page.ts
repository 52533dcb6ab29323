import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { Task } from '@dspt/contracts';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { lspAccess } from '../lsp-access';
import { TasksTable } from './tasks-table';

/** `/lsp/:slug/tasks`: the signed-in user's open tasks in the LSP, overdue first, each with its provider. */
@Component({
  selector: 'dspt-my-tasks-page',
  imports: [LoadingState, SuccessBanner, TasksTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>My tasks</h1>
    @if (tasks.hasValue()) {
      @if (tasks.value().items.length === 0) {
        <p data-testid="no-tasks">You have no open tasks.</p>
      } @else {
        <dspt-tasks-table
          testId="my-tasks"
          [slug]="slug()"
          [tasks]="tasks.value().items"
          caption="Your open tasks, overdue first"
          [showProvider]="true"
          [canWrite]="access().canWrite"
          (completed)="completed($event)"
        />
      }
    } @else {
      <dspt-loading-state what="tasks" [error]="tasks.error()" />
    }
  `,
})
export class MyTasksPage {
  private readonly api = inject(CaseloadApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly access = lspAccess(this.slug);
  protected readonly tasks = this.api.myTasksResource(this.slug);
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);

  protected completed(task: Task): void {
    this.confirmation.set(`Task done: ${task.title} (${task.providerName}).`);
    this.confirmations.update((count) => count + 1);
    this.tasks.reload();
  }
}
