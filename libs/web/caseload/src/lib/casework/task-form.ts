import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { FormField, form, maxLength, required } from '@angular/forms/signals';
import type { Task } from '@dspt/contracts';
import { DateField, ErrorSummary, FormDirective, FormSubmission, SelectField, TextField, realDate } from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { notInPast } from '../calendar';
import { adviserOptions } from '../caseload/adviser-options';
import { lspAccess } from '../lsp-access';

interface TaskModel {
  title: string;
  dueOn: string;
  assigneeId: string;
}

/** Sets a follow-up task for the provider, for one of the LSP's advisers or admins: the user who sets it, unless they choose another. */
@Component({
  selector: 'dspt-task-form',
  imports: [DateField, ErrorSummary, FormDirective, FormField, SelectField, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="task-form">
      <dspt-text-field
        label="Task"
        controlId="task-title"
        hint="For example, Chase the staff list for 4.1.1"
        [field]="taskForm.title"
      />
      <dspt-date-field legend="Due date" controlId="task-due" [formField]="taskForm.dueOn" />
      <dspt-select-field
        label="Assigned to"
        controlId="task-assignee"
        hint="The task goes on their My tasks list."
        [options]="assignees()"
        [field]="taskForm.assigneeId"
      />
      <button class="nhsuk-button" type="submit">Add task</button>
    </form>
  `,
})
export class TaskForm {
  private readonly api = inject(CaseloadApi);

  readonly ref = input.required<ProviderRef>();
  readonly added = output<Task>();

  private readonly slug = computed(() => this.ref().slug);
  private readonly access = lspAccess(this.slug);
  private readonly me = computed(() => this.access().me);
  private readonly members = this.api.advisersResource(this.slug);
  /** The user first ("(you)"), then the LSP's other advisers and admins by name. */
  protected readonly assignees = computed(() =>
    adviserOptions({
      me: this.me(),
      members: this.members.hasValue() ? this.members.value().items : [],
      seen: [],
      selectedId: null,
    }),
  );
  private readonly model = linkedSignal<string, TaskModel>({
    source: () => this.me()?.id ?? '',
    computation: (me) => emptyTask(me),
  });
  protected readonly taskForm = form(this.model, (path) => {
    required(path.title, { message: 'Enter the task' });
    maxLength(path.title, 200, { message: 'The task must be 200 characters or fewer' });
    required(path.dueOn, { message: 'Enter the date the task is due' });
    realDate(path.dueOn, 'Due date');
    notInPast(path.dueOn, 'Due date must be today or in the future');
    required(path.assigneeId, { message: 'Select who the task is for' });
  });
  protected readonly submission = new FormSubmission(this.taskForm, (value) => this.add(value));

  private async add({ title, dueOn, assigneeId }: TaskModel): Promise<void> {
    const task = await this.api.addTask(this.ref(), { title: title.trim(), dueOn, assigneeId });
    this.submission.reset(emptyTask(this.me()?.id ?? ''));
    this.added.emit(task);
  }
}

function emptyTask(assigneeId: string): TaskModel {
  return { title: '', dueOn: '', assigneeId };
}
