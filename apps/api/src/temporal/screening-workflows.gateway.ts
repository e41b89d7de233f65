// Starts screening workflows and sends them human actions as Updates, translating refusals and
// infrastructure trouble into API errors. A request never hangs: every call has a deadline. Every Update
// carries an update id (the request's Idempotency-Key, else a fresh one), so a retried request is applied once.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter, type UpdateDefinition } from '@temporalio/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import {
  decideUpdate,
  declineToAnswerUpdate,
  extendDeadlineUpdate,
  makeRepresentationsUpdate,
  recordMinisterialAnswerUpdate,
  recordMinisterialReferralUpdate,
  replaceAssociatedPersonUpdate,
  SCREENING_ASSIGNEE,
  SCREENING_STAGE,
  screeningStateQuery,
  submitDeclarationUpdate,
  withdrawUpdate,
  type DecideInput,
  type DeclineToAnswerInput,
  type ExtendDeadlineInput,
  type MakeRepresentationsInput,
  type RecordMinisterialAnswerInput,
  type RecordMinisterialReferralInput,
  type ReplaceAssociatedPersonInput,
  type ScreeningState,
  type ScreeningWorkflowInput,
  type SubmitDeclarationInput,
  type UpdateAccepted,
  type WithdrawInput,
} from '../../../../libs/contracts/src/index.js';
import {
  REFUSAL_CODES,
  ScreeningException,
  ScreeningExceptionCode,
} from '../screenings/screening.exception.js';

export const WORKFLOW_TYPE = 'screeningWorkflow';
const GRPC_DEADLINE_EXCEEDED = 4;
const CALL_DEADLINE_MS = Number(process.env.WORKFLOW_CALL_DEADLINE_MS ?? 15_000);

@Injectable()
export class ScreeningWorkflowsGateway {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Idempotent: a second start of the same screening id attaches to the running workflow. */
  async start(input: ScreeningWorkflowInput): Promise<void> {
    await this.withDeadline(() =>
      this.client.workflow.start(WORKFLOW_TYPE, {
        workflowId: input.screeningId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SCREENING_STAGE, value: 'declaration' },
          { key: SCREENING_ASSIGNEE, value: 'supplier' },
        ],
      }),
    ).catch((error: unknown) => {
      // The workflow ran and closed before: nothing to start again.
      if ((error as Error)?.name === 'WorkflowExecutionAlreadyStartedError') return;
      throw translate(error, input.screeningId);
    });
  }

  /** The workflow's own view (questions, deadlines), for the supplier's invitation page. */
  async state(screeningId: string): Promise<ScreeningState> {
    try {
      return await this.withDeadline(() =>
        this.client.workflow.getHandle(screeningId).query(screeningStateQuery),
      );
    } catch (error) {
      throw translate(error, screeningId);
    }
  }

  submitDeclaration(id: string, input: SubmitDeclarationInput, updateId?: string) {
    return this.update(id, submitDeclarationUpdate, input, updateId);
  }

  decide(id: string, input: DecideInput, updateId?: string) {
    return this.update(id, decideUpdate, input, updateId);
  }

  extendDeadline(id: string, input: ExtendDeadlineInput, updateId?: string) {
    return this.update(id, extendDeadlineUpdate, input, updateId);
  }

  withdraw(id: string, input: WithdrawInput, updateId?: string) {
    return this.update(id, withdrawUpdate, input, updateId);
  }

  makeRepresentations(id: string, input: MakeRepresentationsInput, updateId?: string) {
    return this.update(id, makeRepresentationsUpdate, input, updateId);
  }

  replaceAssociatedPerson(id: string, input: ReplaceAssociatedPersonInput, updateId?: string) {
    return this.update(id, replaceAssociatedPersonUpdate, input, updateId);
  }

  declineToAnswer(id: string, input: DeclineToAnswerInput, updateId?: string) {
    return this.update(id, declineToAnswerUpdate, input, updateId);
  }

  recordMinisterialReferral(id: string, input: RecordMinisterialReferralInput, updateId?: string) {
    return this.update(id, recordMinisterialReferralUpdate, input, updateId);
  }

  recordMinisterialAnswer(id: string, input: RecordMinisterialAnswerInput, updateId?: string) {
    return this.update(id, recordMinisterialAnswerUpdate, input, updateId);
  }

  private async update<I>(
    screeningId: string,
    definition: UpdateDefinition<UpdateAccepted, [I]>,
    input: I,
    requestedId?: string,
  ): Promise<UpdateAccepted> {
    const updateId = requestedId ?? randomUUID();
    const handle = this.client.workflow.getHandle(screeningId);
    try {
      return await this.withDeadline(() => handle.executeUpdate(definition, { args: [input], updateId }));
    } catch (error) {
      const translated = translate(error, screeningId);
      // A retry of an action that closed the screening: answer as the first request was answered.
      if (requestedId && isClosed(translated)) {
        const earlier = await this.completedUpdate(screeningId, updateId).catch(() => null);
        if (earlier) return earlier;
      }
      throw translated;
    }
  }

  /** The result of an update already completed in the workflow's history, if it is there. */
  private async completedUpdate(screeningId: string, updateId: string): Promise<UpdateAccepted | null> {
    const history = await this.withDeadline(() => this.client.workflow.getHandle(screeningId).fetchHistory());
    for (const event of history.events ?? []) {
      const completed = event.workflowExecutionUpdateCompletedEventAttributes;
      if (completed?.meta?.updateId !== updateId) continue;
      const payload = completed.outcome?.success?.payloads?.[0];
      return payload ? defaultPayloadConverter.fromPayload<UpdateAccepted>(payload) : null;
    }
    return null;
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + CALL_DEADLINE_MS, call);
  }
}

function isClosed(error: unknown): boolean {
  return error instanceof ScreeningException && error.code === ScreeningExceptionCode.Closed;
}

function translate(error: unknown, screeningId: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = REFUSAL_CODES[error.cause.type ?? ''];
    if (code) return new ScreeningException(code, error.cause.message);
  }
  if (error instanceof WorkflowNotFoundError || isCompletedError(error)) {
    return new ScreeningException(
      ScreeningExceptionCode.Closed,
      `Screening ${screeningId} is closed; it takes no more actions.`,
    );
  }
  if (isGrpcServiceError(error) && error.code === GRPC_DEADLINE_EXCEEDED) {
    return new ScreeningException(
      ScreeningExceptionCode.Unavailable,
      'The screening did not answer in time: no worker seems to be running. Try again shortly; the action was not applied unless it later shows in the audit trail.',
    );
  }
  return error;
}

function isCompletedError(error: unknown): boolean {
  const message = String((error as Error)?.message ?? '');
  // The server says one of these when the run ends first, or ends while the update waits in its queue.
  return /workflow execution (is )?already completed|update was aborted by closing workflow/i.test(message);
}
