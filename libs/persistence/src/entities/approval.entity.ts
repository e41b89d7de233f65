import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ScreeningEntity } from './screening.entity.js';

/** Each accepted human sign-off action; `stepKey` makes the write idempotent when an activity retries. */
@Entity({ name: 'approvals' })
@Index('uq_approvals_screening_step', ['screeningId', 'stepKey'], { unique: true })
export class ApprovalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_approvals' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_approvals_screening' })
  screening?: ScreeningEntity;

  @Column({ name: 'step_key', type: 'text' })
  stepKey: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'text' })
  decision: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
