import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { QuestionEntity } from './question.entity';

/** One DSPT assessment year, e.g. 2025-26 with its deadline 2026-06-30. */
@Entity({ name: 'assessment_cycles' })
export class AssessmentCycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  deadline!: string;

  /** Default reminder steps, in days before the deadline. */
  @Column({ name: 'reminder_offsets_days', type: 'int', array: true })
  reminderOffsetsDays!: number[];

  /** Chosen by a system admin as the current cycle, whatever the date (at most one cycle). */
  @Column({ name: 'is_current', type: 'boolean', default: false })
  isCurrent!: boolean;

  /** Bumped by the database when the deadline or the question set changes (the caseload re-ranks). */
  @Column({ type: 'int', insert: false, update: false, default: 1 })
  revision!: number;

  @OneToMany(() => QuestionEntity, (question) => question.cycle)
  questions?: Relation<QuestionEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
