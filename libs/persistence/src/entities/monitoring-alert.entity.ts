import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AssessmentChanges } from '../../../domain/src/monitoring/index.js';
import { ScreeningEntity } from './screening.entity.js';
import { TenderEntity } from './tender.entity.js';

/** What an alert records of the change: the comparison, and the policy version that scored it. */
export type MonitoringAlertChanges = Omit<
  AssessmentChanges,
  'kind' | 'referenceDataVersion' | 'previousReferenceDataVersion'
> & {
  policy: { id: string; version: number };
};

/**
 * An approved screening whose findings or outcome changed when it was re-checked against a newer
 * reference-data version. The screening stays approved: the alert is for people to act on. One per
 * (screening, version), so a retried or repeated re-check never raises the same alert twice.
 */
@Entity({ name: 'monitoring_alerts' })
@Index('uq_monitoring_alerts_screening_version', ['screeningId', 'referenceDataVersion'], { unique: true })
@Index('ix_monitoring_alerts_created', ['createdAt', 'id'])
@Index('ix_monitoring_alerts_tender_created', ['tenderId', 'createdAt'])
export class MonitoringAlertEntity {
  /** `alr_…` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_monitoring_alerts' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_monitoring_alerts_screening' })
  screening?: ScreeningEntity;

  @Column({ name: 'tender_id', type: 'text' })
  tenderId: string;

  @ManyToOne(() => TenderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_monitoring_alerts_tender' })
  tender?: TenderEntity;

  /** The dataset version the re-check ran on. */
  @Column({ name: 'reference_data_version', type: 'int' })
  referenceDataVersion: number;

  /** The version of the assessment it was compared with (the approval's, or the last re-check's). */
  @Column({ name: 'previous_reference_data_version', type: 'int' })
  previousReferenceDataVersion: number;

  /** outcome_changed, risk_changed or findings_changed. */
  @Column({ type: 'text' })
  kind: string;

  /** What changed and why, in a paragraph for people. */
  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb' })
  changes: MonitoringAlertChanges;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'acknowledgement_note', type: 'text', nullable: true })
  acknowledgementNote: string | null;
}
