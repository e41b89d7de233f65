// List memberships stated by their own records (FtM Sanction lines) are staged during the import and
// applied to their entities at the end, once every entity of the file is in: a Sanction may come before
// the entity it lists.
import type { StagedMembership } from './pending-facts.js';
import { ENTITIES, storedColumns } from './fact-tables.js';
import { IMPORT_MEMBERSHIP_TARGETS, IMPORT_MEMBERSHIPS } from './import-temp-tables.js';
import type { SqlClient } from './sql-client.js';

export async function stageMemberships(sql: SqlClient, memberships: StagedMembership[]): Promise<void> {
  if (memberships.length === 0) return;
  await sql.query(
    `INSERT INTO ${IMPORT_MEMBERSHIPS} (external_id, entity_external_id, membership)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(external_id text, entity_external_id text, membership jsonb)
     ON CONFLICT (external_id) DO UPDATE
       SET entity_external_id = EXCLUDED.entity_external_id, membership = EXCLUDED.membership`,
    [JSON.stringify(memberships)],
  );
}

export interface MembershipOutcome {
  /** Entity rows closed because their memberships changed (each replaced by a new row). */
  closed: number;
  /** Memberships whose entity is not in the reference data once the import is applied. */
  unattached: number;
}

/**
 * Applies the staged memberships to the current entity rows. An attached membership is withdrawn when
 * this import restated or deleted it, or (snapshot) when this import's source stated it before: a
 * snapshot states all of its source's memberships.
 */
export async function applyMemberships(
  sql: SqlClient,
  options: { version: number; dataset: string; snapshot: boolean },
): Promise<MembershipOutcome> {
  const { rows } = await sql.query<{ staged: number }>(
    `SELECT count(*)::int AS staged FROM ${IMPORT_MEMBERSHIPS}`,
  );
  if (rows[0]!.staged === 0 && !options.snapshot) return { closed: 0, unattached: 0 };
  await findChangedEntities(sql, options);
  const closed = await rewriteEntities(sql, options.version);
  const { rows: unattached } = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM ${IMPORT_MEMBERSHIPS} s
      WHERE s.membership IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM reference_entities e WHERE e.external_id = s.entity_external_id AND e.version_to IS NULL)`,
  );
  return { closed, unattached: unattached[0]!.count };
}

/** Fills the targets table with each affected current entity row and the lists it should have. */
async function findChangedEntities(
  sql: SqlClient,
  { dataset, snapshot }: { dataset: string; snapshot: boolean },
): Promise<void> {
  const withdrawn = `(m->>'externalId' IN (SELECT external_id FROM ${IMPORT_MEMBERSHIPS})
                      OR ($2 AND m->>'dataset' = $1))`;
  await sql.query(`ANALYZE ${IMPORT_MEMBERSHIPS}`);
  await sql.query(
    `WITH staged AS (
       SELECT entity_external_id, jsonb_agg(membership ORDER BY external_id) AS memberships
         FROM ${IMPORT_MEMBERSHIPS} WHERE membership IS NOT NULL GROUP BY entity_external_id
     ),
     holders AS (
       SELECT e.id FROM reference_entities e
        WHERE e.version_to IS NULL AND jsonb_path_exists(e.lists, '$[*].externalId')
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.lists) m WHERE m ? 'externalId' AND ${withdrawn})
     ),
     affected AS (
       SELECT e.id FROM reference_entities e JOIN staged s ON s.entity_external_id = e.external_id
        WHERE e.version_to IS NULL
       UNION
       SELECT id FROM holders
     ),
     desired AS (
       SELECT e.id, e.external_id, e.version_from, e.lists AS old_lists,
              COALESCE((SELECT jsonb_agg(m ORDER BY position) FROM jsonb_array_elements(e.lists) WITH ORDINALITY x(m, position)
                         WHERE NOT (m ? 'externalId' AND ${withdrawn})), '[]'::jsonb)
              || COALESCE(s.memberships, '[]'::jsonb) AS lists
         FROM affected a JOIN reference_entities e ON e.id = a.id
         LEFT JOIN staged s ON s.entity_external_id = e.external_id
     )
     INSERT INTO ${IMPORT_MEMBERSHIP_TARGETS} (id, external_id, version_from, lists)
     SELECT id, external_id, version_from, lists FROM desired WHERE lists IS DISTINCT FROM old_lists`,
    [dataset, snapshot],
  );
}

/**
 * Rows inserted by this import take their new lists in place; rows of earlier versions are closed and
 * reissued, names included, so reads as of those versions keep the old lists.
 */
async function rewriteEntities(sql: SqlClient, version: number): Promise<number> {
  await sql.query(
    `UPDATE reference_entities e SET lists = t.lists FROM ${IMPORT_MEMBERSHIP_TARGETS} t
      WHERE e.id = t.id AND t.version_from = $1`,
    [version],
  );
  const { rowCount } = await sql.query(
    `UPDATE reference_entities e SET version_to = $1 FROM ${IMPORT_MEMBERSHIP_TARGETS} t
      WHERE e.id = t.id AND t.version_from < $1`,
    [version],
  );
  const columns = storedColumns(ENTITIES).map((column) => column.name);
  const copied = columns.map((column) => (column === 'lists' ? 't.lists' : `e.${column}`));
  await sql.query(
    `WITH inserted AS (
       INSERT INTO reference_entities (${columns.join(', ')}, version_from)
       SELECT ${copied.join(', ')}, $1 FROM ${IMPORT_MEMBERSHIP_TARGETS} t JOIN reference_entities e ON e.id = t.id
        WHERE t.version_from < $1
       RETURNING id, external_id
     )
     INSERT INTO reference_names (entity_row_id, name, name_normalised, is_alias)
     SELECT ins.id, n.name, n.name_normalised, n.is_alias
       FROM inserted ins
       JOIN ${IMPORT_MEMBERSHIP_TARGETS} t ON t.external_id = ins.external_id
       JOIN reference_names n ON n.entity_row_id = t.id`,
    [version],
  );
  return rowCount ?? 0;
}
