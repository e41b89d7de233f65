import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Identifier, ListMembership } from '../../../contracts/src/index.js';

/** A company, organisation, person or state body, as of the versions [versionFrom, versionTo). */
@Entity({ name: 'reference_entities' })
@Index('uq_reference_entities_current', ['externalId'], { unique: true, where: 'version_to IS NULL' })
// The rows a dataset version wrote, for the matcher's vocabulary catch-up.
@Index('ix_reference_entities_version_from', ['versionFrom'])
// GIN index over the identifier keys; created by hand in the migration.
@Index('ix_reference_entities_identifier_keys', { synchronize: false })
export class ReferenceEntityEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_reference_entities' })
  id: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  identifiers: Identifier[];

  /** "SCHEME:ID" upper-cased, for exact identifier look-ups (GIN). */
  @Column({ name: 'identifier_keys', type: 'text', array: true, default: () => "'{}'" })
  identifierKeys: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  lists: ListMembership[];

  @Column({ name: 'fact_source', type: 'text' })
  factSource: string;

  @Column({ type: 'text' })
  confidence: string;

  @Column({ name: 'version_from', type: 'int' })
  versionFrom: number;

  @Column({ name: 'version_to', type: 'int', nullable: true })
  versionTo: number | null;
}
