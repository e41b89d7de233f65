// Writes one parsed reference-data file as a new dataset version, in one transaction: a failed import
// (a parse error mid-file included) leaves the previous version as it was. Memory stays constant: records
// are written in batches, and what the import has seen is kept in temporary tables, not in JS.
// The records are applied in three steps: facts batch by batch; then (snapshot) the source's facts the
// file no longer states are closed; then the list memberships stated apart are attached to their entities.
import type { DataSource } from 'typeorm';
import type { ImportRecord } from '../parsers/import-record.js';
import type { ParseReport, SkippedRecord } from '../parsers/parse-report.js';
import { FACT_TABLES } from './fact-tables.js';
import { FactStore } from './fact-store.js';
import { createImportTempTables, IMPORT_SEEN } from './import-temp-tables.js';
import { applyMemberships } from './membership-reconciler.js';
import { BatchPipeline } from './batch-pipeline.js';
import type { SqlClient } from './sql-client.js';

/**
 * `snapshot`: the file states all of its source's facts; those it no longer states are closed.
 * `delta`: the file states changes only (FtM ADD/MOD/DEL lines); nothing else is touched.
 */
export type ImportMode = 'snapshot' | 'delta';

export interface ReferenceImportRequest {
  /** Logical dataset ("seed-entities", "opensanctions"): snapshots and no-op checks are per source. */
  source: string;
  format: string;
  fileName: string;
  /**
   * Hex SHA-256 of the file. A promise when the file is hashed as it is read (an upload stream): the
   * same-file check then happens once the records are written, and a repeat is rolled back.
   */
  sha256: string | Promise<string>;
  /** A parser's output; when its iterator returns a ParseReport, the skipped records are reported. */
  records: AsyncIterable<ImportRecord>;
  mode: ImportMode;
  importedBy: string;
  /** Called after every batch with the number of records written so far. */
  onProgress?: (recordsWritten: number) => void;
  /** Records per batch (default 1000). */
  batchSize?: number;
}

export interface ReferenceImportResult {
  /** The new dataset version, or the existing one when the import was a no-op. */
  version: number;
  /** The source's latest dataset came from the same file: nothing was written. */
  noop: boolean;
  recordsWritten: number;
  /** Malformed records passed over (first 1000; `skippedCount` has the total). */
  skipped: SkippedRecord[];
  skippedCount: number;
  /** Fact rows this version closed: replaced by a changed row, deleted, or absent from a snapshot. */
  closed: number;
  /** List memberships whose entity is not in the reference data; they were not stored. */
  unattachedMemberships: number;
}

const DEFAULT_BATCH_SIZE = 1000;
/** Imports run one at a time, so versions become visible in the order they were numbered. */
const IMPORT_LOCK = `SELECT pg_advisory_xact_lock(hashtext('reference-data-import'))`;

export async function importReferenceData(
  db: DataSource,
  request: ReferenceImportRequest,
): Promise<ReferenceImportResult> {
  const runner = db.createQueryRunner();
  const sql = (await runner.connect()) as SqlClient;
  const iterator = request.records[Symbol.asyncIterator]();
  let iteratorDone = false;
  let pipeline: BatchPipeline | undefined;
  // A hash that fails (the upload broke) fails the parse too; it is awaited at the end, not left unhandled.
  if (typeof request.sha256 !== 'string') request.sha256.catch(() => undefined);
  try {
    await runner.startTransaction();
    await sql.query(IMPORT_LOCK);
    if (typeof request.sha256 === 'string') {
      const previous = await latestDataset(sql, request.source);
      if (previous?.sha256 === request.sha256) {
        await runner.rollbackTransaction();
        return noopResult(previous.version);
      }
    }
    const version = await createDataset(sql, request);
    await createImportTempTables(sql);
    const snapshot = request.mode === 'snapshot';
    const store = new FactStore(sql, version, snapshot);
    pipeline = new BatchPipeline(sql, store, {
      source: request.source,
      batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE,
      onProgress: request.onProgress,
    });
    let report: ParseReport | undefined;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        iteratorDone = true;
        report = asParseReport(next.value);
        break;
      }
      if (pipeline.add(next.value)) await pipeline.flush();
    }
    await pipeline.finish();
    const closedUnseen = snapshot ? await closeUnseen(sql, store, request.source) : 0;
    const memberships = await applyMemberships(sql, { version, dataset: request.source, snapshot });

    const previous =
      typeof request.sha256 === 'string' ? undefined : await latestDataset(sql, request.source, version);
    if (previous && previous.sha256 === (await request.sha256)) {
      await runner.rollbackTransaction();
      return noopResult(previous.version);
    }
    const skippedCount = report?.skippedCount ?? 0;
    await sql.query(
      `UPDATE reference_datasets SET record_count = $2, skipped_count = $3, file_sha256 = $4 WHERE version = $1`,
      [version, pipeline.recordsWritten, skippedCount, await request.sha256],
    );
    await runner.commitTransaction();
    return {
      version,
      noop: false,
      recordsWritten: pipeline.recordsWritten,
      skipped: report?.skipped ?? [],
      skippedCount,
      closed: pipeline.closed + closedUnseen + memberships.closed,
      unattachedMemberships: memberships.unattached,
    };
  } catch (error) {
    await pipeline?.settle();
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    // Closes the file when the import stops early (no-op, database error).
    if (!iteratorDone) await iterator.return?.().catch(() => undefined);
    await runner.release();
  }
}

async function closeUnseen(sql: SqlClient, store: FactStore, source: string): Promise<number> {
  // Temporary tables are never analysed automatically; without statistics the planner would guess
  // a tiny table and check each fact against it in a nested loop.
  await sql.query(`ANALYZE ${IMPORT_SEEN}`);
  let closed = 0;
  for (const table of FACT_TABLES) closed += await store.closeUnseen(table, source);
  return closed;
}

async function latestDataset(
  sql: SqlClient,
  source: string,
  before = 2 ** 31 - 1,
): Promise<{ version: number; sha256: string } | undefined> {
  const { rows } = await sql.query<{ version: number; sha256: string }>(
    `SELECT version, file_sha256 AS sha256 FROM reference_datasets
      WHERE source = $1 AND version < $2 ORDER BY version DESC LIMIT 1`,
    [source, before],
  );
  return rows[0];
}

async function createDataset(sql: SqlClient, request: ReferenceImportRequest): Promise<number> {
  const sha256 = typeof request.sha256 === 'string' ? request.sha256 : '0'.repeat(64);
  const { rows } = await sql.query<{ version: number }>(
    `INSERT INTO reference_datasets (source, format, file_name, file_sha256, imported_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING version`,
    [request.source, request.format, request.fileName, sha256, request.importedBy],
  );
  return rows[0]!.version;
}

function asParseReport(value: unknown): ParseReport | undefined {
  return value !== null && typeof value === 'object' && 'skipped' in value && 'skippedCount' in value
    ? (value as ParseReport)
    : undefined;
}

function noopResult(version: number): ReferenceImportResult {
  return {
    version,
    noop: true,
    recordsWritten: 0,
    skipped: [],
    skippedCount: 0,
    closed: 0,
    unattachedMemberships: 0,
  };
}
