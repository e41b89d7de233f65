import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Evidence } from '../../../contracts/src/index.js';
import { ScreeningEntity } from './screening.entity.js';

/** Findings of one checks run (`round`) of a screening; re-running checks adds a round. */
@Entity({ name: 'findings' })
@Index('uq_findings_screening_round_key', ['screeningId', 'round', 'key'], { unique: true })
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_findings' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_findings_screening' })
  screening?: ScreeningEntity;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'text' })
  key: string;

  @Column({ name: 'check_name', type: 'text' })
  check: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'jsonb' })
  subject: { role: string; name: string; country?: string };

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: Evidence[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
