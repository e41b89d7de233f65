// Bulk screening: starts the screenings of a batch's rows in a sliding window (at most `window` starting
// at once), then continues as new every `rowsPerRun` rows, so a batch of any size keeps a small history.
// Each row's start is idempotent (tender + supplier key), so a retried activity never starts a supplier twice.
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { ScreeningBatchActivities, ScreeningBatchWorkflowInput } from '../libs/contracts/src/index.js';

const batches = proxyActivities<ScreeningBatchActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const DEFAULT_WINDOW = 10;
const DEFAULT_ROWS_PER_RUN = 100;

export async function screeningBatchWorkflow(input: ScreeningBatchWorkflowInput): Promise<void> {
  const window = Math.max(1, input.window ?? DEFAULT_WINDOW);
  const rowsPerRun = Math.max(1, input.rowsPerRun ?? DEFAULT_ROWS_PER_RUN);
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
      await batches.startBatchItem({ batchId: input.batchId, rowNumber });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, rows.length) }, lane));

  await continueAsNew<typeof screeningBatchWorkflow>({ ...input, afterRow: rows[rows.length - 1] });
}
