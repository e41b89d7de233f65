// One supplier on one tender, from the supplier's declaration to a decision. The workflow is the only
// writer of the screening's process state; activities persist what it decided (read model, audit trail,
// notification outbox). People act through the Updates in ./screening/handlers.ts; this file is the
// process between their actions: deadlines, reminders, escalation, checks rounds and the final seal.
import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type {
  ApprovalLevel,
  CheckName,
  Finding,
  ReadModelSnapshot,
  RiskAssessment,
  ScreeningRoute,
  ScreeningState,
  ScreeningWorkflowInput,
} from '../libs/contracts/src/index.js';
import { screeningStateQuery } from '../libs/contracts/src/index.js';
import { routingFor } from '../libs/domain/src/policy/routing.js';
import { checks, localChecks } from './screening/activities.js';
import { registerUpdateHandlers } from './screening/handlers.js';
import { declarationSummary, ScreeningCase, SYSTEM } from './screening/screening-case.js';
import { levelForStatus } from './screening/sign-off.js';
import { waitWithReminders } from './screening/waiting.js';

/** The checks each round runs, in parallel. */
export const SCREENING_CHECKS: readonly CheckName[] = [
  'name_screening',
  'ownership',
  'jurisdiction',
  'product',
  'subcontractor',
];

export async function screeningWorkflow(input: ScreeningWorkflowInput): Promise<ScreeningState> {
  const c = new ScreeningCase(input);
  c.state.declarationDeadline = new Date(Date.now() + input.durations.declarationMs).toISOString();
  const onFile = input.declarationOnFile;
  if (onFile) c.takeDeclaration(onFile.declaration);
  else c.enter('awaiting_declaration');
  // Registering runs any Update that arrived with the first task at once, so the state must be ready.
  registerUpdateHandlers(c);
  setHandler(screeningStateQuery, () => c.state);
  const info = workflowInfo();
  c.policy = await c.open(
    input.policy,
    {
      tender: { id: input.tender.id, reference: input.tender.reference, buyerType: input.tender.buyerType },
      supplier: input.supplier,
      policy: input.policy,
      durations: input.durations,
      declarationDeadline: c.state.declarationDeadline,
      workflowId: info.workflowId,
      runId: info.runId,
    },
    onFile && {
      declaration: { revision: 1, declaration: onFile.declaration, submittedAt: onFile.submittedAt },
      audit: [
        'declaration.received',
        onFile.submittedBy,
        { revision: 1, onFile: true, source: onFile.source, ...declarationSummary(onFile.declaration) },
      ],
    },
  );

  while (!c.closed) {
    await c.flush();
    // Let an action's handler finish its writes first, so the trail shows the action before its effects.
    await condition(allHandlersFinished);
    await advance(c);
  }

  await condition(allHandlersFinished);
  const outcome = c.state.decision?.outcome ?? c.state.status;
  await c.record({
    audit: ['screening.closed', SYSTEM, { outcome, rounds: c.round }],
    notify: ['screening.closed', 'buyer', { outcome }],
  });
  return c.state;
}

/** Runs the process for the current status until the case moves on. */
async function advance(c: ScreeningCase): Promise<void> {
  const { status } = c.state;
  switch (status) {
    case 'awaiting_declaration':
    case 'information_requested':
      return awaitSupplierAnswer(c);
    case 'checking':
      return runChecksRound(c);
    case 'awaiting_representations':
      return awaitRepresentations(c);
    case 'awaiting_review':
    case 'awaiting_approval':
      return awaitSignOff(c, levelForStatus(status)!);
    case 'awaiting_ministerial_referral':
      return awaitNextAction(c);
    default:
      return;
  }
}

async function awaitNextAction(c: ScreeningCase): Promise<void> {
  const entered = c.transitions;
  await condition(() => c.transitions !== entered);
}

