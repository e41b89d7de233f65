import type {
  DeclarationEntity,
  FindingEntity,
  MonitoringAlertEntity,
  ScreeningAssignmentEntity,
  ScreeningEntity,
} from '../../../../libs/persistence/src/index.js';

export function presentScreeningSummary(s: ScreeningEntity) {
  return {
    id: s.id,
    tenderId: s.tenderId,
    status: s.status,
    stage: s.stage,
    supplier: { name: s.supplierName, country: s.supplierCountry, identifiers: s.supplierIdentifiers },
    risk: s.risk ? { score: s.risk.score, band: s.risk.band, outcome: s.risk.outcome } : null,
    decision: s.decision,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentScreening(
  s: ScreeningEntity,
  declaration: DeclarationEntity | null,
  findings: FindingEntity[],
  assignment: ScreeningAssignmentEntity | null = null,
  alerts: MonitoringAlertEntity[] = [],
) {
  return {
    ...presentScreeningSummary(s),
    policy: { id: s.policyId, version: s.policyVersion },
    referenceDataVersion: s.referenceDataVersion,
    invitationExpiresAt: s.invitationExpiresAt.toISOString(),
    declaration: declaration
      ? {
          revision: declaration.revision,
          submittedAt: declaration.submittedAt.toISOString(),
          digest: declaration.digest,
          ...declaration.data,
        }
      : null,
    findings: findings.map((f) => ({
      key: f.key,
      check: f.check,
      code: f.code,
      subject: f.subject,
      summary: f.summary,
      evidence: f.evidence,
      attributes: f.attributes,
    })),
    risk: s.risk,
    requiredApprovals: s.requiredApprovals,
    approvals: s.approvals,
    waitingFor: presentWaitingFor(assignment),
    // Newest first: what continuous monitoring found since the decision (GET /v1/alerts has them all).
    alerts: alerts.map((alert) => ({
      id: alert.id,
      kind: alert.kind,
      summary: alert.summary,
      referenceDataVersion: String(alert.referenceDataVersion),
      createdAt: alert.createdAt.toISOString(),
      acknowledged: alert.acknowledgedAt !== null,
    })),
    auditHeadHash: s.auditHeadHash,
  };
}

/** Who must act next and by when; null once nothing waits. */
export function presentWaitingFor(a: ScreeningAssignmentEntity | null) {
  if (!a?.step) return null;
  return {
    step: a.step,
    pools: a.pools,
    level: a.level,
    since: a.waitingSince?.toISOString() ?? null,
    dueAt: a.dueAt?.toISOString() ?? null,
    overdue: a.dueAt !== null && a.dueAt.getTime() < Date.now(),
    escalated: a.escalated,
  };
}
