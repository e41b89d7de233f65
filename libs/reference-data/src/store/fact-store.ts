// Set-based writes of one import into the versioned fact tables: a batch costs at most three statements
// whatever its size. All of it runs on the import's connection, inside its transaction.
import type { AttachedMembership, FactRow } from './fact-rows.js';
import { ATTACHED_LISTS, type FactColumn, type FactTable, storedColumns } from './fact-tables.js';
import { IMPORT_SEEN } from './import-temp-tables.js';
import type { SqlClient } from './sql-client.js';

/** Names travel beside an entity's row as three parallel arrays (see entityRow). */
const NAME_COLUMNS: FactColumn[] = [
  { name: 'name_list', type: 'text[]' },
  { name: 'normalised_list', type: 'text[]' },
  { name: 'alias_flags', type: 'boolean[]' },
];

interface CurrentRow {
  key: string;
  unchanged: boolean;
  attached: AttachedMembership[] | null;
}

export class FactStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly version: number,
    /** Snapshot imports record the unchanged facts they saw, to close the unseen ones at the end. */
    private readonly recordsSeen: boolean,
  ) {}

  /**
   * Stores the rows as of this version: an identical current row stays, a different one is closed and
   * replaced. Keys must be unique within `rows`. Returns how many rows were closed.
   */
  async upsert(table: FactTable, rows: FactRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const keyOf = (row: FactRow) => row[table.key.name] as string;
    // Most rows of a first import are new: only the ones with a current row are sent for comparison.
    const existing = await this.currentKeys(table, rows.map(keyOf));
    const known = rows.filter((row) => existing.has(keyOf(row)));
    const current =
      known.length === 0
        ? []
        : (
            await this.sql.query<CurrentRow & { closed: number }>(this.classifySql(table), [
              JSON.stringify(known),
              this.version,
            ])
          ).rows;
    const currentByKey = new Map(current.map((row) => [row.key, row]));
    const changed = rows.filter((row) => !currentByKey.get(keyOf(row))?.unchanged);
    if (table.holdsMemberships) carryAttachedMemberships(changed, currentByKey);
    if (changed.length > 0) {
      await this.sql.query(this.insertSql(table), [JSON.stringify(changed), this.version]);
    }
    return current[0]?.closed ?? 0;
  }

  /** Closes the current facts with these keys (deletes). Returns how many rows were closed. */
  async close(table: FactTable, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const { rows } = await this.sql.query<{ closed: number }>(
      `WITH doomed AS (SELECT unnest($1::text[]) AS key),
       ${this.retireSql(table, `SELECT f.id, f.version_from FROM ${table.table} f JOIN doomed d ON f.${table.key.name} = d.key WHERE f.version_to IS NULL`)}
       SELECT (SELECT count(*) FROM closed)::int AS closed`,
      [keys, this.version],
    );
    return rows[0]!.closed;
  }

  /** Snapshot imports: closes the current facts of `source` that this import did not state. */
  async closeUnseen(table: FactTable, source: string): Promise<number> {
    const { rowCount } = await this.sql.query(
      `UPDATE ${table.table} f SET version_to = $1
        WHERE f.source = $2 AND f.version_to IS NULL AND f.version_from < $1
          AND NOT EXISTS (SELECT 1 FROM ${IMPORT_SEEN} s WHERE s.fact = $3 AND s.key = f.${table.key.name})`,
      [this.version, source, table.table],
    );
    return rowCount ?? 0;
  }

  /** The keys among `keys` that have a current row. */
  private async currentKeys(table: FactTable, keys: string[]): Promise<Set<string>> {
    const { rows } = await this.sql.query<{ key: string }>(
      `SELECT ${table.key.name} AS key FROM ${table.table} WHERE ${table.key.name} = ANY($1) AND version_to IS NULL`,
      [keys],
    );
    return new Set(rows.map((row) => row.key));
  }

  /**
   * One statement: reads the current rows of the batch's keys, compares their content, retires the
   * changed ones and notes the unchanged ones as seen. Returns the current rows found.
   */
  private classifySql(table: FactTable): string {
    const key = table.key.name;
    const current = table.compared.map((column) => column.current ?? `f.${column.name}`);
    const incoming = table.compared.map((column) => `i.${column.name}`);
    return `WITH incoming AS (SELECT * FROM ${recordset([table.key, ...table.compared])}),
      current AS (
        SELECT f.id, f.version_from, f.${key} AS key,
               ROW(${current.join(', ')}) IS NOT DISTINCT FROM ROW(${incoming.join(', ')}) AS unchanged,
               ${table.holdsMemberships ? ATTACHED_LISTS : 'NULL::jsonb'} AS attached
          FROM incoming i JOIN ${table.table} f ON f.${key} = i.${key} AND f.version_to IS NULL
      ),
      ${this.retireSql(table, 'SELECT id, version_from FROM current WHERE NOT unchanged')}
      ${this.recordsSeen ? `, seen AS (INSERT INTO ${IMPORT_SEEN} (fact, key) SELECT '${table.table}', key FROM current WHERE unchanged)` : ''}
      SELECT key, unchanged, CASE WHEN unchanged THEN NULL ELSE attached END AS attached,
             (SELECT count(*) FROM closed)::int AS closed
        FROM current`;
  }

  /**
   * CTEs `closed` and `dropped` retiring the rows `selectRows` lists (id, version_from). A row from an
   * earlier version is closed; a row this same import inserted (the fact appeared twice) is deleted, as
   * it never was current in any committed version.
   */
  private retireSql(table: FactTable, selectRows: string): string {
    return `retiring AS (${selectRows}),
      closed AS (
        UPDATE ${table.table} f SET version_to = $2 FROM retiring r
         WHERE f.id = r.id AND r.version_from < $2 RETURNING f.id
      ),
      dropped AS (
        DELETE FROM ${table.table} f USING retiring r WHERE f.id = r.id AND r.version_from = $2 RETURNING f.id
      )
      ${table.indexesNames ? ', dropped_names AS (DELETE FROM reference_names n USING dropped d WHERE n.entity_row_id = d.id)' : ''}`;
  }

  private insertSql(table: FactTable): string {
    const columns = storedColumns(table).map((column) => column.name);
    const insert = `INSERT INTO ${table.table} (${columns.join(', ')}, version_from)
      SELECT ${columns.join(', ')}, $2 FROM incoming`;
    if (!table.indexesNames) {
      return `WITH incoming AS (SELECT * FROM ${recordset(storedColumns(table))}) ${insert}`;
    }
    return `WITH incoming AS (SELECT * FROM ${recordset([...storedColumns(table), ...NAME_COLUMNS])}),
      inserted AS (${insert} RETURNING id, ${table.key.name} AS key)
      INSERT INTO reference_names (entity_row_id, name, name_normalised, is_alias)
      SELECT ins.id, n.name, n.normalised, n.is_alias
        FROM inserted ins JOIN incoming i ON i.${table.key.name} = ins.key
        CROSS JOIN LATERAL unnest(i.name_list, i.normalised_list, i.alias_flags) AS n(name, normalised, is_alias)`;
  }
}

/** `json`, not `jsonb`: the batch is read once, and plain JSON is parsed faster than it is converted. */
function recordset(columns: FactColumn[]): string {
  return `json_to_recordset($1::json) AS i(${columns.map((column) => `${column.name} ${column.type}`).join(', ')})`;
}

/**
 * Memberships attached to the replaced row stay with the entity: they are facts of their own, which a
 * Sanction record (or its deletion) changes, not a new version of the entity.
 */
function carryAttachedMemberships(rows: FactRow[], currentByKey: Map<string, CurrentRow>): void {
  for (const row of rows) {
    const attached = currentByKey.get(row.external_id as string)?.attached;
    if (attached && attached.length > 0) row.lists = [...(row.lists as unknown[]), ...attached];
  }
}