/** The declaration (or the answers to a reviewer's questions), with reminders until the deadline. */
async function awaitSupplierAnswer(c: ScreeningCase): Promise<void> {
  const entered = c.transitions;
  const step = c.state.waitingFor?.step;
  const answered = await waitWithReminders({
    done: () => c.transitions !== entered,
    deadline: () => Date.parse(c.state.declarationDeadline!),
    since: Date.parse(c.state.waitingFor!.since),
    every: c.durations.declarationReminderMs,
    remind: async (reminder) => {
      const dueAt = c.state.declarationDeadline;
      await c.record({
        audit: ['declaration.reminder_sent', SYSTEM, { step, reminder, dueAt }],
        notify: ['declaration.reminder', 'supplier', { step, reminder, dueAt }],
      });
    },
  });
  if (answered) return;

  const deadline = c.state.declarationDeadline;
  const request = c.state.status === 'information_requested' ? c.state.informationRequest : null;
  if (request?.concernsConnectedPersons) {
    c.finish(
      'excluded',
      SYSTEM.userId,
      'The supplier did not give the information on connected or associated persons that the buyer requested by the deadline, so it is treated as an excluded supplier (UK-PA-2023 s30(5)-(6)).',
    );
    await c.record({
      audit: ['information.not_provided', SYSTEM, { deadline, questions: request.questions }],
      publish: true,
    });
  } else {
    c.finish(
      'expired',
      SYSTEM.userId,
      request ? 'The deadline for answering the questions passed.' : 'The declaration deadline passed.',
    );
    await c.record({ audit: ['screening.expired', SYSTEM, { deadline, step }], publish: true });
  }
}

/** Checks and scoring on the newest declaration, then the first human step of the route. */
async function runChecksRound(c: ScreeningCase): Promise<void> {
  const amendmentLeft = c.checksNotBefore - Date.now();
  if (amendmentLeft > 0) {
    await condition(() => c.closed, amendmentLeft);
    await condition(allHandlersFinished);
  }
  if (c.closed) return;
  const { input, state } = c;
  c.checksStarted = true;
  c.round += 1;
  const round = c.round;
  Object.assign(state, {
    amendableUntil: null,
    approvals: [],
    questions: [],
    informationRequest: null,
    representations: [],
    ministerialReferral: null,
    pendingExclusion: null,
    exclusionBlocked: false,
  });
  const declarationRevision = c.declarationRevision;
  const roundStart = c.roundStartSnapshot();
  if (!roundStart) await c.publish();

  const checked = await runChecks(c, round, roundStart);
  if (!checked) return;
  const { referenceDataVersion, perCheck } = checked;
  if (c.closed) return;
  const { findings, risk } = await c.assessRound(
    round,
    perCheck.flat(),
    { round, declarationRevision, referenceDataVersion, checks: SCREENING_CHECKS },
    { screeningId: c.id, round, tender: input.tender, policy: input.policy, referenceDataVersion },
  );
  state.findings = findings;
  const route = routeFor(c, risk);
  state.risk = risk;
  state.route = route;
  state.requiredApprovals = route.levels;
  // Written with what follows: the routing's read model, or the decision and the case's closing.
  await c.recordWithNext({
    audit: [
      'risk.assessed',
      SYSTEM,
      {
        round,
        score: risk.score,
        band: risk.band,
        outcome: risk.outcome,
        outcomeBasis: risk.outcomeBasis ?? null,
        factors: risk.factors.map((f) => ({ code: f.code, points: f.points, rule: f.rule ?? null })),
        requiredApprovals: route.levels,
        route,
        policy: risk.policy,
        referenceDataVersion,
      },
    ],
  });
  if (c.closed) {
    await c.publish();
    return;
  }

  if (route.levels.length === 0) {
    // The pinned policy approves a clear assessment without a signature (validation allows that for
    // `clear` only); the trail records that the policy, not a person, decided.
    c.finish(
      'approved',
      SYSTEM.userId,
      `Clear under policy ${risk.policy.id} v${risk.policy.version}, which approves a clear assessment without sign-off.`,
    );
    await c.recordWithNext({
      audit: ['decision.approved_by_policy', SYSTEM, { round, policy: risk.policy }],
      publish: true,
    });
    return;
  }

  if (route.representationsRequired || route.replacementAllowed) {
    c.enter('awaiting_representations');
    await c.record({
      publish: true,
      notify: [
        'representations.invited',
        'supplier',
        {
          dueAt: state.waitingFor!.dueAt,
          outcome: risk.outcome,
          reason: risk.outcomeBasis?.reason ?? null,
          replacementAllowed: route.replacementAllowed,
        },
      ],
    });
  } else {
    c.enterLevel(route.levels[0]);
    await c.publish();
  }
}

