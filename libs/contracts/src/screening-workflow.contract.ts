// The screening workflow's public surface: its input, its messages and its query result.
// Declared once here so the API (client side) and the workflow (server side) cannot drift apart.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  Approval,
  Declaration,
  DecisionKind,
  FinalDecision,
  Finding,
  RiskAssessment,
  ScreeningStatus,
  SupplierRef,
  TenderContext,
} from './domain-types.js';

export interface ScreeningDurations {
  /** How long the supplier has to declare, in milliseconds. */
  declarationMs: number;
}

export interface ScreeningWorkflowInput {
  screeningId: string;
  tender: TenderContext;
  supplier: SupplierRef;
  startedBy: Actor;
  /** The policy version pinned at start; the decision can be re-derived from it years later. */
  policy: { id: string; version: number };
  durations: ScreeningDurations;
}

export interface ScreeningState {
  screeningId: string;
  status: ScreeningStatus;
  stage: string;
  findings: Finding[];
  risk: RiskAssessment | null;
  requiredApprovals: string[];
  approvals: Approval[];
  decision: FinalDecision | null;
  /** Questions a reviewer sent back to the supplier, when status is information_requested. */
  questions: string[];
  declarationDeadline: string | null;
}

export interface SubmitDeclarationInput {
  declaration: Declaration;
}

export interface DecideInput {
  actor: Actor;
  decision: DecisionKind;
  reason: string;
  questions?: string[];
}

export interface UpdateAccepted {
  status: ScreeningStatus;
}

export const submitDeclarationUpdate = defineUpdate<UpdateAccepted, [SubmitDeclarationInput]>('submitDeclaration');
export const decideUpdate = defineUpdate<UpdateAccepted, [DecideInput]>('decide');
export const screeningStateQuery = defineQuery<ScreeningState>('screeningState');

/** Error types raised by update validators, mapped to HTTP answers by the API. */
export const REFUSAL = {
  wrongStage: 'WrongStage',
  fourEyes: 'FourEyesViolation',
  notAllowed: 'ActionNotAllowed',
  invalid: 'InvalidAction',
} as const;
