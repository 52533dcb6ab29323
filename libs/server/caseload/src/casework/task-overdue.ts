/** A task is overdue once its due day has passed and it is not done; due today is not overdue yet. */
export function isTaskOverdue(task: { dueOn: string; done: boolean }, today: string): boolean {
  return !task.done && task.dueOn < today;
}
