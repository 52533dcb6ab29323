import { Column, Entity, Unique } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** An LSP's own reminder steps for one cycle; without a row the cycle's default steps apply. */
@Entity({ name: 'reminder_cadences' })
@Unique('uq_reminder_cadences_cycle', ['tenantId', 'cycleId'])
export class ReminderCadenceEntity extends TenantOwnedEntity {
  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  /** Days before the deadline. */
  @Column({ name: 'offsets_days', type: 'int', array: true })
  offsetsDays!: number[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
