// Continuous monitoring: re-checks every approved screening against the newest reference data, a page
// at a time (at most `concurrency` at once), continuing as new after each full page so the history stays
// small however many screenings are approved. A screening that cannot be re-checked is counted and left
// for the next run; the others carry on. Before finishing, the run looks again at the newest version: an
// import that arrived meanwhile was skipped by the schedule (overlap SKIP), so this run takes it on.
import { ActivityFailure, continueAsNew, log, proxyActivities } from '@temporalio/workflow';
import type {
  MonitoringRunSummary,
  MonitoringTotals,
  RecheckOutcome,
  ReferenceDataMonitoringActivities,
  ReferenceDataMonitoringInput,
} from '../libs/contracts/src/index.js';

const monitoring = proxyActivities<ReferenceDataMonitoringActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** A re-check runs the five checks: as long as a checks round, and given up after a few attempts. */
const rechecks = proxyActivities<ReferenceDataMonitoringActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_PAGE_SIZE = 100;
const NO_TOTALS: MonitoringTotals = { alerts: 0, unchanged: 0, skipped: 0, failed: 0 };

export async function referenceDataMonitoringWorkflow(
  input: ReferenceDataMonitoringInput = {},
): Promise<MonitoringRunSummary> {
  const concurrency = Math.max(1, input.concurrency ?? DEFAULT_CONCURRENCY);
  const pageSize = Math.max(1, input.pageSize ?? DEFAULT_PAGE_SIZE);
  const referenceDataVersion = input.referenceDataVersion ?? (await monitoring.currentReferenceDataVersion());
  const totals = { ...NO_TOTALS, ...input.totals };

  const page = await monitoring.approvedScreeningsToRecheck({
    referenceDataVersion,
    afterScreeningId: input.afterScreeningId ?? null,
    limit: pageSize,
  });
  let next = 0;
  const lane = async () => {
    while (next < page.length) {
      const screeningId = page[next++];
      const outcome = await recheck(screeningId, referenceDataVersion);
      if (outcome === 'failed') totals.failed += 1;
      else if (outcome.result === 'alert_raised') totals.alerts += 1;
      else if (outcome.result === 'unchanged') totals.unchanged += 1;
      else totals.skipped += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, lane));

  if (page.length === pageSize) {
    return continueAsNew<typeof referenceDataMonitoringWorkflow>({
      ...input,
      referenceDataVersion,
      afterScreeningId: page[page.length - 1],
      totals,
    });
  }
  const newest = await monitoring.currentReferenceDataVersion();
  if (newest !== referenceDataVersion) {
    return continueAsNew<typeof referenceDataMonitoringWorkflow>({
      ...input,
      referenceDataVersion: newest,
      afterScreeningId: undefined,
      totals,
    });
  }
  log.info('reference-data monitoring finished', { referenceDataVersion, ...totals });
  return { referenceDataVersion, ...totals };
}

async function recheck(
  screeningId: string,
  referenceDataVersion: string,
): Promise<RecheckOutcome | 'failed'> {
  try {
    return await rechecks.recheckApprovedScreening({ screeningId, referenceDataVersion });
  } catch (error) {
    // One screening's persistent failure must not hold up the others: the next run tries it again.
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('re-check failed; left for the next run', { screeningId, error: error.cause?.message });
    return 'failed';
  }
}
