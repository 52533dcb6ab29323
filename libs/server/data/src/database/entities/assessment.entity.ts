import type { ProviderStatus } from '@dspt/domain';
import { Column, Entity, UpdateDateColumn } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * A provider's assessment for one cycle. The counts and status are derived (libs/domain) and saved in
 * the same transaction as the progress or publication that changed them, so lists can filter on them.
 */
@Entity({ name: 'assessments' })
export class AssessmentEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ name: 'mandatory_completed', type: 'integer', default: 0 })
  mandatoryCompleted!: number;

  @Column({ name: 'mandatory_total', type: 'integer', default: 0 })
  mandatoryTotal!: number;

  @Column({ name: 'any_progress', type: 'boolean', default: false })
  anyProgress!: boolean;

  @Column({ type: 'text', default: 'not_started' })
  status!: ProviderStatus;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
