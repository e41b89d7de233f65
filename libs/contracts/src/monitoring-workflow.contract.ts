// Continuous monitoring of approved screenings (workflow type referenceDataMonitoringWorkflow): after a
// reference-data import, and periodically as a safety net, every approved screening is re-checked
// against the newest dataset version; one whose findings or outcome change gets an alert. Started by a
// Temporal Schedule (overlap SKIP), so two runs never overlap.

/** Schedule and workflow-id prefix of the monitoring runs (scoped by task queue, see libs/temporal). */
export const MONITORING_SCHEDULE_ID = 'reference-data-monitoring';
export const MONITORING_WORKFLOW_TYPE = 'referenceDataMonitoringWorkflow';

export interface ReferenceDataMonitoringInput {
  /** The version this run re-checks against; unset on a fresh run: the newest, read at start. */
  referenceDataVersion?: string;
  /** Keyset position: screenings with a greater id are still to re-check (continue-as-new carries it). */
  afterScreeningId?: string;
  /** Re-checks running at once. */
  concurrency?: number;
  /** Screenings per run before continuing as new, so the history stays small. */
  pageSize?: number;
  /** Totals of the runs before this one (continue-as-new carries them). */
  totals?: MonitoringTotals;
}

export interface MonitoringTotals {
  alerts: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface MonitoringRunSummary extends MonitoringTotals {
  referenceDataVersion: string;
}

export interface RecheckInput {
  screeningId: string;
  referenceDataVersion: string;
}

export type RecheckOutcome =
  /** Findings or outcome changed: an alert, its notifications and its audit event were written. */
  | { result: 'alert_raised'; alertId: string }
  /** Re-checked: nothing people must act on changed. */
  | { result: 'unchanged' }
  /** Not re-checked: no longer approved, already checked at this version, or not sealed yet. */
  | { result: 'skipped'; reason: string };

export interface ReferenceDataMonitoringActivities {
  /** The newest reference-data version (the same activity the screening workflow pins its rounds with). */
  currentReferenceDataVersion(): Promise<string>;
  /**
   * Approved screenings, sealed, not yet re-checked at `referenceDataVersion` (nor approved on it or
   * later), with an id after `afterScreeningId`, in id order, at most `limit`.
   */
  approvedScreeningsToRecheck(input: {
    referenceDataVersion: string;
    afterScreeningId: string | null;
    limit: number;
  }): Promise<string[]>;
  /**
   * Runs the screening's five checks on its pinned declaration against `referenceDataVersion`, scores
   * them under its pinned policy version and compares with what it was approved (or last re-checked)
   * on. A change raises an alert in one transaction with its notifications and audit event; idempotent
   * on (screening, version).
   */
  recheckApprovedScreening(input: RecheckInput): Promise<RecheckOutcome>;
}
