// The sign-off rules as pure functions: who may decide the current level, and what a decision does.
// The workflow's `decide` validator and handler call them; unit tests read them as a specification.
import type {
  Approval,
  ApprovalLevel,
  DecideInput,
  RiskOutcome,
  ScreeningRoute,
  ScreeningStatus,
} from '../../libs/contracts/src/index.js';
import { REFUSAL } from '../../libs/contracts/src/index.js';

export const MIN_REASON_LENGTH = 3;
/** Rejections, exclusions and overrides end or reverse a case: they need a written justification. */
export const MIN_JUSTIFICATION_LENGTH = 30;

export interface Refusal {
  type: (typeof REFUSAL)[keyof typeof REFUSAL];
  message: string;
}

export interface SignOffContext {
  status: ScreeningStatus;
  /** The level waiting for a decision, or null when nothing does. */
  level: ApprovalLevel | null;
  route: ScreeningRoute;
  outcome: RiskOutcome;
  /** This round's sign-offs, oldest first. */
  approvals: readonly Approval[];
  startedBy: string;
  exclusionBlocked: boolean;
}

export type DecisionEffect =
  | { kind: 'next_level'; level: ApprovalLevel }
  | { kind: 'final'; outcome: 'approved' | 'rejected' | 'excluded' }
  | { kind: 'ministerial_referral' }
  | { kind: 'information_requested' };

export function statusForLevel(level: ApprovalLevel): ScreeningStatus {
  return level === 'reviewer' ? 'awaiting_review' : 'awaiting_approval';
}

export function levelForStatus(status: ScreeningStatus): ApprovalLevel | null {
  if (status === 'awaiting_review') return 'reviewer';
  if (status === 'awaiting_approval') return 'approver';
  return null;
}

/** Under `excludable` and `excluded`, rejecting means excluding the supplier (UK-PA-2023 s57). */
export function isExclusionOutcome(outcome: RiskOutcome): boolean {
  return outcome === 'excludable' || outcome === 'excluded';
}

/** Roles that may sign a level: approvers may always stand in for reviewers (escalation). */
function rolesFor(level: ApprovalLevel): string[] {
  return level === 'reviewer' ? ['reviewer', 'approver'] : ['approver'];
}

function finalLevel(route: ScreeningRoute): ApprovalLevel {
  return route.levels[route.levels.length - 1] ?? 'reviewer';
}

function nextLevel(route: ScreeningRoute, level: ApprovalLevel): ApprovalLevel | null {
  return route.levels[route.levels.indexOf(level) + 1] ?? null;
}

function refusal(type: Refusal['type'], message: string): Refusal {
  return { type, message };
}

