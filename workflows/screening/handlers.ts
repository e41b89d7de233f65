// The human actions on a screening, each a Temporal Update whose validator refuses a wrong-stage,
// wrong-person or incomplete action before it reaches history. Handlers change the state before their
// first await, so a second action in the same workflow task is judged against the new state.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type {
  Actor,
  DecideInput,
  DeclineToAnswerInput,
  ExtendDeadlineInput,
  MakeRepresentationsInput,
  RecordMinisterialAnswerInput,
  RecordMinisterialReferralInput,
  ReplaceAssociatedPersonInput,
  ScreeningStatus,
  SubmitDeclarationInput,
  UpdateAccepted,
  WithdrawInput,
} from '../../libs/contracts/src/index.js';
import {
  decideUpdate,
  declineToAnswerUpdate,
  extendDeadlineUpdate,
  makeRepresentationsUpdate,
  recordMinisterialAnswerUpdate,
  recordMinisterialReferralUpdate,
  REFUSAL,
  replaceAssociatedPersonUpdate,
  submitDeclarationUpdate,
  withdrawUpdate,
} from '../../libs/contracts/src/index.js';
import { declarationSummary, SYSTEM, type ScreeningCase, type StepRecords } from './screening-case.js';
import {
  decisionEffect,
  decisionRefusal,
  levelForStatus,
  MIN_JUSTIFICATION_LENGTH,
  MIN_REASON_LENGTH,
  type Refusal,
  type SignOffContext,
} from './sign-off.js';

/** The longest a buyer may push the declaration deadline out in one step. */
const MAX_EXTENSION_MS = 366 * 86_400_000;

