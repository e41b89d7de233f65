import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A word occurring in normalised reference names, and in how many names; filled by a trigger on
 * reference_names (see the ReferenceNameTerms migration), read by name screening's retrieval.
 */
@Entity({ name: 'reference_name_terms' })
// Trigram GIN index for two-edit look-ups of long words; created by hand in the migration.
@Index('ix_reference_name_terms_trgm', { synchronize: false })
export class ReferenceNameTermEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_reference_name_terms' })
  term: string;

  @Column({ type: 'int' })
  names: number;
}
