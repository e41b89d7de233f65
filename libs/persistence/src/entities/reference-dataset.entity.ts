import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One import of reference data. Its `version` is the global reference-data version a screening pins:
 * every fact row says in which version it appeared (`versionFrom`) and in which it was replaced or
 * removed (`versionTo`), so the data as of any version can be read back years later.
 */
@Entity({ name: 'reference_datasets' })
@Index('ix_reference_datasets_source_sha', ['source', 'fileSha256'])
export class ReferenceDatasetEntity {
  @PrimaryGeneratedColumn({ type: 'int', primaryKeyConstraintName: 'pk_reference_datasets' })
  version: number;

  /** Logical dataset the file belongs to (e.g. "seed", "opensanctions-default"). */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  format: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ name: 'record_count', type: 'int', default: 0 })
  recordCount: number;

  @Column({ name: 'skipped_count', type: 'int', default: 0 })
  skippedCount: number;

  @Column({ name: 'imported_by', type: 'text' })
  importedBy: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
