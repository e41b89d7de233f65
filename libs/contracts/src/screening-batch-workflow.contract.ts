// The bulk screening workflow (workflow id = batch id): starts a batch's screenings in a sliding window of
// bounded concurrency and continues as new every `rowsPerRun` rows so its history stays small. The rows
// live in screening_batch_items; the workflow carries only the position it has reached.

export interface ScreeningBatchWorkflowInput {
  batchId: string;
  /** Rows after this one are still to start (0 on the first run). */
  afterRow?: number;
  /** How many screenings may be starting at once. */
  window?: number;
  /** Rows handled per run before continuing as new. */
  rowsPerRun?: number;
}

export type BatchItemOutcome = 'started' | 'already_screened' | 'failed';

export interface ScreeningBatchActivities {
  /** Row numbers still pending after `afterRow`, in order, at most `limit`. */
  pendingBatchRows(input: { batchId: string; afterRow: number; limit: number }): Promise<number[]>;
  /**
   * Starts one row's screening (the read-model row first, then the tender workflow's addSupplier Update),
   * or records why it could not start. Idempotent: a row already handled is left as it is.
   */
  startBatchItem(input: { batchId: string; rowNumber: number }): Promise<BatchItemOutcome>;
  completeBatch(input: { batchId: string }): Promise<void>;
}