/**
 * The round's checks against the newest reference-data version, pinned for all five. On the compact
 * path one activity pins it and runs them (a local activity on combined runs, which also writes the
 * round's start to the read model first); runs from before the compact patch pin it first, then run
 * one activity per check. Null when the case closed meanwhile.
 */
async function runChecks(
  c: ScreeningCase,
  round: number,
  roundStart: ReadModelSnapshot | undefined,
): Promise<{ referenceDataVersion: string; perCheck: Finding[][] } | null> {
  const roundInput = {
    screeningId: c.id,
    round,
    tender: c.input.tender,
    supplier: c.input.supplier,
    declaration: c.declaration!,
  };
  if (c.compactHistory) {
    const runner = c.format === 'combined' ? localChecks : checks;
    const { referenceDataVersion, findings } = await runner.runChecks({
      ...roundInput,
      checks: SCREENING_CHECKS,
      readModel: roundStart,
    });
    c.referenceDataVersion = referenceDataVersion;
    return { referenceDataVersion, perCheck: findings };
  }
  const referenceDataVersion = await checks.currentReferenceDataVersion();
  c.referenceDataVersion = referenceDataVersion;
  // Withdrawn while the version was read: no checks (as these runs did).
  if (c.closed) return null;
  const perCheck = await Promise.all(
    SCREENING_CHECKS.map((check) => checks.runCheck({ ...roundInput, referenceDataVersion, check })),
  );
  return { referenceDataVersion, perCheck };
}

/** Who signs, from the exact policy version the screening pinned. */
function routeFor(c: ScreeningCase, risk: RiskAssessment): ScreeningRoute {
  const route = routingFor(
    {
      outcome: risk.outcome,
      band: risk.band,
      policy: risk.policy,
      outcomeBasis: risk.outcomeBasis ?? {
        ruleId: null,
        rule: null,
        provision: null,
        reason: '',
        findingKeys: [],
        associatedPersonOnly: false,
      },
    },
    c.policy!,
  );
  const systemApproves = route.levels.length === 0 && risk.outcome === 'clear';
  return { ...route, levels: route.levels.length > 0 || systemApproves ? route.levels : ['reviewer'] };
}

/** The supplier's window to make representations (s58) or replace an associated person (s26). */
async function awaitRepresentations(c: ScreeningCase): Promise<void> {
  const entered = c.transitions;
  const dueAt = c.state.waitingFor!.dueAt!;
  const acted = await condition(() => c.transitions !== entered, Math.max(1, Date.parse(dueAt) - Date.now()));
  if (acted) return;
  c.enterLevel(c.state.route!.levels[0]);
  await c.record({
    audit: ['representations.window_closed', SYSTEM, { dueAt, received: c.state.representations.length }],
    publish: true,
  });
}

/** One sign-off level: reminders until its deadline, then escalation to the approver pool. */
async function awaitSignOff(c: ScreeningCase, level: ApprovalLevel): Promise<void> {
  const entered = c.transitions;
  const done = () => c.transitions !== entered;
  // Read before the first await: a decision may close the case while the notification is queued.
  const { dueAt, since } = c.state.waitingFor!;
  await c.notify('review.waiting', level, { level, dueAt });
  const decided = await waitWithReminders({
    done,
    deadline: () => Date.parse(dueAt!),
    since: Date.parse(since),
    every: c.durations.reviewReminderMs,
    remind: async (reminder) => {
      await c.record({
        audit: ['review.reminder_sent', SYSTEM, { level, reminder, dueAt }],
        notify: ['review.reminder', level, { level, reminder, dueAt }],
      });
    },
  });
  if (decided) return;

  c.escalate();
  await c.record({
    audit: ['review.escalated', SYSTEM, { level, dueAt, to: 'approver' }],
    publish: true,
    notify: ['review.escalated', 'approver', { level, dueAt }],
  });
  await waitWithReminders({
    done,
    deadline: () => Number.POSITIVE_INFINITY,
    since: Date.now(),
    every: c.durations.escalationReminderMs,
    remind: async (reminder) => {
      await c.record({
        audit: ['review.escalation_reminder_sent', SYSTEM, { level, reminder, dueAt }],
        notify: ['review.escalation_reminder', 'approver', { level, reminder, dueAt }],
      });
    },
  });
}
