// The decision report: everything an auditor needs to see why a screening ended as it did, from the
// read model and the audit trail, with the trail's verification and its final hash. One plain object,
// served as JSON and rendered as HTML.
import type {
  Approval,
  Declaration,
  Evidence,
  FinalDecision,
  Identifier,
  OutcomeBasis,
  RiskAssessment,
} from '../../../../libs/contracts/src/index.js';
import type { TrailVerification } from '../../../../libs/audit/src/index.js';
import type {
  AuditEventEntity,
  DeclarationEntity,
  FindingEntity,
  ScreeningEntity,
  TenderEntity,
} from '../../../../libs/persistence/src/index.js';

export const REPORT_VERSION = 1;

export interface DecisionReport {
  reportVersion: number;
  generatedAt: string;
  generatedBy: string;
  screening: {
    id: string;
    status: string;
    stage: string;
    startedBy: string;
    createdAt: string;
    updatedAt: string;
  };
  tender: {
    id: string;
    reference: string;
    title: string;
    buyer: { name: string; type: string };
    cpvCodes: string[];
    sensitiveSite: boolean;
    intendedUse: string | null;
  };
  supplier: { name: string; country: string; identifiers: Identifier[] };
  policy: { id: string; version: number };
  referenceDataVersion: string | null;
  declaration: (Declaration & { revision: number; submittedAt: string; digest: string }) | null;
  findings: {
    key: string;
    check: string;
    code: string;
    subject: { role: string; name: string; country?: string };
    summary: string;
    evidence: Evidence[];
  }[];
  risk: {
    score: number;
    band: string;
    outcome: string;
    factors: RiskAssessment['factors'];
    outcomeBasis: OutcomeBasis | null;
    requiredApprovals: string[];
    policy: { id: string; version: number };
    referenceDataVersion: string;
  } | null;
  approvals: Approval[];
  decision: FinalDecision | null;
  auditTrail: {
    valid: boolean;
    events: number;
    brokenAt?: { seq: number; reason: string };
    sealed: boolean;
    /** The seal's hash: the decision's final hash (monitoring events may follow it). */
    sealHash?: string | null;
    /** The hash the screening keeps of its last event. */
    headHash: string | null;
    lastHash: string | null;
    entries: {
      seq: number;
      at: string;
      actor: { userId: string; role: string };
      action: string;
      hash: string;
    }[];
  };
}

export interface DecisionReportSources {
  screening: ScreeningEntity;
  tender: TenderEntity;
  declaration: DeclarationEntity | null;
  findings: FindingEntity[];
  verification: TrailVerification;
  events: AuditEventEntity[];
  generatedBy: string;
  generatedAt?: Date;
}

export function buildDecisionReport(sources: DecisionReportSources): DecisionReport {
  const { screening: s, tender: t, declaration: d, verification: v } = sources;
  return {
    reportVersion: REPORT_VERSION,
    generatedAt: (sources.generatedAt ?? new Date()).toISOString(),
    generatedBy: sources.generatedBy,
    screening: {
      id: s.id,
      status: s.status,
      stage: s.stage,
      startedBy: s.startedBy,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    },
    tender: {
      id: t.id,
      reference: t.reference,
      title: t.title,
      buyer: { name: t.buyerName, type: t.buyerType },
      cpvCodes: t.cpvCodes,
      sensitiveSite: t.sensitiveSite,
      intendedUse: t.intendedUse,
    },
    supplier: { name: s.supplierName, country: s.supplierCountry, identifiers: s.supplierIdentifiers },
    policy: { id: s.policyId, version: s.policyVersion },
    referenceDataVersion: s.referenceDataVersion,
    declaration: d
      ? { ...d.data, revision: d.revision, submittedAt: d.submittedAt.toISOString(), digest: d.digest }
      : null,
    findings: sources.findings.map((f) => ({
      key: f.key,
      check: f.check,
      code: f.code,
      subject: f.subject,
      summary: f.summary,
      evidence: f.evidence,
    })),
    risk: s.risk
      ? {
          score: s.risk.score,
          band: s.risk.band,
          outcome: s.risk.outcome,
          factors: s.risk.factors,
          outcomeBasis: s.risk.outcomeBasis ?? null,
          requiredApprovals: s.risk.requiredApprovals,
          policy: s.risk.policy,
          referenceDataVersion: s.risk.referenceDataVersion,
        }
      : null,
    approvals: s.approvals,
    decision: s.decision,
    auditTrail: {
      valid: v.valid,
      events: v.events,
      ...(v.brokenAt ? { brokenAt: v.brokenAt } : {}),
      sealed: v.sealed,
      sealHash: v.sealHash,
      headHash: v.headHash,
      lastHash: v.lastHash,
      entries: sources.events.map((e) => ({
        seq: e.seq,
        at: e.occurredAt.toISOString(),
        actor: { userId: e.actorId, role: e.actorRole },
        action: e.action,
        hash: e.hash,
      })),
    },
  };
}
