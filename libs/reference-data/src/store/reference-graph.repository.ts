// Reads the checks need beyond name look-ups, all "as of" a dataset version: the upstream ownership
// sub-graph of a subject (one recursive query), entities by id or identifier, brand relations and
// jurisdiction profiles. Rows come back in the contract's shapes, so the domain code never sees SQL types.
import type { DataSource } from 'typeorm';
import type {
  BrandRelation,
  BrandRelationKind,
  Confidence,
  EntityKind,
  Identifier,
  JurisdictionProfile,
  ListMembership,
  OwnershipRelation,
  RefEntity,
} from '../../../contracts/src/index.js';
import { identifierKey } from '../identifier-key.js';

/** What an ownership analysis bounded at `maxDepth` needs: every relation it may follow, and their entities. */
export interface UpstreamSubgraphRows {
  relations: OwnershipRelation[];
  /** The subjects, every owner reached, and the owners one step beyond the bound. */
  entities: RefEntity[];
}

export interface StoredBrandRelation extends BrandRelation {
  brandNormalised: string;
}

const asOf = (alias: string, version = '$1') =>
  `${alias}.version_from <= ${version} AND (${alias}.version_to IS NULL OR ${alias}.version_to > ${version})`;

const ENTITY_COLUMNS = `e.external_id AS "externalId", e.kind, e.name, e.aliases, e.country, e.identifiers,
  e.topics, e.lists, e.fact_source AS "source", e.confidence`;

// Dates as text: node-pg turns a `date` into a local-time Date, which shifts the day in some time zones.
const OWNERSHIP_COLUMNS = `o.external_id AS "externalId", o.owner_external_id AS "ownerExternalId",
  o.owned_external_id AS "ownedExternalId", o.share_exact AS "shareExact", o.share_min AS "shareMin",
  o.share_max AS "shareMax", o.direct, o.control_only AS "controlOnly", o.kind,
  to_char(o.start_date, 'YYYY-MM-DD') AS "startDate", to_char(o.end_date, 'YYYY-MM-DD') AS "endDate",
  o.fact_source AS "source", o.confidence`;

