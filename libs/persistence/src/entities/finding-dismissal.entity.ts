import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ScreeningEntity } from './screening.entity.js';

/**
 * A reviewer's verdict that a name-screening hit is a false positive: this subject of this screening is
 * not that reference entity. Kept by the entity's external id and the subject (role and normalised name),
 * not by finding key or row, so it still applies when the checks run again (a new round) and when a new
 * dataset version keeps the entity (a new reference_entities row).
 */
@Entity({ name: 'finding_dismissals' })
@Index('uq_finding_dismissals_hit', ['screeningId', 'entityExternalId', 'subjectKey'], { unique: true })
export class FindingDismissalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_finding_dismissals' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_finding_dismissals_screening' })
  screening?: ScreeningEntity;

  /** The matched reference entity (reference_entities.external_id). */
  @Column({ name: 'entity_external_id', type: 'text' })
  entityExternalId: string;

  /** "<role>:<normalised name>" of the screened subject (see libs/reference-data/src/matching). */
  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  /** The finding the reviewer dismissed, and the checks round it came from, for the record. */
  @Column({ name: 'finding_key', type: 'text' })
  findingKey: string;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'jsonb' })
  subject: { role: string; name: string; country?: string };

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'dismissed_by', type: 'text' })
  dismissedBy: string;

  @Column({ name: 'dismissed_by_role', type: 'text' })
  dismissedByRole: string;

  @CreateDateColumn({ name: 'dismissed_at', type: 'timestamptz' })
  dismissedAt: Date;
}
