// The sign-off rules, one decision at a time: who may act, what each decision does to the case.
import type { Actor, DecideInput, ScreeningRoute } from '../../libs/contracts/src/index.js';
import { decisionEffect, decisionRefusal, type SignOffContext } from './sign-off.js';

const RITA: Actor = { userId: 'rita', role: 'reviewer' };
const ALAN: Actor = { userId: 'alan', role: 'approver' };
const LONG = 'The supplier could not evidence who manufactures its cameras.';

function route(overrides: Partial<ScreeningRoute> = {}): ScreeningRoute {
  return {
    levels: ['reviewer', 'approver'],
    representationsRequired: false,
    ministerialReferralRequired: false,
    overrideAllowed: false,
    replacementAllowed: false,
    ...overrides,
  };
}

function context(overrides: Partial<SignOffContext> = {}): SignOffContext {
  return {
    status: 'awaiting_review',
    level: 'reviewer',
    route: route(),
    outcome: 'review',
    approvals: [],
    startedBy: 'bob',
    exclusionBlocked: false,
    ...overrides,
  };
}

const decide = (
  actor: Actor,
  decision: DecideInput['decision'],
  extra: Partial<DecideInput> = {},
): DecideInput => ({
  actor,
  decision,
  reason: decision === 'approve' ? 'Looks fine.' : LONG,
  ...extra,
});

const atApproval = (overrides: Partial<SignOffContext> = {}) =>
  context({
    status: 'awaiting_approval',
    level: 'approver',
    approvals: [
      { level: 'reviewer', userId: 'rita', decision: 'reject', reason: LONG, at: '2025-01-01T00:00:00Z' },
    ],
    ...overrides,
  });

describe('decisionRefusal', () => {
  it.each<[string, SignOffContext, DecideInput, string, RegExp]>([
    [
      'nothing waits',
      context({ status: 'checking', level: null }),
      decide(RITA, 'approve'),
      'WrongStage',
      /nothing waits/,
    ],
    [
      'closed',
      context({ status: 'approved', level: null }),
      decide(RITA, 'approve'),
      'WrongStage',
      /already approved/,
    ],
    [
      'wrong role',
      context(),
      decide({ userId: 'x', role: 'auditor' }, 'approve'),
      'ActionNotAllowed',
      /needs a reviewer/,
    ],
    [
      'a reviewer after the reviewer level',
      atApproval(),
      decide({ userId: 'rob', role: 'reviewer' }, 'approve'),
      'WrongStage',
      /already decided by rita/,
    ],
    [
      'the starting buyer',
      context(),
      decide({ userId: 'bob', role: 'reviewer' }, 'approve'),
      'FourEyesViolation',
      /buyer who started/,
    ],
    [
      'one person, two levels',
      atApproval(),
      decide({ userId: 'rita', role: 'approver' }, 'approve'),
      'FourEyesViolation',
      /two levels/,
    ],
    ['no reason', context(), decide(RITA, 'approve', { reason: ' ' }), 'InvalidAction', /reason/],
    [
      'a short rejection',
      context(),
      decide(RITA, 'reject', { reason: 'No.' }),
      'InvalidAction',
      /30 characters/,
    ],
    ['questions missing', context(), decide(RITA, 'request_information'), 'InvalidAction', /question/],
    [
      'approving excluded below the final level',
      context({ outcome: 'excluded', route: route({ overrideAllowed: true }) }),
      decide(RITA, 'approve'),
      'InvalidAction',
      /only the approver may override/,
    ],
    [
      'approving excluded without an override rule',
      atApproval({ outcome: 'excluded' }),
      decide(ALAN, 'approve', { override: true }),
      'InvalidAction',
      /allows no override/,
    ],
    [
      'an override without the flag',
      atApproval({ outcome: 'excluded', route: route({ overrideAllowed: true }) }),
      decide(ALAN, 'approve', { reason: LONG }),
      'InvalidAction',
      /override: true/,
    ],
    [
      'a short override',
      atApproval({ outcome: 'excluded', route: route({ overrideAllowed: true }) }),
      decide(ALAN, 'approve', { override: true }),
      'InvalidAction',
      /30 characters/,
    ],
    [
      'an override where nothing is excluded',
      context(),
      decide(RITA, 'approve', { override: true }),
      'InvalidAction',
      /only to approving an excluded/,
    ],
    [
      'excluding after the minister said no',
      atApproval({ outcome: 'excludable', exclusionBlocked: true }),
      decide(ALAN, 'reject'),
      'InvalidAction',
      /minister did not agree/,
    ],
  ])('refuses %s', (_case, ctx, input, type, message) => {
    const refusal = decisionRefusal(ctx, input);
    expect(refusal?.type).toBe(type);
    expect(refusal?.message).toMatch(message);
  });

  it('lets an approver stand in at the reviewer level, and the same approver decide again after a minister says no', () => {
    expect(decisionRefusal(context(), decide(ALAN, 'approve'))).toBeNull();
    const afterMinister = atApproval({
      outcome: 'excludable',
      exclusionBlocked: true,
      approvals: [
        { level: 'reviewer', userId: 'rita', decision: 'reject', reason: LONG, at: 't' },
        { level: 'approver', userId: 'alan', decision: 'reject', reason: LONG, at: 't' },
      ],
    });
    expect(decisionRefusal(afterMinister, decide(ALAN, 'approve'))).toBeNull();
  });
});

describe('decisionEffect', () => {
  it.each<[string, SignOffContext, DecideInput, ReturnType<typeof decisionEffect>]>([
    [
      'clear: one approval closes',
      context({ outcome: 'clear', route: route({ levels: ['reviewer'] }) }),
      decide(RITA, 'approve'),
      { kind: 'final', outcome: 'approved' },
    ],
    [
      'high: the reviewer passes to the approver',
      context(),
      decide(RITA, 'approve'),
      { kind: 'next_level', level: 'approver' },
    ],
    [
      'high: a rejection closes at once',
      context(),
      decide(RITA, 'reject'),
      { kind: 'final', outcome: 'rejected' },
    ],
    [
      'excluded: the reviewer recommends, the approver decides',
      context({ outcome: 'excluded' }),
      decide(RITA, 'reject'),
      { kind: 'next_level', level: 'approver' },
    ],
    [
      'excluded: the approver confirms',
      atApproval({ outcome: 'excluded' }),
      decide(ALAN, 'reject'),
      { kind: 'final', outcome: 'excluded' },
    ],
    [
      'excludable by a council: a minister must agree first',
      atApproval({ outcome: 'excludable', route: route({ ministerialReferralRequired: true }) }),
      decide(ALAN, 'reject'),
      { kind: 'ministerial_referral' },
    ],
    [
      'excludable: approving keeps the supplier',
      atApproval({ outcome: 'excludable' }),
      decide(ALAN, 'approve'),
      { kind: 'final', outcome: 'approved' },
    ],
    [
      'questions go back to the supplier',
      context(),
      decide(RITA, 'request_information', { questions: ['?'] }),
      { kind: 'information_requested' },
    ],
  ])('%s', (_case, ctx, input, effect) => {
    expect(decisionRefusal(ctx, input)).toBeNull();
    expect(decisionEffect(ctx, input)).toEqual(effect);
  });
});