export class ReferenceGraphRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The owners of the subjects, their owners and so on, up to `maxDepth` relations away, plus the
   * relations of the entities at `maxDepth` (depth N + 1 edges), so the analysis can tell that the data
   * goes on beyond its bound. Cycles end because a node is expanded at most once per depth.
   */
  async upstreamSubgraph(
    subjectIds: readonly string[],
    maxDepth: number,
    asOfVersion: number,
  ): Promise<UpstreamSubgraphRows> {
    if (subjectIds.length === 0) return { relations: [], entities: [] };
    const rows: Raw<OwnershipRelation>[] = await this.db.query(
      `WITH RECURSIVE reach(id, depth) AS (
           SELECT unnest($2::text[]), 0
         UNION
           SELECT o.owner_external_id, r.depth + 1
             FROM reach r
             JOIN reference_ownership o ON o.owned_external_id = r.id AND ${asOf('o')}
            WHERE r.depth < $3
       )
       SELECT ${OWNERSHIP_COLUMNS}
         FROM reference_ownership o
        WHERE o.owned_external_id IN (SELECT DISTINCT id FROM reach) AND ${asOf('o')}
        ORDER BY o.owned_external_id, o.owner_external_id, o.external_id`,
      [asOfVersion, [...subjectIds], maxDepth],
    );
    const relations = rows.map(toOwnershipRelation);
    const ids = new Set(subjectIds);
    for (const relation of relations) ids.add(relation.ownerExternalId).add(relation.ownedExternalId);
    return { relations, entities: await this.entitiesByExternalIds([...ids], asOfVersion) };
  }

  async entitiesByExternalIds(externalIds: readonly string[], asOfVersion: number): Promise<RefEntity[]> {
    if (externalIds.length === 0) return [];
    const rows: Raw<RefEntity>[] = await this.db.query(
      `SELECT ${ENTITY_COLUMNS} FROM reference_entities e
        WHERE e.external_id = ANY($2) AND ${asOf('e')} ORDER BY e.external_id`,
      [asOfVersion, [...externalIds]],
    );
    return rows.map(toRefEntity);
  }

  /** Entities holding any of the identifiers, compared as "SCHEME:ID" upper-cased (the import's keys). */
  async entitiesByIdentifiers(identifiers: readonly Identifier[], asOfVersion: number): Promise<RefEntity[]> {
    const keys = [...new Set(identifiers.map(identifierKey))];
    if (keys.length === 0) return [];
    const rows: Raw<RefEntity>[] = await this.db.query(
      `SELECT ${ENTITY_COLUMNS} FROM reference_entities e
        WHERE e.identifier_keys && $2::text[] AND ${asOf('e')} ORDER BY e.external_id`,
      [asOfVersion, keys],
    );
    return rows.map(toRefEntity);
  }

  /** Every relation stated for the brands, whatever its validity dates: the caller decides what holds today. */
  async brandRelations(
    normalisedBrands: readonly string[],
    asOfVersion: number,
  ): Promise<StoredBrandRelation[]> {
    if (normalisedBrands.length === 0) return [];
    const rows: Raw<StoredBrandRelation>[] = await this.db.query(
      `SELECT b.external_id AS "externalId", b.brand, b.brand_normalised AS "brandNormalised",
              b.manufacturer_external_id AS "manufacturerExternalId", b.relation,
              to_char(b.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(b.valid_to, 'YYYY-MM-DD') AS "validTo",
              b.fact_source AS "source", b.confidence
         FROM reference_brands b
        WHERE b.brand_normalised = ANY($2) AND ${asOf('b')}
        ORDER BY b.brand_normalised, b.valid_from NULLS FIRST, b.external_id`,
      [asOfVersion, [...normalisedBrands]],
    );
    return rows.map((row) => ({
      externalId: row.externalId as string,
      brand: row.brand as string,
      brandNormalised: row.brandNormalised as string,
      manufacturerExternalId: row.manufacturerExternalId as string,
      relation: row.relation as BrandRelationKind,
      validFrom: (row.validFrom as string | null) ?? null,
      validTo: (row.validTo as string | null) ?? null,
      source: row.source as string,
      confidence: row.confidence as Confidence,
    }));
  }

  /** All jurisdiction profiles (a few dozen at most), keyed by nothing: callers index them. */
  async jurisdictionProfiles(asOfVersion: number): Promise<JurisdictionProfile[]> {
    const rows: { country: string; profile: JurisdictionProfile }[] = await this.db.query(
      `SELECT j.country, j.profile FROM reference_jurisdictions j WHERE ${asOf('j')} ORDER BY j.country`,
      [asOfVersion],
    );
    return rows.map(({ country, profile }) => ({
      ...profile,
      country: country.trim(),
      intelligenceLaws: profile.intelligenceLaws ?? [],
      sanctionsRegimes: profile.sanctionsRegimes ?? [],
    }));
  }
}

/** A row as node-pg returns it: numerics as strings, enums as plain text. */
type Raw<T> = { [K in keyof T]: unknown };

export { identifierKey };

function toOwnershipRelation(row: Raw<OwnershipRelation>): OwnershipRelation {
  return {
    externalId: row.externalId as string,
    ownerExternalId: row.ownerExternalId as string,
    ownedExternalId: row.ownedExternalId as string,
    shareExact: numeric(row.shareExact),
    shareMin: numeric(row.shareMin),
    shareMax: numeric(row.shareMax),
    direct: row.direct as boolean,
    controlOnly: row.controlOnly as boolean,
    kind: row.kind as OwnershipRelation['kind'],
    startDate: (row.startDate as string | null) ?? null,
    endDate: (row.endDate as string | null) ?? null,
    source: row.source as string,
    confidence: row.confidence as Confidence,
  };
}

function toRefEntity(row: Raw<RefEntity>): RefEntity {
  const country = row.country as string | null;
  return {
    externalId: row.externalId as string,
    kind: row.kind as EntityKind,
    name: row.name as string,
    aliases: (row.aliases as string[] | null) ?? [],
    country: country ? country.trim() : null,
    identifiers: (row.identifiers as Identifier[] | null) ?? [],
    topics: (row.topics as string[] | null) ?? [],
    lists: (row.lists as ListMembership[] | null) ?? [],
    source: row.source as string,
    confidence: row.confidence as Confidence,
  };
}

function numeric(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
