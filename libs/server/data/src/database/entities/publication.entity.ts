import type { PublicationLevel } from '@dspt/domain';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** What a provider published on the DSPT, for a cycle. A covered branch's row points at its HQ's. */
@Entity({ name: 'publications' })
export class PublicationEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @Column({ type: 'text' })
  level!: PublicationLevel;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'published_on', type: 'date' })
  publishedOn!: string;

  @Column({ name: 'covered_by_id', type: 'uuid', nullable: true })
  coveredById!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  /** Who recorded it: an adviser, or the DSPT status list import. */
  @Column({ type: 'text', default: 'adviser' })
  source!: 'adviser' | 'dspt_list';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
