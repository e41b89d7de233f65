// Turns findings into the assessment's factors: one per factor code, every point explained and cited.
import type { Finding, RiskFactor } from '../../../contracts/src/domain-types.js';
import { matchesAnyCondition } from './conditions.js';
import { compareText, uniqueByContent } from './ordering.js';
import type { FactorWeight, PolicyDocument } from './policy-document.js';

export interface ScoredFactors {
  /** Biggest contributors first. */
  factors: RiskFactor[];
  /** Codes with at least one finding that counted under the policy. */
  presentFactors: Set<string>;
}

/** `findings` must already be scorable (see ordering.ts): not dismissed, one per key, in key order. */
export function scoreFactors(findings: readonly Finding[], policy: PolicyDocument): ScoredFactors {
  const byCode = new Map<string, Finding[]>();
  for (const finding of findings) byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), finding]);

  const presentFactors = new Set<string>();
  const factors = [...byCode.entries()].map(([code, group]) => {
    const weight = policy.factors[code];
    if (weight === undefined) return unweightedFactor(code, group, policy);
    const counted = weight.scope === undefined ? group : group.filter((f) => isInScope(f, weight, policy));
    if (counted.length > 0) presentFactors.add(code);
    return weightedFactor(code, weight, counted, group);
  });
  factors.sort((a, b) => b.points - a.points || compareText(a.code, b.code));
  return { factors, presentFactors };
}

function isInScope(finding: Finding, weight: FactorWeight, policy: PolicyDocument): boolean {
  return weight.scope === undefined || matchesAnyCondition(finding, weight.scope, policy.parameters);
}

function weightedFactor(code: string, weight: FactorWeight, counted: Finding[], all: Finding[]): RiskFactor {
  const uncounted = all.filter((finding) => !counted.includes(finding));
  const uncapped = counted.length * weight.points;
  const points = Math.min(uncapped, weight.maxPoints);
  const sentences: string[] = [];
  if (counted.length > 0) sentences.push(renderTemplate(weight.explanation, counted));
  if (uncapped > points) {
    sentences.push(
      `${counted.length} findings at ${weight.points} points each, capped at ${weight.maxPoints}.`,
    );
  }
  if (uncounted.length > 0)
    sentences.push(`Not counted, outside this policy's scope: ${summaries(uncounted)}.`);
  sentences.push(`[${weight.provision === undefined ? weight.rule : `${weight.rule} ${weight.provision}`}]`);
  return {
    code,
    points,
    explanation: sentences.join(' '),
    rule: weight.rule,
    evidence: mergedEvidence(all),
    findingKeys: all.map((finding) => finding.key),
  };
}

/** Shown so a reviewer sees every finding, but scores nothing: the policy gives the code no weight. */
function unweightedFactor(code: string, findings: Finding[], policy: PolicyDocument): RiskFactor {
  return {
    code,
    points: 0,
    explanation: `Not weighted by policy ${policy.id} v${policy.version}: ${summaries(findings)}.`,
    evidence: mergedEvidence(findings),
    findingKeys: findings.map((finding) => finding.key),
  };
}

function renderTemplate(template: string, findings: Finding[]): string {
  const values: Record<string, string> = {
    summaries: summaries(findings),
    subjects: [...new Set(findings.map((finding) => finding.subject.name))].join(', '),
    count: String(findings.length),
  };
  return template.replace(/\{(summaries|subjects|count)\}/g, (_, name: string) => values[name] ?? '');
}

function summaries(findings: Finding[]): string {
  // Templates supply their own full stop.
  return findings.map((finding) => finding.summary.trim().replace(/\.+$/, '')).join('; ');
}

function mergedEvidence(findings: Finding[]): RiskFactor['evidence'] {
  return uniqueByContent(findings.flatMap((finding) => finding.evidence));
}
