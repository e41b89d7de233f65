// Validates a policy document on load and on publish. Hand-written so every message names the field to
// fix (e.g. "factors.DEBARRED.points: must be an integer between 0 and 100") and unknown fields are refused.
import { BUYER_TYPES, FACTOR_CODES } from '../../../contracts/src/domain-types.js';
import { parseDuration } from './durations.js';
import { APPROVAL_LEVELS, RISK_BANDS, RISK_OUTCOMES, type PolicyDocument } from './policy-document.js';
import { checkFindingConditions, checkRuleCondition } from './validate-condition.js';
import {
  at,
  checkBoolean,
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
  checkStringList,
  ErrorList,
  type PolicyError,
} from './validation-primitives.js';

export type { PolicyError } from './validation-primitives.js';
export type PolicyValidation = { ok: true; policy: PolicyDocument } | { ok: false; errors: PolicyError[] };

const KEBAB_ID = {
  pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  description: 'kebab-case (e.g. uk-local-authority)',
};
const FACTOR_CODE = { pattern: /^[A-Z][A-Z0-9_]*$/, description: 'UPPER_SNAKE_CASE' };
const RULE_ID = {
  pattern: /^[A-Z][A-Z0-9]*(?:-[A-Z0-9.]+)+$/,
  description: 'a source rule id such as UK-PA-2023',
};
const TEMPLATE_PLACEHOLDERS = ['summaries', 'subjects', 'count'];

