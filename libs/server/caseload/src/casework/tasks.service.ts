import type { Task, TaskAssigneeFilter, TaskInput, TaskStatusFilter, TaskUpdate } from '@dspt/contracts';
import { type TenantRole, tenantRoleGrants, NotFound, invalidField } from '@dspt/domain';
import { findProviderOrFail } from '../providers/provider-lookup';
import { AuditService, TaskEntity, requireSignedInUser, ScopedDatabase } from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isTaskOverdue } from './task-overdue';

interface TaskRow {
  id: string;
  provider_id: string;
  provider_name: string;
  title: string;
  due_on: string;
  done_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
}

const TASKS_SQL = `
  SELECT t.id, t.provider_id, p.name AS provider_name, t.title, t.due_on::text AS due_on, t.done_at,
         u.id AS assignee_id, u.display_name AS assignee_name
  FROM tasks t JOIN providers p ON p.id = t.provider_id LEFT JOIN users u ON u.id = t.assignee_id`;

/** Open before done; then by due day, which puts the overdue ones (due before today) first. */
const TASK_ORDER = `ORDER BY t.done_at IS NOT NULL, t.due_on, t.created_at`;

export interface TaskFilter {
  assignee: TaskAssigneeFilter;
  status: TaskStatusFilter;
}

type TaskChanges = Partial<Pick<TaskEntity, 'title' | 'dueOn' | 'assigneeId' | 'doneAt'>>;

/** Follow-ups per provider, assigned to an adviser or admin of the LSP, and each user's "My tasks". */
@Injectable()
export class TasksService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  forProvider(providerId: string): Promise<Task[]> {
    return this.database.inCurrentTenant((manager) => this.forProviderIn(manager, providerId));
  }

  /** As `forProvider`, in the caller's transaction. */
  async forProviderIn(manager: EntityManager, providerId: string): Promise<Task[]> {
    await findProviderOrFail(manager, providerId);
    return this.query(manager, `WHERE t.provider_id = $1`, [providerId]);
  }

  /** "My tasks" (assignee `me`), someone else's, or everyone's in the LSP. */
  list(filter: TaskFilter): Promise<Task[]> {
    const conditions = [filter.status === 'done' ? 't.done_at IS NOT NULL' : 't.done_at IS NULL'];
    const parameters: string[] = [];
    if (filter.assignee !== 'all') {
      parameters.push(filter.assignee === 'me' ? requireSignedInUser().id : filter.assignee);
      conditions.push(`t.assignee_id = $${parameters.length}`);
    }
    return this.database.inCurrentTenant((manager) =>
      this.query(manager, `WHERE ${conditions.join(' AND ')}`, parameters),
    );
  }

  create(providerId: string, input: TaskInput): Promise<Task> {
    this.refusePastDueDay(input.dueOn);
    const user = requireSignedInUser();
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const assigneeId = input.assigneeId === undefined ? user.id : input.assigneeId;
      if (assigneeId) {
        await this.checkAssignee(manager, assigneeId);
      }
      const task = await manager.save(
        manager.create(TaskEntity, {
          tenantId: provider.tenantId,
          providerId: provider.id,
          title: input.title.trim(),
          dueOn: input.dueOn,
          assigneeId,
          createdBy: user.id,
        }),
      );
      await this.audit.record(
        {
          action: 'task.created',
          tenantId: provider.tenantId,
          target: { type: 'provider', id: provider.id },
          after: { taskId: task.id, title: task.title, dueOn: task.dueOn, assigneeId },
        },
        manager,
      );
      return this.one(manager, task.id);
    });
  }

  /** Changes what the update names; marking it done is audited as `task.completed`. */
  update(taskId: string, update: TaskUpdate): Promise<Task> {
    return this.database.inCurrentTenant(async (manager) => {
      const task = await manager.findOne(TaskEntity, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) {
        throw new NotFound('Task not found');
      }
      const changes = await this.changes(manager, task, update);
      const fields = Object.keys(changes) as Array<keyof TaskChanges>;
      if (fields.length === 0) {
        return this.one(manager, task.id);
      }
      await manager.update(TaskEntity, { id: task.id }, changes);
      await this.audit.record(
        {
          action: changes.doneAt ? 'task.completed' : 'task.updated',
          tenantId: task.tenantId,
          target: { type: 'provider', id: task.providerId },
          before: { taskId: task.id, ...Object.fromEntries(fields.map((field) => [field, task[field]])) },
          after: { taskId: task.id, ...changes },
        },
        manager,
      );
      return this.one(manager, task.id);
    });
  }

  private async changes(manager: EntityManager, task: TaskEntity, update: TaskUpdate): Promise<TaskChanges> {
    const changes: TaskChanges = {};
    const title = update.title?.trim();
    if (title !== undefined && title !== task.title) {
      changes.title = title;
    }
    if (update.dueOn !== undefined && update.dueOn !== task.dueOn) {
      this.refusePastDueDay(update.dueOn);
      changes.dueOn = update.dueOn;
    }
    if (update.assigneeId !== undefined && update.assigneeId !== task.assigneeId) {
      if (update.assigneeId !== null) {
        await this.checkAssignee(manager, update.assigneeId);
      }
      changes.assigneeId = update.assigneeId;
    }
    if (update.done !== undefined && update.done !== (task.doneAt !== null)) {
      changes.doneAt = update.done ? this.clock.now() : null;
    }
    return changes;
  }

  private refusePastDueDay(dueOn: string): void {
    const today = this.clock.today();
    if (dueOn < today) {
      throw invalidField('dueOn', `dueOn must be today (${today}) or later`);
    }
  }

  /** Tasks go to people who may do casework in this LSP: its advisers and admins. */
  private async checkAssignee(manager: EntityManager, userId: string): Promise<void> {
    // Row-level security: only this LSP's memberships are visible.
    const [membership]: Array<{ role: TenantRole }> = await manager.query(
      `SELECT role FROM memberships WHERE user_id = $1`,
      [userId],
    );
    if (!membership || !tenantRoleGrants(membership.role, 'caseload.write')) {
      throw invalidField('assigneeId', 'assigneeId must be an adviser or admin of this LSP');
    }
  }

  private async one(manager: EntityManager, taskId: string): Promise<Task> {
    const [task] = await this.query(manager, `WHERE t.id = $1`, [taskId]);
    return task;
  }

  private async query(manager: EntityManager, where: string, parameters: string[]): Promise<Task[]> {
    const rows: TaskRow[] = await manager.query(`${TASKS_SQL} ${where} ${TASK_ORDER}`, parameters);
    const today = this.clock.today();
    return rows.map((row) => ({
      id: row.id,
      providerId: row.provider_id,
      providerName: row.provider_name,
      title: row.title,
      dueOn: row.due_on,
      overdue: isTaskOverdue({ dueOn: row.due_on, done: row.done_at !== null }, today),
      doneAt: row.done_at ? new Date(row.done_at).toISOString() : null,
      assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    }));
  }
}
