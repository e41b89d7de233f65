// One supplier on one tender, from the supplier's declaration to a decision. The workflow is the only
// writer of the screening's process state; activities persist what it decided (read model, audit trail).
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  Actor,
  ApprovalLevel,
  Declaration,
  DecideInput,
  FinalDecision,
  ScreeningActivities,
  ScreeningState,
  ScreeningStatus,
  ScreeningWorkflowInput,
  SubmitDeclarationInput,
} from '../libs/contracts/src/index.js';
import {
  decideUpdate,
  FINAL_STATUSES,
  REFUSAL,
  screeningStateQuery,
  submitDeclarationUpdate,
} from '../libs/contracts/src/index.js';

const SYSTEM: Actor = { userId: 'system', role: 'system' };
const MIN_REASON_LENGTH = 3;

const { recordAuditEvent, syncReadModel, saveDeclaration, recordApproval, assessRisk } =
  proxyActivities<ScreeningActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });

const { runChecks } = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

export async function screeningWorkflow(input: ScreeningWorkflowInput): Promise<ScreeningState> {
  const { screeningId } = input;
  const state: ScreeningState = {
    screeningId,
    status: 'awaiting_declaration',
    stage: 'declaration',
    findings: [],
    risk: null,
    requiredApprovals: [],
    approvals: [],
    decision: null,
    questions: [],
    declarationDeadline: null,
  };
  let stateVersion = 0;
  let step = 0;
  let round = 0;
  let declarationRevision = 0;
  let declaration: Declaration | null = null;
  let declarationStored = false;
  let referenceDataVersion: string | null = null;

  /** Appends the audit event for a step; the key makes an activity retry a no-op. */
  async function audit(action: string, actor: Actor, data: Record<string, unknown>): Promise<void> {
    step += 1;
    await recordAuditEvent({
      screeningId,
      eventKey: `${String(step).padStart(4, '0')}:${action}`,
      occurredAt: new Date().toISOString(),
      actor,
      action,
      data,
    });
  }

  async function publish(): Promise<void> {
    stateVersion += 1;
    await syncReadModel({
      screeningId,
      stateVersion,
      status: state.status,
      stage: state.stage,
      referenceDataVersion,
      risk: state.risk,
      requiredApprovals: state.requiredApprovals,
      approvals: state.approvals,
      decision: state.decision,
    });
  }

  function setStatus(status: ScreeningStatus, stage: string): void {
    state.status = status;
    state.stage = stage;
  }

  function currentLevel(): ApprovalLevel | null {
    if (state.status === 'awaiting_review') return 'reviewer';
    if (state.status === 'awaiting_approval') return 'approver';
    return null;
  }

  setHandler(screeningStateQuery, () => state);

  setHandler(
    submitDeclarationUpdate,
    async ({ declaration: submitted }: SubmitDeclarationInput) => {
      // Everything the validator checked still holds here: state changes before the first await, so a
      // second submission in the same task already sees 'checking'.
      declaration = submitted;
      declarationRevision += 1;
      const revision = declarationRevision;
      setStatus('checking', 'checks');
      const submittedAt = new Date().toISOString();
      const { digest } = await saveDeclaration({ screeningId, revision, declaration: submitted, submittedAt });
      await audit('declaration.received', { userId: `supplier:${screeningId}`, role: 'supplier' }, {
        revision,
        digest,
        attestation: { role: submitted.attestation.role, accepted: submitted.attestation.accepted },
        counts: {
          owners: submitted.owners.length,
          products: submitted.products.length,
          subcontractors: submitted.subcontractors.length,
        },
      });
      declarationStored = true;
      return { status: state.status };
    },
    {
      validator: ({ declaration: submitted }: SubmitDeclarationInput) => {
        if (state.status !== 'awaiting_declaration' && state.status !== 'information_requested') {
          refuse(REFUSAL.wrongStage, `The screening is ${state.status}; a declaration is accepted only while awaiting_declaration or information_requested.`);
        }
        if (!submitted?.attestation?.accepted) {
          refuse(REFUSAL.invalid, 'attestation.accepted must be true: the supplier must attest the declaration.');
        }
      },
    },
  );

  setHandler(
    decideUpdate,
    async ({ actor, decision, reason, questions }: DecideInput) => {
      const level = currentLevel()!;
      const at = new Date().toISOString();
      const approval = { level, userId: actor.userId, decision, reason, at };
      state.approvals = [...state.approvals, approval];
      let final: FinalDecision['outcome'] | null = null;
      if (decision === 'reject') final = 'rejected';
      else if (decision === 'request_information') {
        state.questions = questions ?? [];
        setStatus('information_requested', 'declaration');
      } else if (level === 'reviewer' && state.requiredApprovals.includes('approver')) {
        setStatus('awaiting_approval', 'approval');
      } else final = 'approved';
      if (final) {
        state.decision = { outcome: final, decidedBy: actor.userId, at, reason };
        setStatus(final, 'closed');
      }
      const stepKey = `round-${round}:${level}:${state.approvals.length}`;
      await recordApproval({ screeningId, stepKey, approval });
      await audit(`decision.${decision}`, actor, { level, reason, questions: questions ?? [], round, outcome: final });
      await publish();
      return { status: state.status };
    },
    {
      validator: ({ actor, decision, reason, questions }: DecideInput) => {
        const level = currentLevel();
        if (!level) {
          refuse(REFUSAL.wrongStage, `The screening is ${state.status}; nothing waits for a decision.`);
        }
        const allowed = level === 'reviewer' ? ['reviewer', 'approver'] : ['approver'];
        if (!allowed.includes(actor.role)) {
          refuse(REFUSAL.notAllowed, `This step needs a ${level}; your role is ${actor.role}.`);
        }
        if (actor.userId === input.startedBy.userId) {
          refuse(REFUSAL.fourEyes, 'Four eyes: the buyer who started this screening cannot sign it off.');
        }
        if (state.approvals.some((a) => a.userId === actor.userId)) {
          refuse(REFUSAL.fourEyes, 'Four eyes: one person cannot sign two levels of the same screening.');
        }
        if (!reason || reason.trim().length < MIN_REASON_LENGTH) {
          refuse(REFUSAL.invalid, `reason: every decision needs a reason of at least ${MIN_REASON_LENGTH} characters.`);
        }
        if (decision === 'approve' && state.risk?.outcome === 'excluded') {
          refuse(REFUSAL.invalid, 'The policy outcome is excluded: the screening cannot be approved, only rejected.');
        }
        if (decision === 'request_information' && !(questions && questions.length > 0)) {
          refuse(REFUSAL.invalid, 'questions: request_information needs at least one question for the supplier.');
        }
      },
    },
  );

  const info = workflowInfo();
  await audit('screening.started', input.startedBy, {
    tender: { id: input.tender.id, reference: input.tender.reference, buyerType: input.tender.buyerType },
    supplier: input.supplier,
    policy: input.policy,
    workflowId: info.workflowId,
    runId: info.runId,
  });
  await publish();

  while (!(FINAL_STATUSES as readonly string[]).includes(state.status)) {
    const deadline = new Date(Date.now() + input.durations.declarationMs);
    state.declarationDeadline = deadline.toISOString();
    const declared = await condition(() => declarationStored, input.durations.declarationMs);
    if (!declared) {
      state.decision = { outcome: 'expired', decidedBy: 'system', at: new Date().toISOString(), reason: 'The declaration deadline passed.' };
      setStatus('expired', 'closed');
      await audit('screening.expired', SYSTEM, { deadline: state.declarationDeadline });
      await publish();
      break;
    }
    declarationStored = false;
    round += 1;
    state.approvals = [];
    state.questions = [];
    await publish();

    const checks = await runChecks({ screeningId, round, tender: input.tender, supplier: input.supplier, declaration: declaration! });
    state.findings = checks.findings;
    referenceDataVersion = checks.referenceDataVersion;
    await audit('checks.completed', SYSTEM, {
      round,
      referenceDataVersion,
      findings: checks.findings.map((f) => ({ key: f.key, code: f.code, check: f.check, subject: f.subject.name })),
    });

    const risk = await assessRisk({
      screeningId,
      round,
      tender: input.tender,
      policy: input.policy,
      findings: checks.findings,
      referenceDataVersion,
    });
    state.risk = risk;
    state.requiredApprovals = risk.requiredApprovals;
    setStatus('awaiting_review', 'review');
    await audit('risk.assessed', SYSTEM, {
      round,
      score: risk.score,
      band: risk.band,
      outcome: risk.outcome,
      factors: risk.factors.map((f) => ({ code: f.code, points: f.points, rule: f.rule ?? null })),
      requiredApprovals: risk.requiredApprovals,
      policy: risk.policy,
      referenceDataVersion,
    });
    await publish();

    await condition(() => state.status === 'information_requested' || state.decision !== null);
  }

  // Let in-flight update handlers finish their writes before the final seal.
  await condition(allHandlersFinished);
  await audit('screening.closed', SYSTEM, { outcome: state.decision?.outcome ?? state.status });
  return state;
}