export function validatePolicy(doc: unknown): PolicyValidation {
  const errors = new ErrorList();
  const policy = checkObject(doc, '', errors, {
    required: [
      'id',
      'version',
      'title',
      'description',
      'appliesTo',
      'parameters',
      'factors',
      'bands',
      'outcomeByBand',
      'outcomeRules',
      'approvals',
      'durations',
    ],
  });
  if (policy === null) return { ok: false, errors: errors.errors };

  if (policy.id !== undefined) checkString(policy.id, 'id', errors, KEBAB_ID);
  if (policy.version !== undefined) {
    checkNumber(policy.version, 'version', errors, { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
  }
  if (policy.title !== undefined) checkString(policy.title, 'title', errors);
  if (policy.description !== undefined) checkString(policy.description, 'description', errors);
  if (policy.appliesTo !== undefined)
    checkStringList(policy.appliesTo, 'appliesTo', errors, { allowed: BUYER_TYPES });
  if (policy.parameters !== undefined) checkParameters(policy.parameters, errors);

  const weighted = isPlainObject(policy.factors) ? Object.keys(policy.factors) : [];
  const factorCodes = { known: unique([...FACTOR_CODES, ...weighted]), weighted };
  if (policy.factors !== undefined) checkFactors(policy.factors, errors, factorCodes.known);
  if (policy.bands !== undefined) checkBands(policy.bands, errors);
  if (policy.outcomeByBand !== undefined) checkOutcomeByBand(policy.outcomeByBand, errors);
  if (policy.outcomeRules !== undefined) checkOutcomeRules(policy.outcomeRules, errors, factorCodes);
  if (policy.approvals !== undefined) checkApprovals(policy.approvals, errors);
  if (policy.durations !== undefined) checkDurations(policy.durations, errors);

  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  // A copy, so later changes to the caller's object cannot alter a validated (pinned) version.
  return { ok: true, policy: JSON.parse(JSON.stringify(doc)) as PolicyDocument };
}

/** The validated policy, or an error listing every problem as "path: message". */
export function parsePolicy(doc: unknown): PolicyDocument {
  const result = validatePolicy(doc);
  if (result.ok) return result.policy;
  throw new Error(`Invalid policy document:\n${formatPolicyErrors(result.errors)}`);
}

export function formatPolicyErrors(errors: readonly PolicyError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join('\n');
}

function checkParameters(value: unknown, errors: ErrorList): void {
  const parameters = checkObject(value, 'parameters', errors, {
    required: [
      'hongKongIsPrcJurisdiction',
      'intelligenceLaws',
      'significantControlPct',
      'majorityPct',
      'coveredUses',
    ],
  });
  if (parameters === null) return;
  if (parameters.hongKongIsPrcJurisdiction !== undefined) {
    checkBoolean(parameters.hongKongIsPrcJurisdiction, 'parameters.hongKongIsPrcJurisdiction', errors);
  }
  if (parameters.intelligenceLaws !== undefined) {
    checkStringList(parameters.intelligenceLaws, 'parameters.intelligenceLaws', errors);
  }
  const { significantControlPct: significant, majorityPct: majority } = parameters;
  const significantOk =
    significant !== undefined &&
    checkNumber(significant, 'parameters.significantControlPct', errors, { min: 0, max: 100 });
  const majorityOk =
    majority !== undefined && checkNumber(majority, 'parameters.majorityPct', errors, { min: 0, max: 100 });
  if (significantOk && majorityOk && majority < significant) {
    errors.add('parameters.majorityPct', 'must not be below parameters.significantControlPct');
  }
  if (parameters.coveredUses !== undefined)
    checkStringList(parameters.coveredUses, 'parameters.coveredUses', errors);
}

function checkFactors(value: unknown, errors: ErrorList, factorCodes: readonly string[]): void {
  if (!isPlainObject(value)) {
    errors.add('factors', 'must be an object keyed by factor code');
    return;
  }
  for (const [code, weight] of Object.entries(value)) {
    const path = at('factors', code);
    if (!FACTOR_CODE.pattern.test(code)) errors.add(path, `factor code must be ${FACTOR_CODE.description}`);
    const factor = checkObject(weight, path, errors, {
      required: ['points', 'maxPoints', 'rule', 'explanation'],
      optional: ['provision', 'scope'],
    });
    if (factor === null) continue;
    const { points, maxPoints } = factor;
    const pointsOk =
      points !== undefined &&
      checkNumber(points, at(path, 'points'), errors, { min: 0, max: 100, integer: true });
    const maxOk =
      maxPoints !== undefined &&
      checkNumber(maxPoints, at(path, 'maxPoints'), errors, { min: 0, max: 100, integer: true });
    if (pointsOk && maxOk && maxPoints < points) {
      errors.add(at(path, 'maxPoints'), `must not be below points (${points})`);
    }
    if (factor.rule !== undefined) checkString(factor.rule, at(path, 'rule'), errors, RULE_ID);
    if (factor.provision !== undefined) checkString(factor.provision, at(path, 'provision'), errors);
    if (factor.explanation !== undefined) checkTemplate(factor.explanation, at(path, 'explanation'), errors);
    if (factor.scope !== undefined)
      checkFindingConditions(factor.scope, at(path, 'scope'), errors, factorCodes);
  }
}

function checkTemplate(value: unknown, path: string, errors: ErrorList): void {
  if (!checkString(value, path, errors)) return;
  for (const [, name] of value.matchAll(/\{([^}]*)\}/g)) {
    if (!TEMPLATE_PLACEHOLDERS.includes(name ?? '')) {
      errors.add(
        path,
        `unknown placeholder {${name}} (allowed: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
      );
    }
  }
}

function checkBands(value: unknown, errors: ErrorList): void {
  const bands = checkObject(value, 'bands', errors, { required: RISK_BANDS });
  if (bands === null) return;
  const allValid = RISK_BANDS.map((band) =>
    bands[band] === undefined
      ? false
      : checkNumber(bands[band], at('bands', band), errors, { min: 0, max: 100, integer: true }),
  ).every(Boolean);
  if (!allValid) return;
  if (bands.low !== 0) errors.add('bands.low', 'must be 0 so that every score has a band');
  for (let i = 1; i < RISK_BANDS.length; i++) {
    const [lower, band] = [RISK_BANDS[i - 1]!, RISK_BANDS[i]!];
    if ((bands[band] as number) <= (bands[lower] as number)) {
      errors.add(at('bands', band), `must be above bands.${lower} (${bands[lower]}): thresholds ascend`);
    }
  }
}

function checkOutcomeByBand(value: unknown, errors: ErrorList): void {
  const outcomes = checkObject(value, 'outcomeByBand', errors, { required: RISK_BANDS });
  if (outcomes === null) return;
  for (const band of RISK_BANDS) {
    if (outcomes[band] !== undefined)
      checkOneOf(outcomes[band], at('outcomeByBand', band), errors, RISK_OUTCOMES);
  }
}

function checkOutcomeRules(
  value: unknown,
  errors: ErrorList,
  factorCodes: { known: readonly string[]; weighted: readonly string[] },
): void {
  if (!Array.isArray(value)) {
    errors.add('outcomeRules', 'must be a list');
    return;
  }
  const seenIds = new Set<string>();
  value.forEach((item, index) => {
    const path = at('outcomeRules', index);
    const rule = checkObject(item, path, errors, {
      required: ['id', 'when', 'outcome', 'rule', 'reason'],
      optional: ['provision', 'ministerialReferralRequired', 'overrideAllowed'],
    });
    if (rule === null) return;
    if (rule.id !== undefined && checkString(rule.id, at(path, 'id'), errors, KEBAB_ID)) {
      if (seenIds.has(rule.id)) errors.add(at(path, 'id'), `repeats the id of an earlier rule (${rule.id})`);
      seenIds.add(rule.id);
    }
    if (rule.when !== undefined) checkRuleCondition(rule.when, at(path, 'when'), errors, factorCodes);
    const outcomeOk =
      rule.outcome !== undefined && checkOneOf(rule.outcome, at(path, 'outcome'), errors, RISK_OUTCOMES);
    if (rule.rule !== undefined) checkString(rule.rule, at(path, 'rule'), errors, RULE_ID);
    if (rule.provision !== undefined) checkString(rule.provision, at(path, 'provision'), errors);
    if (rule.reason !== undefined) checkString(rule.reason, at(path, 'reason'), errors);
    if (rule.ministerialReferralRequired !== undefined) {
      const flagPath = at(path, 'ministerialReferralRequired');
      if (checkBoolean(rule.ministerialReferralRequired, flagPath, errors) && outcomeOk) {
        if (rule.outcome !== 'excludable' && rule.outcome !== 'excluded') {
          errors.add(flagPath, 'applies only to rules whose outcome is excludable or excluded');
        }
      }
    }
    if (rule.overrideAllowed !== undefined) {
      const flagPath = at(path, 'overrideAllowed');
      if (checkBoolean(rule.overrideAllowed, flagPath, errors) && outcomeOk && rule.outcome !== 'excluded') {
        errors.add(flagPath, 'applies only to rules whose outcome is excluded');
      }
    }
  });
}

function checkApprovals(value: unknown, errors: ErrorList): void {
  const approvals = checkObject(value, 'approvals', errors, {
    required: ['levels', 'representationsRequired', 'overrideAllowed'],
  });
  if (approvals === null) return;
  if (approvals.representationsRequired !== undefined) {
    checkBoolean(approvals.representationsRequired, 'approvals.representationsRequired', errors);
  }
  if (approvals.overrideAllowed !== undefined) {
    checkBoolean(approvals.overrideAllowed, 'approvals.overrideAllowed', errors);
  }
  if (approvals.levels === undefined) return;
  const levels = checkObject(approvals.levels, 'approvals.levels', errors, { required: RISK_OUTCOMES });
  if (levels === null) return;
  for (const outcome of RISK_OUTCOMES) {
    const path = at('approvals.levels', outcome);
    if (levels[outcome] === undefined) continue;
    const byBand = checkObject(levels[outcome], path, errors, {
      required: ['default'],
      optional: RISK_BANDS,
    });
    if (byBand === null) continue;
    // Only a clear assessment may need no signature at all: the system then approves it, on the record.
    const mayBeEmpty = outcome === 'clear';
    for (const [key, list] of Object.entries(byBand)) checkLevelList(list, at(path, key), errors, mayBeEmpty);
  }
}

function checkLevelList(value: unknown, path: string, errors: ErrorList, mayBeEmpty: boolean): void {
  if (!checkStringList(value, path, errors, { allowed: APPROVAL_LEVELS, nonEmpty: !mayBeEmpty })) return;
  // Four eyes sign in order: the reviewer's decision is what the approver confirms.
  const order = value.map((level) => APPROVAL_LEVELS.indexOf(level as (typeof APPROVAL_LEVELS)[number]));
  if (order.some((position, i) => i > 0 && position < order[i - 1]!)) {
    errors.add(path, `must list levels in signing order (${APPROVAL_LEVELS.join(', ')})`);
  }
}

function checkDurations(value: unknown, errors: ErrorList): void {
  const singleDurations = [
    'declarationDeadline',
    'declarationReminderInterval',
    'representationsWindow',
    'reviewReminderInterval',
    'escalationReminderInterval',
  ];
  const durations = checkObject(value, 'durations', errors, {
    required: [...singleDurations, 'reviewDeadline'],
  });
  if (durations === null) return;
  for (const key of singleDurations) checkDuration(durations[key], at('durations', key), errors);
  if (durations.reviewDeadline === undefined) return;
  const perLevel = checkObject(durations.reviewDeadline, 'durations.reviewDeadline', errors, {
    required: APPROVAL_LEVELS,
  });
  if (perLevel === null) return;
  for (const level of APPROVAL_LEVELS) {
    if (perLevel[level] !== undefined)
      checkDuration(perLevel[level], at('durations.reviewDeadline', level), errors);
  }
}

function checkDuration(value: unknown, path: string, errors: ErrorList): void {
  if (value !== undefined && parseDuration(value) === null) {
    errors.add(
      path,
      'must be a positive ISO-8601 duration in weeks, days, hours, minutes or seconds (e.g. "P14D", "PT30S") or a positive whole number of milliseconds',
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
