import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ScreeningBatchStatus = 'running' | 'completed';

/** A buyer's bulk screening request: one row per batch; its suppliers are screening_batch_items. */
@Entity({ name: 'screening_batches' })
export class ScreeningBatchEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_screening_batches' })
  id: string;

  @Index('ix_screening_batches_tender')
  @Column({ name: 'tender_id', type: 'text' })
  tenderId: string;

  @Column({ type: 'text', default: 'running' })
  status: ScreeningBatchStatus;

  /** Rows received, malformed ones included. */
  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
