// Starts screening workflows and sends them human actions as Updates, translating refusals and
// infrastructure trouble into API errors. A request never hangs: every call has a deadline.
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import {
  decideUpdate,
  submitDeclarationUpdate,
  type DecideInput,
  type ScreeningWorkflowInput,
  type SubmitDeclarationInput,
  type UpdateAccepted,
} from '../../../../libs/contracts/src/index.js';
import { REFUSAL_CODES, ScreeningException, ScreeningExceptionCode } from '../screenings/screening.exception.js';

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
        searchAttributes: { ScreeningStage: ['declaration'] },
      }),
    ).catch((error: unknown) => {
      // The workflow ran and closed before: nothing to start again.
      if ((error as Error)?.name === 'WorkflowExecutionAlreadyStartedError') return;
      throw error;
    });
  }

  submitDeclaration(screeningId: string, input: SubmitDeclarationInput, updateId?: string): Promise<UpdateAccepted> {
    return this.update(screeningId, () =>
      this.client.workflow.getHandle(screeningId).executeUpdate(submitDeclarationUpdate, { args: [input], updateId }),
    );
  }

  decide(screeningId: string, input: DecideInput, updateId?: string): Promise<UpdateAccepted> {
    return this.update(screeningId, () =>
      this.client.workflow.getHandle(screeningId).executeUpdate(decideUpdate, { args: [input], updateId }),
    );
  }

  private async update<T>(screeningId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.withDeadline(call);
    } catch (error) {
      throw translate(error, screeningId);
    }
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + CALL_DEADLINE_MS, call);
  }
}

function translate(error: unknown, screeningId: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = REFUSAL_CODES[error.cause.type ?? ''];
    if (code) return new ScreeningException(code, error.cause.message);
  }
  if (error instanceof WorkflowNotFoundError || isCompletedError(error)) {
    return new ScreeningException(ScreeningExceptionCode.Closed, `Screening ${screeningId} is closed; it takes no more actions.`);
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
  return /workflow execution already completed|workflow execution is already completed/i.test(message);
}
