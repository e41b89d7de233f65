// What the screening workflow asks of the outside world. Plain types only: the workflow imports them
// as types, the worker implements them as Nest-backed activities.
import type {
  Actor,
  Approval,
  Declaration,
  FinalDecision,
  Finding,
  RiskAssessment,
  ScreeningStatus,
  SupplierRef,
  TenderContext,
} from './domain-types.js';

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
}

export interface SaveDeclarationInput {
  screeningId: string;
  revision: number;
  declaration: Declaration;
  submittedAt: string;
}

export interface RunChecksInput {
  screeningId: string;
  round: number;
  tender: TenderContext;
  supplier: SupplierRef;
  declaration: Declaration;
}

export interface ChecksResult {
  findings: Finding[];
  referenceDataVersion: string;
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

export interface ScreeningActivities {
  recordAuditEvent(input: AuditEventInput): Promise<{ seq: number; hash: string }>;
  syncReadModel(snapshot: ReadModelSnapshot): Promise<void>;
  saveDeclaration(input: SaveDeclarationInput): Promise<{ digest: string }>;
  runChecks(input: RunChecksInput): Promise<ChecksResult>;
  assessRisk(input: AssessRiskInput): Promise<RiskAssessment>;
  recordApproval(input: RecordApprovalInput): Promise<void>;
}
