import { builtInPolicy } from './packs/index.js';
import { formatPolicyErrors, parsePolicy, validatePolicy } from './validate-policy.js';

type Draft = Record<string, any>;

function draftOf(id = 'uk-local-authority'): Draft {
  return JSON.parse(JSON.stringify(builtInPolicy(id)!)) as Draft;
}

function errorsFor(change: (draft: Draft) => void): string[] {
  const draft = draftOf();
  change(draft);
  const result = validatePolicy(draft);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validatePolicy', () => {
  it.each(['uk-local-authority', 'uk-central-government', 'us-federal-889'])('accepts the %s pack', (id) => {
    expect(validatePolicy(draftOf(id))).toMatchObject({ ok: true, policy: { id, version: 1 } });
  });

  it.each<[string, (draft: Draft) => void, string]>([
    [
      'points out of range',
      (d) => (d.factors.DEBARRED.points = 150),
      'factors.DEBARRED.points: must be an integer between 0 and 100',
    ],
    [
      'points not a number',
      (d) => (d.factors.DEBARRED.points = '100'),
      'factors.DEBARRED.points: must be an integer between 0 and 100',
    ],
    [
      'cap below points',
      (d) => (d.factors.WATCHLIST_MATCH.maxPoints = 10),
      'factors.WATCHLIST_MATCH.maxPoints: must not be below points (25)',
    ],
    [
      'factor without a citation',
      (d) => delete d.factors.DEBARRED.rule,
      'factors.DEBARRED.rule: is required',
    ],
    [
      'citation not a rule id',
      (d) => (d.factors.DEBARRED.rule = 'the Act'),
      'factors.DEBARRED.rule: must be a source rule id such as UK-PA-2023',
    ],
    [
      'lower-case factor code',
      (d) => (d.factors.local_risk = d.factors.DEBARRED),
      'factors.local_risk: factor code must be UPPER_SNAKE_CASE',
    ],
    [
      'unknown placeholder',
      (d) => (d.factors.DEBARRED.explanation = 'On {list}'),
      'factors.DEBARRED.explanation: unknown placeholder {list} (allowed: {summaries}, {subjects}, {count})',
    ],
    [
      'unknown scope clause',
      (d) => (d.factors.STATE_OWNERSHIP.scope[0].owner = true),
      'factors.STATE_OWNERSHIP.scope[0].owner: unknown field',
    ],
    [
      'unknown subject role',
      (d) => (d.factors.STATE_OWNERSHIP.scope[1].roles = ['shareholder']),
      'factors.STATE_OWNERSHIP.scope[1].roles[0]: must be one of supplier, owner',
    ],
    [
      'share threshold naming no parameter',
      (d) => (d.factors.STATE_OWNERSHIP.scope[1].shareAbove = 'control'),
      'factors.STATE_OWNERSHIP.scope[1].shareAbove: must be a percentage or one of significantControlPct, majorityPct',
    ],
    [
      'bands not ascending',
      (d) => (d.bands.high = 20),
      'bands.high: must be above bands.medium (25): thresholds ascend',
    ],
    ['low band not at 0', (d) => (d.bands.low = 5), 'bands.low: must be 0 so that every score has a band'],
    ['band missing', (d) => delete d.bands.critical, 'bands.critical: is required'],
    [
      'outcome for a band unknown',
      (d) => (d.outcomeByBand.medium = 'maybe'),
      'outcomeByBand.medium: must be one of clear, review, excludable, excluded',
    ],
    [
      'rule outcome unknown',
      (d) => (d.outcomeRules[0].outcome = 'banned'),
      'outcomeRules[0].outcome: must be one of clear, review, excludable, excluded',
    ],
    ['rule without a citation', (d) => delete d.outcomeRules[1].rule, 'outcomeRules[1].rule: is required'],
    [
      'rule without a reason',
      (d) => (d.outcomeRules[1].reason = ' '),
      'outcomeRules[1].reason: must be a non-empty string',
    ],
    [
      'rule id repeated',
      (d) => (d.outcomeRules[1].id = d.outcomeRules[0].id),
      'outcomeRules[1].id: repeats the id of an earlier rule (debarment-list-entry)',
    ],
    [
      'rule matching everything',
      (d) => (d.outcomeRules[0].when = {}),
      'outcomeRules[0].when: must have at least one clause',
    ],
    [
      'rule naming an unknown factor',
      (d) => (d.outcomeRules[0].when = { factorsPresent: ['DEBARED'] }),
      'outcomeRules[0].when.factorsPresent[0]: must be one of DEBARRED',
    ],
    [
      'rule on an unknown buyer type',
      (d) => (d.outcomeRules[0].when.tender = { buyerTypes: ['council'] }),
      'outcomeRules[0].when.tender.buyerTypes[0]: must be one of central_government',
    ],
    [
      'referral on a review rule',
      (d) => ((d.outcomeRules[0].outcome = 'review'), (d.outcomeRules[0].ministerialReferralRequired = true)),
      'outcomeRules[0].ministerialReferralRequired: applies only to rules whose outcome is excludable or excluded',
    ],
    [
      'override on an excludable rule',
      (d) => (d.outcomeRules[1].overrideAllowed = true),
      'outcomeRules[1].overrideAllowed: applies only to rules whose outcome is excluded',
    ],
    [
      'routing level unknown',
      (d) => (d.approvals.levels.review.high = ['reviewer', 'minister']),
      'approvals.levels.review.high[1]: must be one of reviewer, approver',
    ],
    [
      'routing out of signing order',
      (d) => (d.approvals.levels.excluded.default = ['approver', 'reviewer']),
      'approvals.levels.excluded.default: must list levels in signing order (reviewer, approver)',
    ],
    [
      'routing with nobody for an outcome other than clear',
      (d) => (d.approvals.levels.review.default = []),
      'approvals.levels.review.default: must not be empty',
    ],
    [
      'routing for an outcome missing',
      (d) => delete d.approvals.levels.excludable,
      'approvals.levels.excludable: is required',
    ],
    [
      'duration in months',
      (d) => (d.durations.declarationDeadline = 'P1M'),
      'durations.declarationDeadline: must be a positive ISO-8601 duration',
    ],
    [
      'duration of zero',
      (d) => (d.durations.reviewDeadline.approver = 0),
      'durations.reviewDeadline.approver: must be a positive ISO-8601 duration',
    ],
    ['unknown top-level field', (d) => (d.weights = {}), 'weights: unknown field'],
    ['unknown parameter', (d) => (d.parameters.macauIsPrc = true), 'parameters.macauIsPrc: unknown field'],
    [
      'majority below significant control',
      (d) => (d.parameters.majorityPct = 20),
      'parameters.majorityPct: must not be below parameters.significantControlPct',
    ],
    ['version 0', (d) => (d.version = 0), 'version: must be an integer between 1 and'],
    ['id not kebab-case', (d) => (d.id = 'UK Local'), 'id: must be kebab-case (e.g. uk-local-authority)'],
    [
      'buyer type unknown',
      (d) => (d.appliesTo = ['council']),
      'appliesTo[0]: must be one of central_government',
    ],
  ])('refuses %s, naming the field', (_, change, expected) => {
    const errors = errorsFor(change);

    expect(errors).toEqual([expect.stringContaining(expected)]);
  });

  it('lets a clear assessment need no signature: the system approves it', () => {
    expect(errorsFor((d) => (d.approvals.levels.clear.default = []))).toEqual([]);
  });

  it('reports every problem at once', () => {
    const errors = errorsFor((d) => {
      d.factors.DEBARRED.points = -1;
      d.bands.high = 10;
      delete d.durations;
    });

    expect(errors).toEqual([
      'durations: is required',
      'factors.DEBARRED.points: must be an integer between 0 and 100',
      'bands.high: must be above bands.medium (25): thresholds ascend',
    ]);
  });

  it('refuses a document that is not an object', () => {
    expect(validatePolicy([])).toEqual({
      ok: false,
      errors: [{ path: '(document)', message: 'must be an object' }],
    });
  });

  it('returns a copy the caller cannot change afterwards', () => {
    const draft = draftOf();
    const result = validatePolicy(draft);
    draft.bands.high = 99;

    expect(result.ok && result.policy.bands.high).toBe(50);
  });

  it('throws with every problem listed when parsing', () => {
    const draft = draftOf();
    draft.factors.DEBARRED.points = 101;

    expect(() => parsePolicy(draft)).toThrow(
      'Invalid policy document:\nfactors.DEBARRED.points: must be an integer between 0 and 100',
    );
    expect(formatPolicyErrors([{ path: 'a.b', message: 'is wrong' }])).toBe('a.b: is wrong');
  });
});
