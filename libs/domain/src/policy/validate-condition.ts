// Validation of the condition language (policy-document.ts): finding, tender and rule conditions.
import { BUYER_TYPES } from '../../../contracts/src/domain-types.js';
import { CONFIDENCE_LEVELS, RISK_BANDS, SUBJECT_ROLES } from './policy-document.js';
import {
  at,
  checkBoolean,
  checkNumber,
  checkObject,
  checkOneOf,
  checkStringList,
  type ErrorList,
} from './validation-primitives.js';

const FINDING_LIST_CLAUSES = [
  'topicsAny',
  'listIdsAny',
  'jurisdictions',
  'coveredCompanies',
  'equipmentCategories',
];
const FINDING_FLAG_CLAUSES = ['intelligenceLaw', 'nationalSecurity', 'state', 'associatedPersonOnly'];
const FINDING_CLAUSES = [
  'codes',
  'roles',
  ...FINDING_LIST_CLAUSES,
  ...FINDING_FLAG_CLAUSES,
  'shareAbove',
  'minConfidence',
];
const SHARE_PARAMETERS = ['significantControlPct', 'majorityPct'] as const;

/** `factorCodes`: codes a condition may name (the stable ones and the policy's own). */
export function checkFindingCondition(
  value: unknown,
  path: string,
  errors: ErrorList,
  factorCodes: readonly string[],
): void {
  const condition = checkObject(value, path, errors, { required: [], optional: FINDING_CLAUSES });
  if (condition === null) return;
  if (Object.keys(condition).length === 0) errors.add(path, 'must have at least one clause');
  if (condition.codes !== undefined) {
    checkStringList(condition.codes, at(path, 'codes'), errors, { allowed: factorCodes, nonEmpty: true });
  }
  if (condition.roles !== undefined) {
    checkStringList(condition.roles, at(path, 'roles'), errors, { allowed: SUBJECT_ROLES, nonEmpty: true });
  }
  for (const clause of FINDING_LIST_CLAUSES) {
    if (condition[clause] !== undefined) {
      checkStringList(condition[clause], at(path, clause), errors, { nonEmpty: true });
    }
  }
  for (const clause of FINDING_FLAG_CLAUSES) {
    if (condition[clause] !== undefined) checkBoolean(condition[clause], at(path, clause), errors);
  }
  if (condition.shareAbove !== undefined)
    checkShareThreshold(condition.shareAbove, at(path, 'shareAbove'), errors);
  if (condition.minConfidence !== undefined) {
    checkOneOf(condition.minConfidence, at(path, 'minConfidence'), errors, CONFIDENCE_LEVELS);
  }
}

/** A non-empty list of finding conditions, any of which may match. */
export function checkFindingConditions(
  value: unknown,
  path: string,
  errors: ErrorList,
  factorCodes: readonly string[],
): void {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add(path, 'must be a non-empty list of finding conditions');
    return;
  }
  value.forEach((condition, index) => checkFindingCondition(condition, at(path, index), errors, factorCodes));
}

export function checkRuleCondition(
  value: unknown,
  path: string,
  errors: ErrorList,
  factorCodes: { known: readonly string[]; weighted: readonly string[] },
): void {
  const condition = checkObject(value, path, errors, {
    required: [],
    optional: ['anyFinding', 'factorsPresent', 'tender', 'bandAtLeast'],
  });
  if (condition === null) return;
  // An empty condition would match every case and silently replace `outcomeByBand`.
  if (Object.keys(condition).length === 0) errors.add(path, 'must have at least one clause');
  if (condition.anyFinding !== undefined) {
    checkFindingConditions(condition.anyFinding, at(path, 'anyFinding'), errors, factorCodes.known);
  }
  if (condition.factorsPresent !== undefined) {
    // Only weighted factors are "present": naming another code is a typo that would never match.
    checkStringList(condition.factorsPresent, at(path, 'factorsPresent'), errors, {
      allowed: factorCodes.weighted,
      nonEmpty: true,
    });
  }
  if (condition.tender !== undefined) checkTenderCondition(condition.tender, at(path, 'tender'), errors);
  if (condition.bandAtLeast !== undefined) {
    checkOneOf(condition.bandAtLeast, at(path, 'bandAtLeast'), errors, RISK_BANDS);
  }
}

function checkTenderCondition(value: unknown, path: string, errors: ErrorList): void {
  const condition = checkObject(value, path, errors, {
    required: [],
    optional: ['sensitiveSite', 'intendedUseCovered', 'buyerTypes'],
  });
  if (condition === null) return;
  if (Object.keys(condition).length === 0) errors.add(path, 'must have at least one clause');
  if (condition.sensitiveSite !== undefined)
    checkBoolean(condition.sensitiveSite, at(path, 'sensitiveSite'), errors);
  if (condition.intendedUseCovered !== undefined) {
    checkBoolean(condition.intendedUseCovered, at(path, 'intendedUseCovered'), errors);
  }
  if (condition.buyerTypes !== undefined) {
    checkStringList(condition.buyerTypes, at(path, 'buyerTypes'), errors, {
      allowed: BUYER_TYPES,
      nonEmpty: true,
    });
  }
}

function checkShareThreshold(value: unknown, path: string, errors: ErrorList): void {
  if (typeof value === 'number') {
    checkNumber(value, path, errors, { min: 0, max: 100 });
  } else if (typeof value !== 'string' || !(SHARE_PARAMETERS as readonly string[]).includes(value)) {
    errors.add(path, `must be a percentage or one of ${SHARE_PARAMETERS.join(', ')}`);
  }
}