/** Why this decision may not be taken now, or null when it may. */
export function decisionRefusal(ctx: SignOffContext, input: DecideInput): Refusal | null {
  const { actor, decision, reason, questions, override } = input;
  const level = ctx.level;
  if (level === null) {
    const closed = ['approved', 'rejected', 'excluded', 'expired', 'withdrawn'].includes(ctx.status);
    return refusal(
      REFUSAL.wrongStage,
      closed
        ? `The screening is already ${ctx.status}: it is closed and takes no more decisions.`
        : `The screening is ${ctx.status}; nothing waits for a decision.`,
    );
  }
  if (!rolesFor(level).includes(actor.role)) {
    const signed = ctx.approvals.find((a) => a.level === 'reviewer');
    if (actor.role === 'reviewer' && signed) {
      // The reviewer lost a race or came late: a state conflict, not a question of rights.
      return refusal(
        REFUSAL.wrongStage,
        `The reviewer level was already decided by ${signed.userId} at ${signed.at}; the screening now waits for an approver.`,
      );
    }
    return refusal(REFUSAL.notAllowed, `This step needs a ${level}; your role is ${actor.role}.`);
  }
  if (actor.userId === ctx.startedBy) {
    return refusal(REFUSAL.fourEyes, 'Four eyes: the buyer who started this screening cannot sign it off.');
  }
  if (ctx.approvals.some((a) => a.userId === actor.userId && a.level !== level)) {
    return refusal(REFUSAL.fourEyes, 'Four eyes: one person cannot sign two levels of the same screening.');
  }
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length < MIN_REASON_LENGTH) {
    return refusal(
      REFUSAL.invalid,
      `reason: every decision needs a reason of at least ${MIN_REASON_LENGTH} characters.`,
    );
  }
  if (decision === 'request_information') {
    if (!questions || questions.length === 0) {
      return refusal(
        REFUSAL.invalid,
        'questions: request_information needs at least one question for the supplier.',
      );
    }
    return override ? overrideMisused() : null;
  }
  if (input.concernsConnectedPersons) {
    return refusal(
      REFUSAL.invalid,
      'concernsConnectedPersons applies only to request_information: it marks questions about connected or associated persons.',
    );
  }
  if (decision === 'reject') {
    if (override) return overrideMisused();
    if (ctx.exclusionBlocked && isExclusionOutcome(ctx.outcome)) {
      return refusal(
        REFUSAL.invalid,
        'The minister did not agree to the exclusion (UK-PA-2023 s29): the supplier cannot be excluded on this ground. Approve, or request information.',
      );
    }
    if (trimmed.length < MIN_JUSTIFICATION_LENGTH) {
      const what = isExclusionOutcome(ctx.outcome) ? 'An exclusion' : 'A rejection';
      return refusal(
        REFUSAL.invalid,
        `reason: ${what} needs a written justification of at least ${MIN_JUSTIFICATION_LENGTH} characters.`,
      );
    }
    return null;
  }
  // approve
  if (ctx.outcome !== 'excluded') return override ? overrideMisused() : null;
  return excludedApprovalRefusal(ctx, level, input, trimmed);
}

function overrideMisused(): Refusal {
  return refusal(REFUSAL.invalid, 'override applies only to approving an excluded outcome.');
}

/** `excluded` cannot be approved, except by the deciding approver's override where the policy allows. */
function excludedApprovalRefusal(
  ctx: SignOffContext,
  level: ApprovalLevel,
  input: DecideInput,
  reason: string,
): Refusal | null {
  if (!ctx.route.overrideAllowed) {
    return refusal(
      REFUSAL.invalid,
      'The policy outcome is excluded and the policy allows no override: the screening cannot be approved, only rejected.',
    );
  }
  if (level !== finalLevel(ctx.route)) {
    return refusal(
      REFUSAL.invalid,
      `The policy outcome is excluded: the ${level} cannot approve it. Reject it, or request information; only the ${finalLevel(ctx.route)} may override the exclusion.`,
    );
  }
  if (input.actor.role !== 'approver') {
    return refusal(REFUSAL.notAllowed, 'Only an approver may override an excluded outcome.');
  }
  if (!input.override) {
    return refusal(
      REFUSAL.invalid,
      'The policy outcome is excluded: approving it is an override. Send override: true with a written justification.',
    );
  }
  if (reason.length < MIN_JUSTIFICATION_LENGTH) {
    return refusal(
      REFUSAL.invalid,
      `reason: an override needs a written justification of at least ${MIN_JUSTIFICATION_LENGTH} characters.`,
    );
  }
  return null;
}

/** What an accepted decision does to the case. Call only when decisionRefusal returned null. */
export function decisionEffect(ctx: SignOffContext, input: DecideInput): DecisionEffect {
  const level = ctx.level!;
  if (input.decision === 'request_information') return { kind: 'information_requested' };
  const next = nextLevel(ctx.route, level);
  if (input.decision === 'approve') {
    return next ? { kind: 'next_level', level: next } : { kind: 'final', outcome: 'approved' };
  }
  if (!isExclusionOutcome(ctx.outcome)) return { kind: 'final', outcome: 'rejected' };
  // Below the final level a rejection of an exclusion case is a recommendation to the next signer.
  if (next) return { kind: 'next_level', level: next };
  return ctx.route.ministerialReferralRequired
    ? { kind: 'ministerial_referral' }
    : { kind: 'final', outcome: 'excluded' };
}
