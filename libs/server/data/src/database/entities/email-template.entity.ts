import type { EmailTemplateKey } from '@dspt/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The global default wording of one email template; LSPs may override it (TenantEmailTemplateEntity). */
@Entity({ name: 'email_templates' })
export class EmailTemplateEntity {
  @PrimaryColumn({ type: 'text' })
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
