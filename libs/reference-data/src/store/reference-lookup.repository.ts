// Read access to versioned reference data "as of" a dataset version: a row counts when it appeared at
// or before that version and was not replaced by then.
import type { DataSource } from 'typeorm';
import type { Identifier, ListMembership } from '../../../contracts/src/index.js';

export interface ReferenceEntityView {
  rowId: string;
  externalId: string;
  kind: string;
  name: string;
  aliases: string[];
  country: string | null;
  identifiers: Identifier[];
  topics: string[];
  lists: ListMembership[];
  source: string;
  confidence: string;
}

export interface NameHit extends ReferenceEntityView {
  matchedName: string;
  matchedNormalised: string;
}

const AS_OF = (alias: string) =>
  `${alias}.version_from <= $1 AND (${alias}.version_to IS NULL OR ${alias}.version_to > $1)`;

const ENTITY_COLUMNS = `e.id AS "rowId", e.external_id AS "externalId", e.kind, e.name, e.aliases, e.country,
  e.identifiers, e.topics, e.lists, e.fact_source AS "source", e.confidence`;

export class ReferenceLookupRepository {
  constructor(private readonly db: DataSource) {}

  /** The newest reference-data version, "0" when nothing was ever imported. */
  async currentVersion(): Promise<number> {
    const [row] = await this.db.query(
      'SELECT COALESCE(MAX(version), 0)::int AS version FROM reference_datasets',
    );
    return row.version as number;
  }

  /** Entities with a name or alias whose normalised form equals one of `normalisedNames`. */
  async findByNormalisedNames(normalisedNames: string[], asOfVersion: number): Promise<NameHit[]> {
    if (normalisedNames.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${ENTITY_COLUMNS}, n.name AS "matchedName", n.name_normalised AS "matchedNormalised"
         FROM reference_names n JOIN reference_entities e ON e.id = n.entity_row_id
        WHERE n.name_normalised = ANY($2) AND ${AS_OF('e')}
        ORDER BY e.external_id`,
      [asOfVersion, normalisedNames],
    );
    return rows.map(trimCountry);
  }

  async findByExternalIds(externalIds: string[], asOfVersion: number): Promise<ReferenceEntityView[]> {
    if (externalIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${ENTITY_COLUMNS} FROM reference_entities e WHERE e.external_id = ANY($2) AND ${AS_OF('e')}`,
      [asOfVersion, externalIds],
    );
    return rows.map(trimCountry);
  }
}

function trimCountry<T extends { country: string | null }>(row: T): T {
  return { ...row, country: row.country ? row.country.trim() : null };
}
