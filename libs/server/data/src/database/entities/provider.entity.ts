import type { ProviderKind, ServiceType, SizeBand } from '@dspt/domain';
import { Column, CreateDateColumn, Entity, UpdateDateColumn, VersionColumn } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A care provider an LSP supports: a single site, an HQ, or a branch of an HQ. */
@Entity({ name: 'providers' })
export class ProviderEntity extends TenantOwnedEntity {
  /** Upper-case, unique nationally. */
  @Column({ name: 'ods_code', type: 'text', unique: true })
  odsCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: ProviderKind;

  /** The HQ of a branch. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'service_type', type: 'text' })
  serviceType!: ServiceType;

  @Column({ name: 'size_band', type: 'text' })
  sizeBand!: SizeBand;

  @Column({ name: 'local_authority', type: 'text' })
  localAuthority!: string;

  @Column({ type: 'text' })
  region!: string;

  @Column({ name: 'assigned_adviser_id', type: 'uuid', nullable: true })
  assignedAdviserId!: string | null;

  @Column({ name: 'has_ce_plus', type: 'boolean', default: false })
  hasCePlus!: boolean;

  /** The latest case note's time: kept up to date when notes are written. */
  @Column({ name: 'last_contact_at', type: 'timestamptz', nullable: true })
  lastContactAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** Optimistic locking: an edit names the version it started from; a stale one gets 409. */
  @VersionColumn({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
