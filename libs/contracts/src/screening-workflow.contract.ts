// The screening workflow's public surface: its input, its messages and its query result.
// Declared once here so the API (client side) and the workflow (server side) cannot drift apart.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  Approval,
  ApprovalLevel,
  Declaration,
  DeclaredSubcontractor,
  DecisionKind,
  FinalDecision,
  Finding,
  RiskAssessment,
  ScreeningStatus,
  SupplierRef,
  TenderContext,
} from './domain-types.js';

/** The human steps' durations in milliseconds, resolved from the pinned policy version at start. */
export interface ScreeningDurations {
  /** How long the supplier has to declare (and to answer a reviewer's questions). */
  declarationMs: number;
  /** Interval of reminders to the supplier while a declaration or answers are due. */
  declarationReminderMs: number;
  /** How long an excludable supplier has to make representations (UK-PA-2023 s58). */
  representationsWindowMs: number;
  /** How long each sign-off level has before it escalates to the approver pool. */
  reviewDeadlineMs: Record<ApprovalLevel, number>;
  /** Interval of reminders to the pool while a level is within its deadline. */
  reviewReminderMs: number;
  /** Interval of reminders to the approver pool once a level has escalated. */
  escalationReminderMs: number;
  /** After a declaration arrives, how long the supplier may still amend it before checks start. */
  amendmentWindowMs?: number;
}

export interface ScreeningWorkflowInput {
  screeningId: string;
  tender: TenderContext;
  supplier: SupplierRef;
  startedBy: Actor;
  /** The policy version pinned at start; the decision can be re-derived from it years later. */
  policy: { id: string; version: number };
  durations: ScreeningDurations;
  /**
   * The supplier's declaration the buyer already holds (a batch row's): the screening starts with it as
   * revision 1 and goes straight to the checks, instead of waiting for the supplier to declare.
   */
  declarationOnFile?: DeclarationOnFile;
}

export interface DeclarationOnFile {
  declaration: Declaration;
  /** Who supplied it: the buyer who started the batch. */
  submittedBy: Actor;
  submittedAt: string;
  /** Where it came from, for the audit trail: "screening batch bat_… row 12". */
  source: string;
}

/** Who signs, and which extra steps the law asks for, as read from the policy for one assessment. */
export interface ScreeningRoute {
  levels: ApprovalLevel[];
  representationsRequired: boolean;
  ministerialReferralRequired: boolean;
  overrideAllowed: boolean;
  replacementAllowed: boolean;
}

/** Who may act on the screening now. Pools are roles, never persons: no personal data. */
export type WaitingPool = 'supplier' | 'reviewer' | 'approver';

export interface WaitingFor {
  step: 'declaration' | 'information' | 'representations' | 'review' | 'approval' | 'ministerial_referral';
  pools: WaitingPool[];
  level: ApprovalLevel | null;
  since: string;
  dueAt: string | null;
  /** The level's deadline passed, so the approver pool was asked to step in. */
  escalated: boolean;
  /** People who may not act on this step: the buyer who started it, and who signed another level. */
  excludedUserIds: string[];
}

export interface InformationRequest {
  questions: string[];
  /** The questions ask about connected or associated persons: refusing to answer excludes (s30). */
  concernsConnectedPersons: boolean;
  requestedBy: string;
  at: string;
  refusal: { reason: string; at: string } | null;
}

export interface Representation {
  text: string;
  at: string;
}

export interface MinisterialReferral {
  referredBy: string;
  reference: string;
  note: string | null;
  at: string;
  answer: { agreed: boolean; recordedBy: string; reference: string | null; note: string; at: string } | null;
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
  /** Until when the supplier may still amend its declaration, while status is checking. */
  amendableUntil: string | null;
  route: ScreeningRoute | null;
  waitingFor: WaitingFor | null;
  informationRequest: InformationRequest | null;
  representations: Representation[];
  ministerialReferral: MinisterialReferral | null;
  /** The deciding signer chose exclusion; it takes effect once a minister agrees (s29). */
  pendingExclusion: { decidedBy: string; reason: string; at: string } | null;
  /** A minister did not agree to the exclusion: the case can no longer be excluded on that ground. */
  exclusionBlocked: boolean;
}

export interface SubmitDeclarationInput {
  declaration: Declaration;
}

export interface DecideInput {
  actor: Actor;
  decision: DecisionKind;
  reason: string;
  questions?: string[];
  /** Approving an `excluded` outcome, where the policy allows it; needs a written justification. */
  override?: boolean;
  /** With request_information: the questions are about connected or associated persons (s30). */
  concernsConnectedPersons?: boolean;
}

export interface ExtendDeadlineInput {
  actor: Actor;
  /** ISO-8601 time, later than the current declaration deadline. */
  until: string;
  reason: string;
}

export interface WithdrawInput {
  actor: Actor;
  reason: string;
}

export interface MakeRepresentationsInput {
  text: string;
}

export interface ReplaceAssociatedPersonInput {
  /** The declaration's sub-contractors and associated persons after the replacement. */
  subcontractors: DeclaredSubcontractor[];
  explanation: string;
}

export interface DeclineToAnswerInput {
  reason: string;
}

export interface RecordMinisterialReferralInput {
  actor: Actor;
  reference: string;
  note?: string;
}

export interface RecordMinisterialAnswerInput {
  actor: Actor;
  agreed: boolean;
  reference?: string;
  note: string;
}

export interface UpdateAccepted {
  status: ScreeningStatus;
}

export const submitDeclarationUpdate = defineUpdate<UpdateAccepted, [SubmitDeclarationInput]>(
  'submitDeclaration',
);
export const decideUpdate = defineUpdate<UpdateAccepted, [DecideInput]>('decide');
export const extendDeadlineUpdate = defineUpdate<UpdateAccepted, [ExtendDeadlineInput]>('extendDeadline');
export const withdrawUpdate = defineUpdate<UpdateAccepted, [WithdrawInput]>('withdraw');
export const makeRepresentationsUpdate = defineUpdate<UpdateAccepted, [MakeRepresentationsInput]>(
  'makeRepresentations',
);
export const replaceAssociatedPersonUpdate = defineUpdate<UpdateAccepted, [ReplaceAssociatedPersonInput]>(
  'replaceAssociatedPerson',
);
export const declineToAnswerUpdate = defineUpdate<UpdateAccepted, [DeclineToAnswerInput]>('declineToAnswer');
export const recordMinisterialReferralUpdate = defineUpdate<UpdateAccepted, [RecordMinisterialReferralInput]>(
  'recordMinisterialReferral',
);
export const recordMinisterialAnswerUpdate = defineUpdate<UpdateAccepted, [RecordMinisterialAnswerInput]>(
  'recordMinisterialAnswer',
);
export const screeningStateQuery = defineQuery<ScreeningState>('screeningState');

/** Search attributes (registered on the server as Keyword): ids and role names only, no personal data. */
export const SCREENING_STAGE = defineSearchAttributeKey('ScreeningStage', SearchAttributeType.KEYWORD);
export const SCREENING_ASSIGNEE = defineSearchAttributeKey('ScreeningAssignee', SearchAttributeType.KEYWORD);

/** Error types raised by update validators, mapped to HTTP answers by the API. */
export const REFUSAL = {
  wrongStage: 'WrongStage',
  fourEyes: 'FourEyesViolation',
  notAllowed: 'ActionNotAllowed',
  invalid: 'InvalidAction',
} as const;
