// The tender workflow's public surface (workflow id = tender id): its input, its messages, its query and
// the activities it calls. A tender's screenings run as child workflows of it; screening id = workflow id.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, ScreeningStatus } from './domain-types.js';
import type { ScreeningWorkflowInput } from './screening-workflow.contract.js';

/** The tender's status column: `closed` is set by the buyer, the others follow the screenings. */
export type TenderStatus = 'open' | 'ready_for_award' | 'closed';

/**
 * How the tender learns a screening's outcome: from the child's result when this run started it, else
 * (a screening started before tenders had workflows, or by an earlier run before continue-as-new) by
 * reading the read model at an interval.
 */
export type TenderScreeningTracking = 'child' | 'read_model';

export interface TenderScreening {
  screeningId: string;
  supplierName: string;
  status: ScreeningStatus;
  tracking: TenderScreeningTracking;
}

export interface TenderWorkflowInput {
  tenderId: string;
  /** Carried over by continue-as-new; absent on the first run, which loads them from the read model. */
  screenings?: TenderScreening[];
  /** How often screenings tracked through the read model are re-read (default one minute). */
  pollIntervalMs?: number;
  /** Continue as new once the history is this long (default 2,000 events). */
  maxHistoryLength?: number;
}

export interface AddSupplierResult {
  screeningId: string;
  /** False when the tender already had this screening: starting it again is a no-op. */
  added: boolean;
}

export interface CloseTenderInput {
  actor: Actor;
  reason: string;
}

export interface CloseTenderResult {
  status: 'closed';
  /** Screenings that were still open and are now withdrawn. */
  withdrawn: string[];
}

export interface TenderWorkflowState {
  tenderId: string;
  status: TenderStatus;
  screenings: TenderScreening[];
}

/** The screening's input exactly as the API computed it; the tender starts it as a child. */
export const addSupplierUpdate = defineUpdate<AddSupplierResult, [ScreeningWorkflowInput]>('addSupplier');
export const closeTenderUpdate = defineUpdate<CloseTenderResult, [CloseTenderInput]>('closeTender');
export const tenderStateQuery = defineQuery<TenderWorkflowState>('tenderState');

/** Error type of a refused tender Update. */
export const TENDER_REFUSAL = { closed: 'TenderClosed', invalid: 'InvalidTenderAction' } as const;

export interface TenderActivities {
  /** The tender's screenings in the read model (including those started before the tender workflow). */
  tenderScreenings(input: { tenderId: string }): Promise<TenderScreening[]>;
  /** Current statuses from the read model, for screenings this run does not await as children. */
  screeningStatuses(input: { screeningIds: string[] }): Promise<Record<string, ScreeningStatus>>;
  /** Writes the tender's status column; never reopens a closed tender. */
  setTenderStatus(input: { tenderId: string; status: Exclude<TenderStatus, 'closed'> }): Promise<void>;
  /** Marks the tender closed, then withdraws every screening of it still open (the withdraw Update). */
  closeTender(input: { tenderId: string } & CloseTenderInput): Promise<{ withdrawn: string[] }>;
}
