import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** How an LSP's emails go out: replies go to `replyTo` (the sender name is always the LSP's name). */
@Entity({ name: 'tenant_email_settings' })
export class TenantEmailSettingsEntity extends TenantOwnedEntity {
  /** Lower-case; null: replies go to MAIL_FROM. */
  @Column({ name: 'reply_to', type: 'text', nullable: true })
  replyTo!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
