import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { MonitoredFinding } from '../../../domain/src/monitoring/index.js';
import { ScreeningEntity } from './screening.entity.js';

/**
 * The last re-check of an approved screening: the version it ran on (so a run with no newer version
 * has nothing to do) and the assessment it found, which the next re-check compares with. A screening
 * never re-checked has no row: its approval's findings and risk are the baseline.
 */
@Entity({ name: 'screening_monitoring' })
export class ScreeningMonitoringEntity {
  @PrimaryColumn({ name: 'screening_id', type: 'text', primaryKeyConstraintName: 'pk_screening_monitoring' })
  screeningId: string;

  @OneToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_screening_monitoring_screening' })
  screening?: ScreeningEntity;

  @Column({ name: 'reference_data_version', type: 'int' })
  referenceDataVersion: number;

  /** The findings that counted (dismissed ones left out), without their evidence. */
  @Column({ type: 'jsonb' })
  findings: MonitoredFinding[];

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text' })
  band: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;
}
