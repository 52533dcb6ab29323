import type { ContactRole } from '@dspt/domain';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** Someone at a provider the LSP emails; one contact per provider is the primary. */
@Entity({ name: 'provider_contacts' })
export class ProviderContactEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Lower-case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: ContactRole;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary!: boolean;

  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
