// Client-side helpers for the tender workflow shared by the API and the worker's bulk screening.
import type { Client } from '@temporalio/client';
import {
  addSupplierUpdate,
  type AddSupplierResult,
  type ScreeningWorkflowInput,
  type TenderWorkflowInput,
} from '../../contracts/src/index.js';

export const TENDER_WORKFLOW_TYPE = 'tenderWorkflow';

/** Idempotent: attaches to the tender's running workflow; a closed tender's workflow is not restarted. */
export async function ensureTenderWorkflow(
  client: Client,
  taskQueue: string,
  tenderId: string,
): Promise<void> {
  try {
    await client.workflow.start(TENDER_WORKFLOW_TYPE, {
      workflowId: tenderId,
      taskQueue,
      args: [{ tenderId } satisfies TenderWorkflowInput],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if ((error as Error)?.name !== 'WorkflowExecutionAlreadyStartedError') throw error;
  }
}

/** Starts the screening as a child of its tender's workflow (a no-op when the tender has it already). */
export async function addSupplierToTender(
  client: Client,
  taskQueue: string,
  screening: ScreeningWorkflowInput,
): Promise<AddSupplierResult> {
  await ensureTenderWorkflow(client, taskQueue, screening.tender.id);
  return client.workflow.getHandle(screening.tender.id).executeUpdate(addSupplierUpdate, {
    args: [screening],
    updateId: `add-supplier-${screening.screeningId}`,
  });
}
