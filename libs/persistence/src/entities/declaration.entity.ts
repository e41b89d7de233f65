import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Declaration } from '../../../contracts/src/index.js';
import { ScreeningEntity } from './screening.entity.js';

/** Every declaration a supplier submitted, by revision; amendments and answers add revisions. */
@Entity({ name: 'declarations' })
@Index('uq_declarations_screening_revision', ['screeningId', 'revision'], { unique: true })
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_declarations' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_declarations_screening' })
  screening?: ScreeningEntity;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'jsonb' })
  data: Declaration;

  /** SHA-256 of the canonical JSON, so the audit trail can reference it without copying personal data. */
  @Column({ type: 'char', length: 64 })
  digest: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
