import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { RiskFactor } from '../../../contracts/src/index.js';
import { ScreeningEntity } from './screening.entity.js';

@Entity({ name: 'risk_assessments' })
@Index('uq_risk_assessments_screening_round', ['screeningId', 'round'], { unique: true })
export class RiskAssessmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_risk_assessments' })
  id: string;

  @Column({ name: 'screening_id', type: 'text' })
  screeningId: string;

  @ManyToOne(() => ScreeningEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'screening_id', foreignKeyConstraintName: 'fk_risk_assessments_screening' })
  screening?: ScreeningEntity;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text' })
  band: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'jsonb' })
  factors: RiskFactor[];

  @Column({ name: 'required_approvals', type: 'text', array: true })
  requiredApprovals: string[];

  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'reference_data_version', type: 'text' })
  referenceDataVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
