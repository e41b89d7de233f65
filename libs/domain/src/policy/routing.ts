// Who must sign an assessment and which extra steps the law asks for before an exclusion takes effect.
import type { ApprovalLevel, RiskBand, RiskOutcome } from '../../../contracts/src/domain-types.js';
import type { OutcomeBasis } from './outcome.js';
import type { PolicyDocument } from './policy-document.js';

export interface ApprovalRoute {
  /** In signing order; one person may not sign two levels. */
  levels: ApprovalLevel[];
  /** The supplier gets the representations window before an approver decides (UK-PA-2023 s58). */
  representationsRequired: boolean;
  /** A minister must agree before this buyer excludes on national-security grounds (UK-PA-2023 s29). */
  ministerialReferralRequired: boolean;
  /** An approver may override `excluded` with a written justification. */
  overrideAllowed: boolean;
  /** Only an associated person or sub-contractor is the problem, so the supplier may replace it (s26). */
  replacementAllowed: boolean;
}

export interface RoutableAssessment {
  outcome: RiskOutcome;
  band: RiskBand;
  policy: { id: string; version: number };
  outcomeBasis: OutcomeBasis;
}

/** Routing for an assessment, read from the exact policy version that scored it. */
export function routingFor(assessment: RoutableAssessment, policy: PolicyDocument): ApprovalRoute {
  const { id, version } = assessment.policy;
  if (id !== policy.id || version !== policy.version) {
    throw new Error(
      `Assessment was scored under policy ${id} v${version} and cannot be routed under ${policy.id} v${policy.version}`,
    );
  }
  return routeOutcome(assessment, policy);
}

/** Used by scoring itself, where the assessment is still being built from this policy. */
export function routeOutcome(
  assessment: Omit<RoutableAssessment, 'policy'>,
  policy: PolicyDocument,
): ApprovalRoute {
  const { outcome, band, outcomeBasis } = assessment;
  const rule = policy.outcomeRules.find((candidate) => candidate.id === outcomeBasis.ruleId);
  if (outcomeBasis.ruleId !== null && rule === undefined) {
    throw new Error(`Outcome rule ${outcomeBasis.ruleId} is not in policy ${policy.id} v${policy.version}`);
  }
  const levelsByBand = policy.approvals.levels[outcome];
  const exclusion = outcome === 'excludable' || outcome === 'excluded';
  return {
    levels: [...(levelsByBand[band] ?? levelsByBand.default)],
    representationsRequired: outcome === 'excludable' && policy.approvals.representationsRequired,
    ministerialReferralRequired: exclusion && rule?.ministerialReferralRequired === true,
    overrideAllowed: outcome === 'excluded' && (rule?.overrideAllowed ?? policy.approvals.overrideAllowed),
    replacementAllowed: exclusion && outcomeBasis.associatedPersonOnly,
  };
}
