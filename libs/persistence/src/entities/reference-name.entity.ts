import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every name and alias of a reference entity, normalised, for trigram candidate retrieval. */
@Entity({ name: 'reference_names' })
@Index('ix_reference_names_entity', ['entityRowId'])
@Index('ix_reference_names_normalised', ['nameNormalised'])
// Trigram GIN index for fuzzy candidate retrieval; created by hand in the migration (TypeORM cannot express it).
@Index('ix_reference_names_trgm', { synchronize: false })
export class ReferenceNameEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_reference_names' })
  id: string;

  /** The reference_entities row (one version of the entity) this name belongs to. */
  @Column({ name: 'entity_row_id', type: 'bigint' })
  entityRowId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_normalised', type: 'text' })
  nameNormalised: string;

  @Column({ name: 'is_alias', type: 'boolean', default: false })
  isAlias: boolean;
}
