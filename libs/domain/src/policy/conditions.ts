// Evaluates the policy's small condition language against findings and the tender. Pure: no I/O.
import type { Finding, RiskBand, TenderContext } from '../../../contracts/src/domain-types.js';
import type { FindingAttributes } from '../../../contracts/src/finding-attributes.js';
import {
  CONFIDENCE_LEVELS,
  RISK_BANDS,
  type FindingCondition,
  type PolicyParameters,
  type RuleCondition,
  type ShareThreshold,
  type TenderCondition,
} from './policy-document.js';

export function attributesOf(finding: Finding): FindingAttributes {
  return (finding.attributes ?? {}) as FindingAttributes;
}

/** Whether the finding concerns a company subject to one of the laws this policy acts on. */
export function isSubjectToIntelligenceLaw(
  attributes: FindingAttributes,
  parameters: PolicyParameters,
): boolean {
  // Whether Hong Kong is in scope is a policy choice (FACTS: jurisdiction profile), so it overrides
  // whatever laws the check attached to a Hong Kong finding.
  if (attributes.jurisdiction === 'HK') {
    return parameters.hongKongIsPrcJurisdiction && parameters.intelligenceLaws.length > 0;
  }
  return intersects(attributes.laws, parameters.intelligenceLaws);
}

export function matchesFinding(
  finding: Finding,
  condition: FindingCondition,
  parameters: PolicyParameters,
): boolean {
  const a = attributesOf(finding);
  return (
    (condition.codes === undefined || condition.codes.includes(finding.code)) &&
    (condition.roles === undefined || condition.roles.includes(finding.subject.role)) &&
    (condition.topicsAny === undefined || intersects(a.topics, condition.topicsAny)) &&
    (condition.listIdsAny === undefined || intersects(a.listIds, condition.listIdsAny)) &&
    (condition.jurisdictions === undefined ||
      includesValue(condition.jurisdictions, effectiveJurisdiction(a, parameters))) &&
    (condition.intelligenceLaw === undefined ||
      isSubjectToIntelligenceLaw(a, parameters) === condition.intelligenceLaw) &&
    (condition.coveredCompanies === undefined ||
      includesValue(condition.coveredCompanies, a.coveredCompany)) &&
    (condition.equipmentCategories === undefined ||
      includesValue(condition.equipmentCategories, a.equipmentCategory)) &&
    (condition.nationalSecurity === undefined ||
      (a.nationalSecurity === true) === condition.nationalSecurity) &&
    (condition.state === undefined || (a.state === true) === condition.state) &&
    (condition.associatedPersonOnly === undefined ||
      (a.associatedPersonOnly === true) === condition.associatedPersonOnly) &&
    (condition.shareAbove === undefined || isShareAbove(a, thresholdPct(condition.shareAbove, parameters))) &&
    (condition.minConfidence === undefined ||
      a.confidence === undefined ||
      CONFIDENCE_LEVELS.indexOf(a.confidence) >= CONFIDENCE_LEVELS.indexOf(condition.minConfidence))
  );
}

export function matchesAnyCondition(
  finding: Finding,
  conditions: readonly FindingCondition[],
  parameters: PolicyParameters,
): boolean {
  return conditions.some((condition) => matchesFinding(finding, condition, parameters));
}

export function matchesTender(
  tender: TenderContext,
  condition: TenderCondition,
  parameters: PolicyParameters,
): boolean {
  return (
    (condition.sensitiveSite === undefined || tender.sensitiveSite === condition.sensitiveSite) &&
    (condition.intendedUseCovered === undefined ||
      includesValue(parameters.coveredUses, tender.intendedUse ?? undefined) ===
        condition.intendedUseCovered) &&
    (condition.buyerTypes === undefined || condition.buyerTypes.includes(tender.buyerType))
  );
}

/** What an outcome rule is evaluated against once the factors are scored. */
export interface RuleContext {
  findings: readonly Finding[];
  presentFactors: ReadonlySet<string>;
  tender: TenderContext;
  band: RiskBand;
  parameters: PolicyParameters;
}

/** The findings that made the rule match, or null when it does not match. */
export function matchRule(condition: RuleCondition, context: RuleContext): Finding[] | null {
  const { findings, presentFactors, tender, band, parameters } = context;
  if (condition.tender !== undefined && !matchesTender(tender, condition.tender, parameters)) return null;
  if (condition.bandAtLeast !== undefined && !isBandAtLeast(band, condition.bandAtLeast)) return null;
  if (
    condition.factorsPresent !== undefined &&
    !condition.factorsPresent.every((code) => presentFactors.has(code))
  ) {
    return null;
  }
  if (condition.anyFinding !== undefined) {
    const anyFinding = condition.anyFinding;
    const matched = findings.filter((finding) => matchesAnyCondition(finding, anyFinding, parameters));
    return matched.length > 0 ? matched : null;
  }
  const factorCodes = condition.factorsPresent ?? [];
  return findings.filter((finding) => factorCodes.includes(finding.code));
}

export function isBandAtLeast(band: RiskBand, minimum: RiskBand): boolean {
  return RISK_BANDS.indexOf(band) >= RISK_BANDS.indexOf(minimum);
}

function effectiveJurisdiction(a: FindingAttributes, parameters: PolicyParameters): string | undefined {
  return a.jurisdiction === 'HK' && parameters.hongKongIsPrcJurisdiction ? 'CN' : a.jurisdiction;
}

function thresholdPct(threshold: ShareThreshold, parameters: PolicyParameters): number {
  return typeof threshold === 'number' ? threshold : parameters[threshold];
}

function isShareAbove(a: FindingAttributes, threshold: number): boolean {
  // A range counts when its upper end exceeds the threshold: a Companies House band of 25–50 means
  // "more than 25", so reading the lower end would miss exactly the owners the threshold is about.
  const share = a.share ?? a.shareMax ?? a.shareMin;
  return share !== undefined && share > threshold;
}

function intersects(values: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return values !== undefined && values.some((value) => wanted.includes(value));
}

function includesValue(allowed: readonly string[], value: string | undefined): boolean {
  return value !== undefined && allowed.includes(value);
}
