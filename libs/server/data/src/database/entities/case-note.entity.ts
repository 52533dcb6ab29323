import type { CaseNoteKind } from '@dspt/domain';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { TenantOwnedEntity } from './tenant-owned.entity';

/** A contact with the provider or a note about it; the latest one sets the provider's last contact. */
@Entity({ name: 'case_notes' })
export class CaseNoteEntity extends TenantOwnedEntity {
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  kind!: CaseNoteKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
