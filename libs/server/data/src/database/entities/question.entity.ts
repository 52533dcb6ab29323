import type { QuestionLevel } from '@dspt/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { AssessmentCycleEntity } from './assessment-cycle.entity';

/** One evidence item of a cycle's question set. Question sets are data per cycle, never code. */
@Entity({ name: 'questions' })
@Unique('uq_questions_cycle_code', ['cycleId', 'code'])
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId!: string;

  @ManyToOne(() => AssessmentCycleEntity, (cycle) => cycle.questions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: Relation<AssessmentCycleEntity>;

  /** The DSPT's own code, e.g. "4.5.3". */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  section!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  level!: QuestionLevel;

  @Column({ name: 'ce_plus_skippable', type: 'boolean', default: false })
  cePlusSkippable!: boolean;

  /** Order in the DSPT's own list. */
  @Column({ type: 'int' })
  position!: number;
}
