import type { ContactRole } from '@dspt/domain';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/**
 * Someone at a provider the LSP emails; one contact per provider is the primary. Whether they unsubscribed
 * is not a column: it follows the address (`email_suppressions`, contactUnsubscribedAtSql).
 */
@Entity({ name: 'provider_contacts' })
export class ProviderContactEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Lower-case. */
  @Column({ type: 'text' })
  email!: string;

  /** As typed (spaces kept), a UK number; null when not known. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  role!: ContactRole;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
