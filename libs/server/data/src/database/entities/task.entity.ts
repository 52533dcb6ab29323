import { Column, CreateDateColumn, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A follow-up for a provider, due on a day, assigned to an LSP user. */
@Entity({ name: 'tasks' })
export class TaskEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
