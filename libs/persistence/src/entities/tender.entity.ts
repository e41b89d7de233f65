import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'tenders' })
export class TenderEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_tenders' })
  id: string;

  @Index('uq_tenders_reference', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'buyer_name', type: 'text' })
  buyerName: string;

  @Column({ name: 'buyer_type', type: 'text' })
  buyerType: string;

  @Column({ name: 'cpv_codes', type: 'text', array: true, default: () => "'{}'" })
  cpvCodes: string[];

  @Column({ name: 'sensitive_site', type: 'boolean', default: false })
  sensitiveSite: boolean;

  @Column({ name: 'intended_use', type: 'text', nullable: true })
  intendedUse: string | null;

  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'estimated_value', type: 'numeric', precision: 18, scale: 2, nullable: true })
  estimatedValue: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'text', default: 'open' })
  status: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
