import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An ownership or control relation owner → owned, with its share (exact or range) and its source. */
@Entity({ name: 'reference_ownership' })
@Index('uq_reference_ownership_current', ['externalId'], { unique: true, where: 'version_to IS NULL' })
@Index('ix_reference_ownership_owned', ['ownedExternalId'])
@Index('ix_reference_ownership_owner', ['ownerExternalId'])
export class ReferenceOwnershipEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_reference_ownership' })
  id: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'owner_external_id', type: 'text' })
  ownerExternalId: string;

  @Column({ name: 'owned_external_id', type: 'text' })
  ownedExternalId: string;

  @Column({ name: 'share_exact', type: 'numeric', precision: 7, scale: 4, nullable: true })
  shareExact: string | null;

  @Column({ name: 'share_min', type: 'numeric', precision: 7, scale: 4, nullable: true })
  shareMin: string | null;

  @Column({ name: 'share_max', type: 'numeric', precision: 7, scale: 4, nullable: true })
  shareMax: string | null;

  @Column({ type: 'boolean', default: true })
  direct: boolean;

  @Column({ name: 'control_only', type: 'boolean', default: false })
  controlOnly: boolean;

  @Column({ type: 'text', default: 'shareholding' })
  kind: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'fact_source', type: 'text' })
  factSource: string;

  @Column({ type: 'text' })
  confidence: string;

  @Column({ name: 'version_from', type: 'int' })
  versionFrom: number;

  @Column({ name: 'version_to', type: 'int', nullable: true })
  versionTo: number | null;
}
