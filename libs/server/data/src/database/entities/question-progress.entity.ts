import type { QuestionStatus } from '@dspt/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One question's status in one assessment, with who changed it last and when. */
@Entity({ name: 'question_progress' })
export class QuestionProgressEntity {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  status!: QuestionStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
