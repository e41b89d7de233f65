// Per-import scratch tables. They live in the import's transaction (ON COMMIT DROP, and gone on
// rollback), so what an import has seen costs the database some pages, not the importer memory.
import type { SqlClient } from './sql-client.js';

/** Keys of unchanged facts a snapshot import stated; the facts of its source not in here get closed. */
export const IMPORT_SEEN = 'import_seen';
/** Membership upserts (membership set) and deletes (membership null), last one per id wins. */
export const IMPORT_MEMBERSHIPS = 'import_memberships';
/** Entity rows whose lists change once the staged memberships are applied. */
export const IMPORT_MEMBERSHIP_TARGETS = 'import_membership_targets';

export async function createImportTempTables(sql: SqlClient): Promise<void> {
  await sql.query(`CREATE TEMP TABLE ${IMPORT_SEEN} (fact text NOT NULL, key text NOT NULL) ON COMMIT DROP`);
  // Closing the unseen facts probes this per fact: without an index, a plan misjudged on statistics that
  // predate the import (its own rows are not in them yet) scans the whole table per fact.
  await sql.query(`CREATE INDEX ON ${IMPORT_SEEN} (fact, key)`);
  await sql.query(
    `CREATE TEMP TABLE ${IMPORT_MEMBERSHIPS} (
       external_id text PRIMARY KEY, entity_external_id text, membership jsonb
     ) ON COMMIT DROP`,
  );
  await sql.query(
    `CREATE TEMP TABLE ${IMPORT_MEMBERSHIP_TARGETS} (
       id bigint PRIMARY KEY, external_id text NOT NULL, version_from integer NOT NULL, lists jsonb NOT NULL
     ) ON COMMIT DROP`,
  );
}
