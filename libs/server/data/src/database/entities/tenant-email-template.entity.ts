import type { EmailTemplateKey } from '@dspt/domain';
import { Column, Entity, Unique } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** An LSP's own subject and body for one template, used instead of the global default. */
@Entity({ name: 'tenant_email_templates' })
@Unique('uq_tenant_email_templates_key', ['tenantId', 'key'])
export class TenantEmailTemplateEntity extends TenantOwnedEntity {
  @Column({ type: 'text' })
  key!: EmailTemplateKey;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
