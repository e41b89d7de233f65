import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ScreeningEntity } from './screening.entity.js';

/**
 * Who a screening waits for now (the reviewers' inbox), copied from the workflow with the read model and
 * guarded by the same state version. Pools are roles; no personal data besides user ids.
 */
@Entity({ name: 'screening_assignments' })
export class ScreeningAssignmentEntity {
  @PrimaryColumn({ name: 'screening_id', type: 'text', primaryKeyConstraintName: 'pk_screening_assignments' })
  screeningId: string;

  @OneToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_assignments_screening' })
  screening?: ScreeningEntity;

  /** declaration, information, representations, review, approval, ministerial_referral; null: nothing waits. */
  @Column({ type: 'text', nullable: true })
  step: string | null;

  /** Roles that may act: supplier, reviewer, approver. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pools: string[];

  @Column({ type: 'text', nullable: true })
  level: string | null;

  @Index('ix_screening_assignments_waiting_since')
  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true })
  waitingSince: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  /** Four eyes: the starting buyer and whoever signed another level may not act on this step. */
  @Column({ name: 'excluded_user_ids', type: 'text', array: true, default: () => "'{}'" })
  excludedUserIds: string[];

  @Column({ name: 'state_version', type: 'int' })
  stateVersion: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
