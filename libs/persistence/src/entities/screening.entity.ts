import {
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Approval, FinalDecision, Identifier, RiskAssessment } from '../../../contracts/src/index.js';
import { TenderEntity } from './tender.entity.js';

/**
 * The read model of one screening (one supplier on one tender). The workflow owns the process state;
 * activities copy it here at every transition, guarded by `stateVersion` so a late write never wins.
 */
@Entity({ name: 'screenings' })
@Index('uq_screenings_tender_supplier', ['tenderId', 'supplierKey'], { unique: true })
@Index('ix_screenings_status_created', ['status', 'createdAt'])
export class ScreeningEntity {
  /** Also the Temporal workflow id. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_screenings' })
  id: string;

  @Index('ix_screenings_tender')
  @Column({ name: 'tender_id', type: 'text' })
  tenderId: string;

  @ManyToOne(() => TenderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_screenings_tender' })
  tender?: TenderEntity;

  @Column({ name: 'supplier_name', type: 'text' })
  supplierName: string;

  @Column({ name: 'supplier_country', type: 'char', length: 2 })
  supplierCountry: string;

  @Column({ name: 'supplier_identifiers', type: 'jsonb', default: () => "'[]'" })
  supplierIdentifiers: Identifier[];

  /** Normalised name + country: the same supplier on the same tender is one screening. */
  @Column({ name: 'supplier_key', type: 'text' })
  supplierKey: string;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Index('uq_screenings_idempotency_key', { unique: true, where: 'idempotency_key IS NOT NULL' })
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ name: 'started_by', type: 'text' })
  startedBy: string;

  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'reference_data_version', type: 'text', nullable: true })
  referenceDataVersion: string | null;

  @Column({ type: 'jsonb', nullable: true })
  risk: RiskAssessment | null;

  @Column({ name: 'required_approvals', type: 'text', array: true, default: () => "'{}'" })
  requiredApprovals: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvals: Approval[];

  @Column({ type: 'jsonb', nullable: true })
  decision: FinalDecision | null;

  @Column({ name: 'invitation_expires_at', type: 'timestamptz' })
  invitationExpiresAt: Date;

  @Column({ name: 'state_version', type: 'int', default: 0 })
  stateVersion: number;

  @Column({ name: 'audit_head_hash', type: 'char', length: 64, nullable: true })
  auditHeadHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
