// The activities the screening workflow calls, with their timeouts and retry policies.
import { proxyActivities } from '@temporalio/workflow';
import type { ScreeningActivities } from '../../libs/contracts/src/index.js';

/** Short database writes and reads: retried until they succeed. */
export const records = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Checks read a lot of reference data: longer timeout, gentler retries. */
export const checks = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});
