// Bulk screening: starts the screenings of a batch's rows in a sliding window (at most `window` starting
// at once), then continues as new every `rowsPerRun` rows, so a batch of any size keeps a small history.
// Each row's start is idempotent (tender + supplier key), so a retried activity never starts a supplier twice.
import { continueAsNew, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ScreeningBatchActivities, ScreeningBatchWorkflowInput } from '../libs/contracts/src/index.js';

const RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

const batches = proxyActivities<ScreeningBatchActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });

/**
 * Starting a row is a few short writes and one Update to the tender: a local activity, one marker in
 * this history instead of three events and a task of its own. Runs started before the patch keep
 * starting rows with activities.
 */
const localBatches = proxyLocalActivities<ScreeningBatchActivities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry: RETRY,
});
const LOCAL_ROW_STARTS_PATCH = 'batch-rows-as-local-activities-2026-11';

const DEFAULT_WINDOW = 10;
const DEFAULT_ROWS_PER_RUN = 100;

export async function screeningBatchWorkflow(input: ScreeningBatchWorkflowInput): Promise<void> {
  const window = Math.max(1, input.window ?? DEFAULT_WINDOW);
  const rowsPerRun = Math.max(1, input.rowsPerRun ?? DEFAULT_ROWS_PER_RUN);
  const rowStarts = patched(LOCAL_ROW_STARTS_PATCH) ? localBatches : batches;
  const rows = await batches.pendingBatchRows({
    batchId: input.batchId,
    afterRow: input.afterRow ?? 0,
    limit: rowsPerRun,
  });
  if (rows.length === 0) {
    await batches.completeBatch({ batchId: input.batchId });
    return;
  }

  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const rowNumber = rows[next++];
      await rowStarts.startBatchItem({ batchId: input.batchId, rowNumber });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, rows.length) }, lane));

  await continueAsNew<typeof screeningBatchWorkflow>({ ...input, afterRow: rows[rows.length - 1] });
}