function refuse(type: Refusal['type'], message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

function requireText(value: unknown, field: string, min = MIN_REASON_LENGTH): void {
  if (typeof value !== 'string' || value.trim().length < min) {
    refuse(REFUSAL.invalid, `${field}: write at least ${min} characters.`);
  }
}

function requireRole(actor: Actor, role: Actor['role'], what: string): void {
  if (actor?.role !== role)
    refuse(REFUSAL.notAllowed, `Only a ${role} can ${what}; your role is ${actor?.role}.`);
}

function requireStatus(c: ScreeningCase, allowed: ScreeningStatus[], what: string): void {
  if (!allowed.includes(c.state.status)) {
    refuse(
      REFUSAL.wrongStage,
      `The screening is ${c.state.status}; ${what} only while ${allowed.join(' or ')}.`,
    );
  }
}

const now = () => new Date().toISOString();
const accepted = (status: ScreeningStatus): UpdateAccepted => ({ status });

export function registerUpdateHandlers(c: ScreeningCase): void {
  const signOffContext = (): SignOffContext => ({
    status: c.state.status,
    level: levelForStatus(c.state.status),
    route: c.state.route ?? {
      levels: ['reviewer'],
      representationsRequired: false,
      ministerialReferralRequired: false,
      overrideAllowed: false,
      replacementAllowed: false,
    },
    outcome: c.state.risk?.outcome ?? 'review',
    approvals: c.state.approvals,
    startedBy: c.input.startedBy.userId,
    exclusionBlocked: c.state.exclusionBlocked,
  });

  setHandler(
    submitDeclarationUpdate,
    async ({ declaration }: SubmitDeclarationInput) => {
      const amending = c.state.status === 'checking';
      c.declaration = declaration;
      c.declarationRevision += 1;
      const revision = c.declarationRevision;
      if (!amending) {
        const window = c.durations.amendmentWindowMs ?? 0;
        c.checksStarted = false;
        c.checksNotBefore = Date.now() + window;
        c.state.amendableUntil = window > 0 ? new Date(c.checksNotBefore).toISOString() : null;
        c.enter('checking');
      }
      const status = c.state.status;
      await c.record({
        declaration: { revision, declaration, submittedAt: now() },
        audit: [
          amending ? 'declaration.amended' : 'declaration.received',
          c.supplier,
          {
            revision,
            ...declarationSummary(declaration),
            amendableUntil: c.state.amendableUntil,
          },
        ],
        publish: !amending,
      });
      return accepted(status);
    },
    {
      validator: ({ declaration }: SubmitDeclarationInput) => {
        const { status } = c.state;
        const amendable = status === 'checking' && !c.checksStarted && c.state.amendableUntil !== null;
        if (!amendable && status !== 'awaiting_declaration' && status !== 'information_requested') {
          if (c.round > 0 && !c.closed) {
            refuse(
              REFUSAL.wrongStage,
              `Checks started on declaration revision ${c.declarationRevision}: it can no longer be amended. A reviewer may ask the supplier for more information.`,
            );
          }
          refuse(
            REFUSAL.wrongStage,
            `The screening is ${status}; a declaration is accepted only while awaiting_declaration or information_requested.`,
          );
        }
        if (!declaration?.attestation?.accepted) {
          refuse(
            REFUSAL.invalid,
            'attestation.accepted must be true: the supplier must attest the declaration.',
          );
        }
      },
    },
  );

  setHandler(
    decideUpdate,
    async (input: DecideInput) => {
      const { actor, decision, reason, questions } = input;
      const context = signOffContext();
      const level = context.level!;
      const effect = decisionEffect(context, input);
      const at = now();
      const approval = {
        level,
        userId: actor.userId,
        decision,
        reason,
        at,
        ...(input.override ? { override: true } : {}),
      };
      c.state.approvals = [...c.state.approvals, approval];
      switch (effect.kind) {
        case 'information_requested':
          c.state.questions = questions ?? [];
          c.state.informationRequest = {
            questions: questions ?? [],
            concernsConnectedPersons: input.concernsConnectedPersons === true,
            requestedBy: actor.userId,
            at,
            refusal: null,
          };
          c.state.declarationDeadline = new Date(Date.now() + c.durations.declarationMs).toISOString();
          c.enter('information_requested');
          break;
        case 'next_level':
          c.enterLevel(effect.level);
          break;
        case 'ministerial_referral':
          c.state.pendingExclusion = { decidedBy: actor.userId, reason, at };
          c.enter('awaiting_ministerial_referral');
          break;
        case 'final':
          c.finish(effect.outcome, actor.userId, reason, input.override === true);
          break;
      }
      const status = c.state.status;
      const notify: StepRecords['notify'] =
        effect.kind === 'information_requested'
          ? [
              'information.requested',
              'supplier',
              {
                questions: questions ?? [],
                dueAt: c.state.declarationDeadline,
                concernsConnectedPersons: input.concernsConnectedPersons === true,
              },
            ]
          : effect.kind === 'ministerial_referral'
            ? ['ministerial_referral.required', 'approver', { decidedBy: actor.userId }]
            : undefined;
      await c.record({
        approval: { stepKey: `round-${c.round}:${level}:${c.state.approvals.length}`, approval },
        audit: [
          `decision.${decision}`,
          actor,
          {
            level,
            reason,
            questions: questions ?? [],
            concernsConnectedPersons: input.concernsConnectedPersons === true,
            override: input.override === true,
            round: c.round,
            effect: effect.kind,
            outcome: effect.kind === 'final' ? effect.outcome : null,
          },
        ],
        publish: true,
        notify,
      });
      return accepted(status);
    },
    {
      validator: (input: DecideInput) => {
        const problem = decisionRefusal(signOffContext(), input);
        if (problem) refuse(problem.type, problem.message);
      },
    },
  );

  setHandler(
    extendDeadlineUpdate,
    async ({ actor, until, reason }: ExtendDeadlineInput) => {
      const from = c.state.declarationDeadline;
      const to = new Date(Date.parse(until)).toISOString();
      c.state.declarationDeadline = to;
      if (c.state.waitingFor) c.state.waitingFor = { ...c.state.waitingFor, dueAt: to };
      const status = c.state.status;
      await c.record({
        audit: ['declaration.deadline_extended', actor, { from, to, reason }],
        publish: true,
        notify: ['declaration.deadline_extended', 'supplier', { dueAt: to }],
      });
      return accepted(status);
    },
    {
      validator: ({ actor, until, reason }: ExtendDeadlineInput) => {
        requireRole(actor, 'buyer', 'extend the declaration deadline');
        requireStatus(
          c,
          ['awaiting_declaration', 'information_requested'],
          'the declaration deadline can be extended',
        );
        const target = Date.parse(until);
        if (!Number.isFinite(target)) refuse(REFUSAL.invalid, 'until: give an ISO-8601 date and time.');
        const current = Date.parse(c.state.declarationDeadline!);
        if (target <= current) {
          refuse(
            REFUSAL.invalid,
            `until: must be later than the current deadline ${c.state.declarationDeadline}.`,
          );
        }
        if (target - Date.now() > MAX_EXTENSION_MS) {
          refuse(REFUSAL.invalid, 'until: a deadline can be at most one year ahead.');
        }
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    withdrawUpdate,
    async ({ actor, reason }: WithdrawInput) => {
      const stage = c.state.stage;
      c.finish('withdrawn', actor.userId, reason);
      await c.record({
        audit: ['screening.withdrawn', actor, { stage, reason, round: c.round }],
        publish: true,
      });
      return accepted('withdrawn');
    },
    {
      validator: ({ actor, reason }: WithdrawInput) => {
        requireRole(actor, 'buyer', 'withdraw a screening');
        if (c.closed) {
          refuse(REFUSAL.wrongStage, `The screening is already ${c.state.status}; it cannot be withdrawn.`);
        }
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    makeRepresentationsUpdate,
    async ({ text }: MakeRepresentationsInput) => {
      const at = now();
      c.state.representations = [...c.state.representations, { text, at }];
      c.enterLevel(c.state.route!.levels[0]);
      const status = c.state.status;
      await c.record({
        audit: ['representations.received', c.supplier, { text, round: c.round }],
        publish: true,
      });
      return accepted(status);
    },
    {
      validator: ({ text }: MakeRepresentationsInput) => {
        requireStatus(c, ['awaiting_representations'], 'representations are accepted');
        requireText(text, 'text', MIN_JUSTIFICATION_LENGTH);
      },
    },
  );

  setHandler(
    replaceAssociatedPersonUpdate,
    async ({ subcontractors, explanation }: ReplaceAssociatedPersonInput) => {
      const previous = c.declaration!;
      const declaration = { ...previous, subcontractors };
      c.declaration = declaration;
      c.declarationRevision += 1;
      const revision = c.declarationRevision;
      c.checksStarted = false;
      c.checksNotBefore = Date.now();
      c.enter('checking');
      await c.record({
        declaration: { revision, declaration, submittedAt: now() },
        audit: [
          'associated_person.replaced',
          c.supplier,
          {
            revision,
            explanation,
            removed: previous.subcontractors
              .filter((old) => !subcontractors.some((s) => s.name === old.name && s.country === old.country))
              .map((s) => s.name),
            added: subcontractors
              .filter(
                (s) =>
                  !previous.subcontractors.some((old) => s.name === old.name && s.country === old.country),
              )
              .map((s) => s.name),
          },
        ],
        publish: true,
      });
      return accepted('checking');
    },
    {
      validator: ({ subcontractors, explanation }: ReplaceAssociatedPersonInput) => {
        requireStatus(c, ['awaiting_representations'], 'an associated person can be replaced');
        if (!c.state.route?.replacementAllowed) {
          refuse(
            REFUSAL.invalid,
            'Replacement applies only when the sole concern is an associated person or sub-contractor (UK-PA-2023 s26); make representations instead.',
          );
        }
        if (!Array.isArray(subcontractors) || subcontractors.some((s) => !s?.name?.trim() || !s?.country)) {
          refuse(
            REFUSAL.invalid,
            'subcontractors: give the full list after the replacement, each with a name and country.',
          );
        }
        requireText(explanation, 'explanation');
      },
    },
  );

  setHandler(
    declineToAnswerUpdate,
    async ({ reason }: DeclineToAnswerInput) => {
      const request = c.state.informationRequest!;
      const at = now();
      c.state.informationRequest = { ...request, refusal: { reason, at } };
      if (request.concernsConnectedPersons) {
        c.finish(
          'excluded',
          SYSTEM.userId,
          'The supplier refused to give the information on connected or associated persons that the buyer requested, so it is treated as an excluded supplier (UK-PA-2023 s30(5)-(6)).',
        );
      } else {
        // Nothing in the law turns this refusal into an exclusion: the reviewer decides on what is known.
        c.enterLevel(c.state.route?.levels[0] ?? 'reviewer');
      }
      const status = c.state.status;
      await c.record({
        audit: [
          'information.refused',
          c.supplier,
          {
            reason,
            concernsConnectedPersons: request.concernsConnectedPersons,
            outcome: status,
          },
        ],
        publish: true,
      });
      return accepted(status);
    },
    {
      validator: ({ reason }: DeclineToAnswerInput) => {
        requireStatus(c, ['information_requested'], 'the supplier can decline to answer');
        requireText(reason, 'reason');
      },
    },
  );

  setHandler(
    recordMinisterialReferralUpdate,
    async ({ actor, reference, note }: RecordMinisterialReferralInput) => {
      c.state.ministerialReferral = {
        referredBy: actor.userId,
        reference,
        note: note ?? null,
        at: now(),
        answer: null,
      };
      const status = c.state.status;
      await c.record({
        audit: ['ministerial_referral.sent', actor, { reference, note: note ?? null }],
        publish: true,
      });
      return accepted(status);
    },
    {
      validator: ({ actor, reference }: RecordMinisterialReferralInput) => {
        requireRole(actor, 'approver', 'record a ministerial referral');
        requireStatus(c, ['awaiting_ministerial_referral'], 'a ministerial referral can be recorded');
        if (c.state.ministerialReferral) {
          refuse(
            REFUSAL.wrongStage,
            `The referral was recorded at ${c.state.ministerialReferral.at} (${c.state.ministerialReferral.reference}); record the minister's answer.`,
          );
        }
        requireText(reference, 'reference');
      },
    },
  );

  setHandler(
    recordMinisterialAnswerUpdate,
    async ({ actor, agreed, reference, note }: RecordMinisterialAnswerInput) => {
      const at = now();
      c.state.ministerialReferral = {
        ...c.state.ministerialReferral!,
        answer: { agreed, recordedBy: actor.userId, reference: reference ?? null, note, at },
      };
      const pending = c.state.pendingExclusion!;
      c.state.pendingExclusion = null;
      if (agreed) {
        c.finish('excluded', pending.decidedBy, pending.reason);
      } else {
        c.state.exclusionBlocked = true;
        const levels = c.state.route!.levels;
        c.enterLevel(levels[levels.length - 1]);
      }
      const status = c.state.status;
      await c.record({
        audit: [
          'ministerial_referral.answered',
          actor,
          {
            agreed,
            reference: reference ?? null,
            note,
            outcome: status,
          },
        ],
        publish: true,
      });
      return accepted(status);
    },
    {
      validator: ({ actor, agreed, note }: RecordMinisterialAnswerInput) => {
        requireRole(actor, 'approver', "record the minister's answer");
        requireStatus(c, ['awaiting_ministerial_referral'], "the minister's answer can be recorded");
        if (!c.state.ministerialReferral) {
          refuse(REFUSAL.wrongStage, "Record the ministerial referral first, then the minister's answer.");
        }
        if (typeof agreed !== 'boolean') refuse(REFUSAL.invalid, 'agreed: must be true or false.');
        requireText(note, 'note');
      },
    },
  );
}
