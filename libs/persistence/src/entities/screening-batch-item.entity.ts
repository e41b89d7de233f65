import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Declaration } from '../../../contracts/src/index.js';

export type ScreeningBatchItemStatus = 'pending' | 'started' | 'failed';

export interface BatchSupplier {
  name: string;
  country: string;
  identifiers: { scheme: string; id: string }[];
  contactEmail: string | null;
  /**
   * The supplier's declaration, when the buyer has it on file (JSON rows only): the screening starts
   * with it instead of inviting the supplier to declare.
   */
  declaration?: Declaration | null;
}

/** One supplier row of a batch: its screening once started, or why it was skipped. */
@Entity({ name: 'screening_batch_items' })
@Index('ix_screening_batch_items_status', ['batchId', 'status', 'rowNumber'])
export class ScreeningBatchItemEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'text', primaryKeyConstraintName: 'pk_screening_batch_items' })
  batchId: string;

  /** 1-based data row (the CSV header is not counted). */
  @PrimaryColumn({
    name: 'row_number',
    type: 'integer',
    primaryKeyConstraintName: 'pk_screening_batch_items',
  })
  rowNumber: number;

  /** Null for a malformed row. */
  @Column({ type: 'jsonb', nullable: true })
  supplier: BatchSupplier | null;

  @Column({ type: 'text', default: 'pending' })
  status: ScreeningBatchItemStatus;

  @Column({ name: 'screening_id', type: 'text', nullable: true })
  screeningId: string | null;

  /** The tender had this supplier's screening already: not started twice. */
  @Column({ name: 'already_screened', type: 'boolean', default: false })
  alreadyScreened: boolean;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
