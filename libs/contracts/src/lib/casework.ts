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
