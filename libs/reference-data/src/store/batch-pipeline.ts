// Feeds records to the fact store in batches, one batch in flight while the next is being parsed: the
// importer's CPU (parsing, name normalisation) and PostgreSQL's then work at the same time.
import type { ImportRecord } from '../parsers/index.js';
import type { FactStore } from './fact-store.js';
import { stageMemberships } from './membership-reconciler.js';
import { type FactBatch, PendingFacts } from './pending-facts.js';
import type { SqlClient } from './sql-client.js';

export interface BatchPipelineOptions {
  /** Logical dataset the rows are stored under. */
  source: string;
  batchSize: number;
  onProgress?: (recordsWritten: number) => void;
}

export class BatchPipeline {
  /** Records whose batch is in the database. */
  recordsWritten = 0;
  /** Rows the written batches closed. */
  closed = 0;
  private readonly pending: PendingFacts;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: SqlClient,
    private readonly store: FactStore,
    private readonly options: BatchPipelineOptions,
  ) {
    this.pending = new PendingFacts(options.source);
  }

  /** Adds a record; true when the batch is full and should be flushed. */
  add(record: ImportRecord): boolean {
    this.pending.add(record);
    return this.pending.size >= this.options.batchSize;
  }

  /** Waits for the previous batch, then starts writing the pending one without waiting for it. */
  async flush(): Promise<void> {
    await this.inFlight;
    const size = this.pending.size;
    if (size === 0) return;
    const writing = this.write(this.pending.drain()).then((closed) => {
      this.closed += closed;
      this.recordsWritten += size;
      this.options.onProgress?.(this.recordsWritten);
    });
    // Its failure is raised by the next flush or by settle(); until then it must not count as unhandled.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  /** Writes what is pending and waits until every batch is in. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Waits for the batch in flight, ignoring its outcome: before rolling back after another failure. */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  private async write(batch: FactBatch): Promise<number> {
    let closed = 0;
    for (const [table, keys] of batch.deletes) closed += await this.store.close(table, keys);
    for (const [table, rows] of batch.upserts) closed += await this.store.upsert(table, rows);
    await stageMemberships(this.sql, batch.memberships);
    return closed;
  }
}
