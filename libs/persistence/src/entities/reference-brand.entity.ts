import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Brand → manufacturer (own brand, OEM, white label...), with the relation's confidence and source. */
@Entity({ name: 'reference_brands' })
@Index('uq_reference_brands_current', ['externalId'], { unique: true, where: 'version_to IS NULL' })
@Index('ix_reference_brands_brand_normalised', ['brandNormalised'])
export class ReferenceBrandEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_reference_brands' })
  id: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  brand: string;

  @Column({ name: 'brand_normalised', type: 'text' })
  brandNormalised: string;

  @Column({ name: 'manufacturer_external_id', type: 'text' })
  manufacturerExternalId: string;

  @Column({ type: 'text' })
  relation: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'fact_source', type: 'text' })
  factSource: string;

  @Column({ type: 'text' })
  confidence: string;

  @Column({ name: 'version_from', type: 'int' })
  versionFrom: number;

  @Column({ name: 'version_to', type: 'int', nullable: true })
  versionTo: number | null;
}
