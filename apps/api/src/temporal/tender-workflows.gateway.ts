// Drives tender workflows (workflow id = tender id): starts one when a tender is created, or lazily for a
// tender created before tenders had workflows, and sends it addSupplier and closeTender Updates. Update
// ids are derived from the screening or tender id, so a retried request is applied once.
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { addSupplierToTender, ensureTenderWorkflow } from '../../../../libs/temporal/src/index.js';
import {
  closeTenderUpdate,
  TENDER_REFUSAL,
  type AddSupplierResult,
  type CloseTenderInput,
  type CloseTenderResult,
  type ScreeningWorkflowInput,
} from '../../../../libs/contracts/src/index.js';
import { ScreeningException, ScreeningExceptionCode } from '../screenings/screening.exception.js';
import { TenderException, TenderExceptionCode } from '../tenders/tender.exception.js';

const GRPC_DEADLINE_EXCEEDED = 4;
const CALL_DEADLINE_MS = Number(process.env.WORKFLOW_CALL_DEADLINE_MS ?? 15_000);

@Injectable()
export class TenderWorkflowsGateway {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Idempotent: attaches to the tender's running workflow; a closed tender's workflow is not restarted. */
  async ensureStarted(tenderId: string): Promise<void> {
    await this.withDeadline(() =>
      ensureTenderWorkflow(this.client, this.config.TEMPORAL_TASK_QUEUE, tenderId),
    ).catch((error: unknown) => {
      throw unavailable(error) ?? error;
    });
  }

  /** Starts the screening as a child of its tender's workflow; a no-op when the tender has it already. */
  async addSupplier(screening: ScreeningWorkflowInput): Promise<AddSupplierResult> {
    try {
      return await this.withDeadline(() =>
        addSupplierToTender(this.client, this.config.TEMPORAL_TASK_QUEUE, screening),
      );
    } catch (error) {
      if (isRefusal(error) || isGone(error)) {
        throw new ScreeningException(
          ScreeningExceptionCode.TenderClosed,
          `Tender ${screening.tender.id} is closed; no new screenings.`,
        );
      }
      throw unavailable(error) ?? error;
    }
  }

  async close(tenderId: string, input: CloseTenderInput): Promise<CloseTenderResult> {
    await this.ensureStarted(tenderId);
    try {
      return await this.withDeadline(() =>
        this.client.workflow.getHandle(tenderId).executeUpdate(closeTenderUpdate, { args: [input] }),
      );
    } catch (error) {
      if (isRefusal(error, TENDER_REFUSAL.invalid)) {
        throw new TenderException(
          TenderExceptionCode.Invalid,
          (error as WorkflowUpdateFailedError).cause!.message,
        );
      }
      if (isRefusal(error) || isGone(error)) {
        throw new TenderException(TenderExceptionCode.Closed, `Tender ${tenderId} is already closed.`);
      }
      throw unavailable(error) ?? error;
    }
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + CALL_DEADLINE_MS, call);
  }
}

function isRefusal(error: unknown, type: string = TENDER_REFUSAL.closed): boolean {
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === type
  );
}

function isGone(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    /workflow execution (is )?already completed|update was aborted by closing workflow/i.test(
      String((error as Error)?.message ?? ''),
    )
  );
}

function unavailable(error: unknown): ScreeningException | null {
  if (isGrpcServiceError(error) && error.code === GRPC_DEADLINE_EXCEEDED) {
    return new ScreeningException(
      ScreeningExceptionCode.Unavailable,
      'The tender did not answer in time: no worker seems to be running. Try again shortly.',
    );
  }
  return null;
}
