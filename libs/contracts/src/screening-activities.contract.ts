// What the screening workflow asks of the outside world. Plain types only: the workflow imports them
// as types, the worker implements them as Nest-backed activities.
import type {
  Actor,
  Approval,
  CheckName,
  Declaration,
  FinalDecision,
  Finding,
  RiskAssessment,
  ScreeningStatus,
  SupplierRef,
  TenderContext,
} from './domain-types.js';
// A type-only import: the policy document is plain data defined by the domain library.
import type { PolicyDocument } from '../../domain/src/policy/policy-document.js';
import type { WaitingFor } from './screening-workflow.contract.js';

export interface AuditEventInput {
  screeningId: string;
  /** Unique per screening and step: a retried activity writes the event once. */
  eventKey: string;
  occurredAt: string;
  actor: Actor;
  action: string;
  data: Record<string, unknown>;
}

export interface ReadModelSnapshot {
  screeningId: string;
  stateVersion: number;
  status: ScreeningStatus;
  stage: string;
  referenceDataVersion: string | null;
  risk: RiskAssessment | null;
  requiredApprovals: string[];
  approvals: Approval[];
  decision: FinalDecision | null;
  /** Who must act next, for the reviewers' inbox; null once nothing waits. */
  waitingFor: WaitingFor | null;
  /** When the supplier's invitation token stops working: its current deadline, when one is running. */
  invitationExpiresAt: string | null;
}

export interface SaveDeclarationInput {
  screeningId: string;
  revision: number;
  declaration: Declaration;
  submittedAt: string;
}

export interface RunCheckInput {
  check: CheckName;
  screeningId: string;
  round: number;
  tender: TenderContext;
  supplier: SupplierRef;
  declaration: Declaration;
  /** The reference-data version pinned for this round: every check reads the data as of it. */
  referenceDataVersion: string;
}

/**
 * A round's checks in one activity: the same input as RunCheckInput, with the checks to run; the
 * activity pins the newest reference-data version for all of them.
 */
export interface RunChecksInput extends Omit<RunCheckInput, 'check' | 'referenceDataVersion'> {
  checks: readonly CheckName[];
  /** The round's start, copied to the read model before the checks run (runs from the combined-steps patch on). */
  readModel?: ReadModelSnapshot;
}

export interface RunChecksResult {
  /** The version every check read. */
  referenceDataVersion: string;
  /** Per check, in the order of `checks`. */
  findings: Finding[][];
}

export interface RecordFindingsInput {
  screeningId: string;
  round: number;
  findings: Finding[];
}

export interface AssessRiskInput {
  screeningId: string;
  round: number;
  tender: TenderContext;
  policy: { id: string; version: number };
  findings: Finding[];
  referenceDataVersion: string;
}

export interface RecordApprovalInput {
  screeningId: string;
  stepKey: string;
  approval: Approval;
}

export type NotificationAudience = 'supplier' | 'buyer' | 'reviewer' | 'approver';

/** A message for people outside the workflow, queued in the notification outbox and sent by the worker. */
export interface NotificationRequest {
  screeningId: string;
  /** Unique per screening: a retried activity queues the notification once. */
  key: string;
  /** e.g. declaration.reminder, review.escalated. */
  kind: string;
  audience: NotificationAudience;
  /** What the message says (deadlines, questions): no declaration contents, no personal data. */
  data: Record<string, unknown>;
}

/**
 * One step's records, written in this order by one activity; each is keyed (revision, step key, event
 * key, state version, notification key), so a retry writes each once.
 */
export interface StepRecordsInput {
  /** A declaration the supplier submitted: stored first, its digest set on the audit event named. */
  declaration?: SaveDeclarationInput & { digestInEvent: string };
  approval?: RecordApprovalInput;
  /** Appended in order, under one lock of the chain. */
  audits?: AuditEventInput[];
  readModel?: ReadModelSnapshot;
  notifications?: NotificationRequest[];
}

export interface StepRecordsResult {
  /** The stored declaration's digest, when the step stored one. */
  digest?: string;
}

/** A screening's first step: the start's records, and the pinned policy version for routing. */
export interface OpenScreeningInput {
  policy: { id: string; version: number };
  records: StepRecordsInput;
}

/**
 * What a round's checks found, stored and scored in one step: the findings (with reviewers' dismissals
 * applied), the audit event that lists them, then the risk assessment.
 */
export interface AssessRoundInput {
  findings: RecordFindingsInput;
  /** checks.completed; the activity adds `findings`, summarised as recorded (findingsSummary). */
  checksCompleted: AuditEventInput;
  risk: Omit<AssessRiskInput, 'findings'>;
}

export interface AssessRoundResult {
  findings: Finding[];
  risk: RiskAssessment;
}

/** How the checks.completed audit event lists a round's findings. */
export function findingsSummary(findings: readonly Finding[]) {
  return findings.map((f) => ({
    key: f.key,
    code: f.code,
    check: f.check,
    subject: f.subject.name,
    dismissed: Boolean(f.dismissed),
  }));
}

export interface ScreeningActivities {
  recordAuditEvent(input: AuditEventInput): Promise<{ seq: number; hash: string }>;
  syncReadModel(snapshot: ReadModelSnapshot): Promise<void>;
  saveDeclaration(input: SaveDeclarationInput): Promise<{ digest: string }>;
  /** The newest reference-data version, pinned by the workflow at the start of a checks round. */
  currentReferenceDataVersion(): Promise<string>;
  /** One check of one round; the workflow runs the checks in parallel. */
  runCheck(input: RunCheckInput): Promise<Finding[]>;
  /**
   * A round's checks, run in parallel inside one activity after pinning the newest reference-data
   * version: one task and three history events instead of six of each. Checks only read, so a retry
   * re-runs them all harmlessly (against the version it pins).
   */
  runChecks(input: RunChecksInput): Promise<RunChecksResult>;
  /** Stores a round's findings and returns them with reviewers' dismissals applied. */
  recordFindings(input: RecordFindingsInput): Promise<Finding[]>;
  assessRisk(input: AssessRiskInput): Promise<RiskAssessment>;
  recordApproval(input: RecordApprovalInput): Promise<void>;
  /** The pinned policy version, for routing the sign-off; fails for good when it is not published. */
  loadPolicyRules(policy: { id: string; version: number }): Promise<PolicyDocument>;
  queueNotification(input: NotificationRequest): Promise<void>;
  /** saveDeclaration, recordApproval, recordAuditEvent, syncReadModel and queueNotification for one step, in one call. */
  recordStep(input: StepRecordsInput): Promise<StepRecordsResult>;
  /** The start's records and loadPolicyRules, in one call. */
  openScreening(input: OpenScreeningInput): Promise<PolicyDocument>;
  /** recordFindings, the checks.completed audit event and assessRisk, in one call. */
  assessRound(input: AssessRoundInput): Promise<AssessRoundResult>;
}
