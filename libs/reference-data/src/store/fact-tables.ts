// The versioned reference tables as the writer sees them: which column identifies a fact, which columns
// say whether it changed, and which are derived from those.

export interface FactColumn {
  name: string;
  /** The column's type: incoming JSON is unpacked into it, so it compares as stored (33.333333 → 33.3333). */
  type: string;
  /** How to read the current row's value for comparison, when not the column itself (`f` is the row). */
  current?: string;
}

export interface FactTable {
  table: string;
  /** The fact's identity: one current row per key (a partial unique index enforces it). */
  key: FactColumn;
  /** Content compared with the current row: any difference closes it and inserts a new row. */
  compared: readonly FactColumn[];
  /** Stored, but computed from compared content. */
  derived: readonly FactColumn[];
  /** Entities only: every name and alias, normalised, goes into reference_names with the row. */
  indexesNames: boolean;
  /** Entities only: `lists` also holds memberships stated by separate records (see fact-rows.ts). */
  holdsMemberships: boolean;
}

const EXTERNAL_ID: FactColumn = { name: 'external_id', type: 'text' };
const text = (name: string): FactColumn => ({ name, type: 'text' });

/** The entity's own list entries, without the memberships attached from separate records. */
export const OWN_LISTS = `COALESCE(jsonb_path_query_array(f.lists, '$[*] ? (!exists(@.externalId))'), '[]')`;
export const ATTACHED_LISTS = `COALESCE(jsonb_path_query_array(f.lists, '$[*] ? (exists(@.externalId))'), '[]')`;

export const ENTITIES: FactTable = {
  table: 'reference_entities',
  key: EXTERNAL_ID,
  compared: [
    text('source'),
    text('kind'),
    text('name'),
    { name: 'aliases', type: 'text[]' },
    { name: 'country', type: 'character(2)' },
    { name: 'identifiers', type: 'jsonb' },
    { name: 'topics', type: 'text[]' },
    { name: 'lists', type: 'jsonb', current: OWN_LISTS },
    text('fact_source'),
    text('confidence'),
  ],
  derived: [{ name: 'identifier_keys', type: 'text[]' }],
  indexesNames: true,
  holdsMemberships: true,
};

export const OWNERSHIP: FactTable = {
  table: 'reference_ownership',
  key: EXTERNAL_ID,
  compared: [
    text('source'),
    text('owner_external_id'),
    text('owned_external_id'),
    { name: 'share_exact', type: 'numeric(7,4)' },
    { name: 'share_min', type: 'numeric(7,4)' },
    { name: 'share_max', type: 'numeric(7,4)' },
    { name: 'direct', type: 'boolean' },
    { name: 'control_only', type: 'boolean' },
    text('kind'),
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    text('fact_source'),
    text('confidence'),
  ],
  derived: [],
  indexesNames: false,
  holdsMemberships: false,
};

export const BRANDS: FactTable = {
  table: 'reference_brands',
  key: EXTERNAL_ID,
  compared: [
    text('source'),
    text('brand'),
    // Compared although derived, so a re-import after a normaliser change refreshes it.
    text('brand_normalised'),
    text('manufacturer_external_id'),
    text('relation'),
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    text('fact_source'),
    text('confidence'),
  ],
  derived: [],
  indexesNames: false,
  holdsMemberships: false,
};

export const JURISDICTIONS: FactTable = {
  table: 'reference_jurisdictions',
  key: { name: 'country', type: 'character(2)' },
  compared: [text('source'), { name: 'profile', type: 'jsonb' }],
  derived: [],
  indexesNames: false,
  holdsMemberships: false,
};

/** Tables whose facts have an external id, which `{type: 'any', op: 'delete'}` records address. */
export const EXTERNAL_ID_TABLES = [ENTITIES, OWNERSHIP, BRANDS] as const;
export const FACT_TABLES = [ENTITIES, OWNERSHIP, BRANDS, JURISDICTIONS] as const;

/** Columns written on insert, in order (version_from excluded). */
export function storedColumns(table: FactTable): FactColumn[] {
  return [table.key, ...table.compared, ...table.derived];
}
