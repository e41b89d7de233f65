// Scores a screening's findings under one policy version. Pure and deterministic: it runs inside
// Temporal workflow code, so it must not touch I/O, clocks, randomness or Node built-ins.
import type {
  Finding,
  RiskAssessment,
  RiskBand,
  TenderContext,
} from '../../../contracts/src/domain-types.js';
import { scoreFactors } from './factors.js';
import { scorableFindings } from './ordering.js';
import { decideOutcome, type OutcomeBasis } from './outcome.js';
import { RISK_BANDS, type PolicyDocument } from './policy-document.js';
import { routeOutcome } from './routing.js';

export interface PolicyAssessment extends RiskAssessment {
  /** Which outcome rule decided (or that the band did), with its citation and the findings behind it. */
  outcomeBasis: OutcomeBasis;
}

const MAX_SCORE = 100;

export function scoreFindings(
  findings: Finding[],
  policy: PolicyDocument,
  tender: TenderContext,
  referenceDataVersion: string,
): PolicyAssessment {
  const scorable = scorableFindings(findings);
  const { factors, presentFactors } = scoreFactors(scorable, policy);
  const score = Math.min(
    MAX_SCORE,
    factors.reduce((total, factor) => total + factor.points, 0),
  );
  const band = bandFor(score, policy);
  const { outcome, outcomeBasis } = decideOutcome(
    { findings: scorable, presentFactors, tender, score, band },
    policy,
  );
  return {
    score,
    band,
    outcome,
    factors,
    requiredApprovals: routeOutcome({ outcome, band, outcomeBasis }, policy).levels,
    policy: { id: policy.id, version: policy.version },
    referenceDataVersion,
    outcomeBasis,
  };
}

export function bandFor(score: number, policy: PolicyDocument): RiskBand {
  return [...RISK_BANDS].reverse().find((band) => score >= policy.bands[band]) ?? 'low';
}
