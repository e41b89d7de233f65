// The comparison behind the what-if endpoint: stored assessments against the same findings re-scored
// under a draft policy. Pure, so the arithmetic a policy author relies on is unit-tested on its own.
import type {
  RiskAssessment,
  RiskBand,
  RiskFactor,
  RiskOutcome,
} from '../../../../libs/contracts/src/index.js';
import { RISK_BANDS, RISK_OUTCOMES } from '../../../../libs/domain/src/policy/index.js';

/** What a reviewer sees of an assessment: the score, where it lands and who must sign. */
export interface AssessmentSummary {
  score: number;
  band: RiskBand;
  outcome: RiskOutcome;
  requiredApprovals: RiskAssessment['requiredApprovals'];
}

export type ComparableAssessment = AssessmentSummary & { factors: RiskFactor[] };

/** A factor whose points differ; a factor missing on one side counts as 0 points there. */
export interface FactorChange {
  code: string;
  before: number;
  after: number;
}

export interface SimulatedScreening {
  screeningId: string;
  tenderId: string;
  before: ComparableAssessment;
  after: ComparableAssessment;
}

export interface ScreeningChange {
  screeningId: string;
  tenderId: string;
  before: AssessmentSummary;
  after: AssessmentSummary;
  factorsChanged: FactorChange[];
}

export interface BeforeAfter<K extends string> {
  before: Record<K, number>;
  after: Record<K, number>;
}

export interface SimulationComparison {
  screenings: number;
  unchanged: number;
  changed: ScreeningChange[];
  byOutcome: BeforeAfter<RiskOutcome>;
  byBand: BeforeAfter<RiskBand>;
}

export function compareSimulation(results: readonly SimulatedScreening[]): SimulationComparison {
  const changed = results.map(compareScreening).filter((change) => change !== null);
  return {
    screenings: results.length,
    unchanged: results.length - changed.length,
    changed,
    byOutcome: {
      before: tally(
        RISK_OUTCOMES,
        results.map((r) => r.before.outcome),
      ),
      after: tally(
        RISK_OUTCOMES,
        results.map((r) => r.after.outcome),
      ),
    },
    byBand: {
      before: tally(
        RISK_BANDS,
        results.map((r) => r.before.band),
      ),
      after: tally(
        RISK_BANDS,
        results.map((r) => r.after.band),
      ),
    },
  };
}

/** The change a draft makes to one screening, or null when the reviewer would see no difference. */
export function compareScreening(result: SimulatedScreening): ScreeningChange | null {
  const before = summarise(result.before);
  const after = summarise(result.after);
  const factorsChanged = compareFactors(result.before.factors, result.after.factors);
  if (sameSummary(before, after) && factorsChanged.length === 0) return null;
  return { screeningId: result.screeningId, tenderId: result.tenderId, before, after, factorsChanged };
}

/** Factors whose points differ, by code. Explanations are ignored: rewording a sentence is no change. */
export function compareFactors(before: readonly RiskFactor[], after: readonly RiskFactor[]): FactorChange[] {
  const pointsBefore = pointsByCode(before);
  const pointsAfter = pointsByCode(after);
  const codes = [...new Set([...pointsBefore.keys(), ...pointsAfter.keys()])].sort();
  return codes
    .map((code) => ({ code, before: pointsBefore.get(code) ?? 0, after: pointsAfter.get(code) ?? 0 }))
    .filter((change) => change.before !== change.after);
}

function summarise(assessment: ComparableAssessment): AssessmentSummary {
  const { score, band, outcome, requiredApprovals } = assessment;
  return { score, band, outcome, requiredApprovals: [...requiredApprovals] };
}

function sameSummary(a: AssessmentSummary, b: AssessmentSummary): boolean {
  return (
    a.score === b.score &&
    a.band === b.band &&
    a.outcome === b.outcome &&
    a.requiredApprovals.join(',') === b.requiredApprovals.join(',')
  );
}

function pointsByCode(factors: readonly RiskFactor[]): Map<string, number> {
  const points = new Map<string, number>();
  for (const factor of factors) points.set(factor.code, (points.get(factor.code) ?? 0) + factor.points);
  return points;
}

/** Counts per key, every key present (0 when none), so reports always have the same shape. */
function tally<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
