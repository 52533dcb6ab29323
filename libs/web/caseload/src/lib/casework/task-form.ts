import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import type { Task } from '@dspt/contracts';
import { ErrorSummary, FormDirective, FormSubmission, TextField } from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { notInPast } from '../calendar';

const EMPTY_TASK = { title: '', dueOn: '' };

/** Sets a follow-up task for the provider, assigned to the user who sets it. */
@Component({
  selector: 'dspt-task-form',
  imports: [ErrorSummary, FormDirective, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="task-form">
      <dspt-text-field label="Task" controlId="task-title" hint="For example, Chase the staff list for 4.1.1" [field]="taskForm.title" />
      <dspt-text-field
        label="Due"
        controlId="task-due"
        hint="The task goes on your My tasks list."
        type="date"
        [width]="10"
        [field]="taskForm.dueOn"
      />
      <button class="nhsuk-button" type="submit">Add task</button>
    </form>
  `,
})
export class TaskForm {
  private readonly api = inject(CaseloadApi);

  readonly ref = input.required<ProviderRef>();
  readonly added = output<Task>();

  protected readonly taskForm = form(signal({ ...EMPTY_TASK }), (path) => {
    required(path.title, { message: 'Enter the task' });
    maxLength(path.title, 200, { message: 'The task must be 200 characters or fewer' });
    required(path.dueOn, { message: 'Enter the day the task is due' });
    notInPast(path.dueOn, 'The due day must be today or later');
  });
  protected readonly submission = new FormSubmission(this.taskForm, (value) => this.add(value));

  private async add({ title, dueOn }: typeof EMPTY_TASK): Promise<void> {
    const task = await this.api.addTask(this.ref(), { title: title.trim(), dueOn });
    this.submission.reset({ ...EMPTY_TASK });
    this.added.emit(task);
  }
}
