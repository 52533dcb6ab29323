import type { CaseNoteKind } from '@dspt/domain';

export interface CaseNote {
  id: string;
  kind: CaseNoteKind;
  body: string;
  occurredAt: string;
  author: { id: string; displayName: string } | null;
}

/** `POST /api/tenants/{slug}/providers/{id}/notes`. */
export interface CaseNoteInput {
  kind: CaseNoteKind;
  body: string;
  /** Defaults to now. */
  occurredAt?: string;
}

/** `GET /api/tenants/{slug}/providers/{id}/notes`: newest first. */
export interface CaseNoteList {
  items: CaseNote[];
}

export interface Task {
  id: string;
  providerId: string;
  providerName: string;
  title: string;
  dueOn: string;
  overdue: boolean;
  doneAt: string | null;
  assignee: { id: string; displayName: string } | null;
}

/** `POST /api/tenants/{slug}/providers/{id}/tasks`; `PATCH .../tasks/{taskId}` takes any subset plus `done`. */
export interface TaskInput {
  title: string;
  dueOn: string;
  assigneeId?: string | null;
}

export interface TaskUpdate extends Partial<TaskInput> {
  done?: boolean;
}

/** `GET /api/tenants/{slug}/providers/{id}/tasks` and "My tasks", `GET /api/tenants/{slug}/tasks`: overdue first, then by due date. */
export interface TaskList {
  items: Task[];
}

/** `GET /api/tenants/{slug}/tasks?status=`: open (default) or done. */
export const TASK_STATUS_FILTERS = ['open', 'done'] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

/** `GET /api/tenants/{slug}/tasks?assignee=`: `me` (default), `all`, or a user id. */
export type TaskAssigneeFilter = 'me' | 'all' | (string & {});
