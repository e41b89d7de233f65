// Decides the outcome: the first outcome rule that matches, else the policy's outcome for the band.
import type { Finding, RiskBand, RiskOutcome, TenderContext } from '../../../contracts/src/domain-types.js';
import { attributesOf, matchRule } from './conditions.js';
import type { PolicyDocument } from './policy-document.js';

/** Why the assessment has its outcome, kept so routing and reports can cite the rule that decided. */
import type { OutcomeBasis } from '../../../contracts/src/index.js';

export type { OutcomeBasis };

export interface OutcomeInput {
  findings: readonly Finding[];
  presentFactors: ReadonlySet<string>;
  tender: TenderContext;
  score: number;
  band: RiskBand;
}

export function decideOutcome(
  input: OutcomeInput,
  policy: PolicyDocument,
): { outcome: RiskOutcome; outcomeBasis: OutcomeBasis } {
  const context = { ...input, parameters: policy.parameters };
  for (const rule of policy.outcomeRules) {
    const matched = matchRule(rule.when, context);
    if (matched === null) continue;
    return {
      outcome: rule.outcome,
      outcomeBasis: {
        ruleId: rule.id,
        rule: rule.rule,
        provision: rule.provision ?? null,
        reason: rule.reason,
        findingKeys: matched.map((finding) => finding.key),
        associatedPersonOnly:
          matched.length > 0 &&
          matched.every((finding) => attributesOf(finding).associatedPersonOnly === true),
      },
    };
  }
  const outcome = policy.outcomeByBand[input.band];
  return {
    outcome,
    outcomeBasis: {
      ruleId: null,
      rule: null,
      provision: null,
      reason: `Score ${input.score} is in the ${input.band} band, which policy ${policy.id} v${policy.version} treats as ${outcome}.`,
      findingKeys: [],
      associatedPersonOnly: false,
    },
  };
}
