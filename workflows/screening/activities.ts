// The activities the screening workflow calls, with their timeouts and retry policies.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ScreeningActivities } from '../../libs/contracts/src/index.js';

const RECORDS_RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/** Short database writes and reads: retried until they succeed. */
export const records = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '30 seconds',
  retry: RECORDS_RETRY,
});

/**
 * The same writes as local activities: they run in the worker that holds the workflow task, with no
 * task-queue round trip, and each leaves one marker in the history instead of three events and often a
 * workflow task of its own. Every record is keyed (event key, state version, notification key, round),
 * so running one twice (a local activity is at-least-once, like any) writes it once.
 */
export const localRecords = proxyLocalActivities<ScreeningActivities>({
  startToCloseTimeout: '30 seconds',
  // Past this, a failing write's retries are scheduled by the server with timers, not held in one task.
  localRetryThreshold: '10 seconds',
  retry: RECORDS_RETRY,
});

const CHECKS_RETRY = { initialInterval: '2 seconds', maximumInterval: '1 minute' } as const;

/** Checks read a lot of reference data: longer timeout, gentler retries. */
export const checks = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '5 minutes',
  retry: CHECKS_RETRY,
});

/**
 * A round's checks as a local activity (runs from COMBINED_STEPS_PATCH on): they are database reads
 * of well under a second, so running them in the worker that holds the workflow task saves a task-queue
 * round trip and a workflow task per round. An Update sent meanwhile (a withdrawal) is taken when
 * they finish, as it would be between two steps.
 */
export const localChecks = proxyLocalActivities<ScreeningActivities>({
  startToCloseTimeout: '5 minutes',
  localRetryThreshold: '10 seconds',
  retry: CHECKS_RETRY,
});

/**
 * Screenings started from this patch on write their records through local activities and run a round's
 * checks as one activity; runs started before it replay (and continue) with one activity per record and
 * per check.
 */
export const COMPACT_HISTORY_PATCH = 'compact-history-2026-11';

/**
 * Screenings started from this patch on also write several steps' records with one local activity: the
 * start with its policy, a declaration with its audit event, a round's findings with their assessment,
 * the routing or decision with what follows it.
 */
export const COMBINED_STEPS_PATCH = 'combined-steps-2026-12';

/** How a run writes its records: one activity each, local activities per step, or steps combined. */
export type RecordsFormat = 'activities' | 'compact' | 'combined';

/**
 * Asked once, as a run starts, so a run never mixes formats. A new run records only the newest patch's
 * marker (patched() is true for it); a run from before it replays the marker it has, or none.
 */
export function recordsFormat(): RecordsFormat {
  if (patched(COMBINED_STEPS_PATCH)) return 'combined';
  return patched(COMPACT_HISTORY_PATCH) ? 'compact' : 'activities';
}
