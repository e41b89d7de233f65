import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JurisdictionProfile } from '../../../contracts/src/index.js';

@Entity({ name: 'reference_jurisdictions' })
@Index('uq_reference_jurisdictions_current', ['country'], { unique: true, where: 'version_to IS NULL' })
export class ReferenceJurisdictionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_reference_jurisdictions' })
  id: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'jsonb' })
  profile: JurisdictionProfile;

  @Column({ name: 'version_from', type: 'int' })
  versionFrom: number;

  @Column({ name: 'version_to', type: 'int', nullable: true })
  versionTo: number | null;
}
