// A tender as a whole (workflow id = tender id): it starts each supplier's screening as a child workflow,
// follows their outcomes, moves the tender to ready_for_award once every screening is decided (and back to
// open when a supplier is added), and on closing withdraws the screenings still open. The read model stays
// the source for the API; this workflow writes only the tender's status column.
import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  AddSupplierResult,
  CloseTenderInput,
  CloseTenderResult,
  ScreeningState,
  ScreeningWorkflowInput,
  TenderActivities,
  TenderScreening,
  TenderStatus,
  TenderWorkflowInput,
} from '../libs/contracts/src/index.js';
import {
  FINAL_STATUSES,
  SCREENING_ASSIGNEE,
  SCREENING_STAGE,
  TENDER_REFUSAL,
  addSupplierUpdate,
  closeTenderUpdate,
  tenderStateQuery,
} from '../libs/contracts/src/index.js';
import { screeningWorkflow } from './screening.workflow.js';

const tenders = proxyActivities<TenderActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const DEFAULT_POLL_MS = 60_000;
const DEFAULT_MAX_HISTORY = 2_000;
/** After closing, how long the tender waits for its withdrawn screenings to finish their trails. */
const CLOSE_GRACE_MS = 5 * 60_000;

const isFinal = (s: TenderScreening) => FINAL_STATUSES.includes(s.status);

export async function tenderWorkflow(input: TenderWorkflowInput): Promise<CloseTenderResult> {
  const screenings = new Map<string, TenderScreening>();
  for (const s of input.screenings ?? []) screenings.set(s.screeningId, s);
  let closed: CloseTenderResult | null = null;
  let closing = false;
  let changed = true;
  const pollMs = input.pollIntervalMs ?? DEFAULT_POLL_MS;

  const status = (): TenderStatus => {
    if (closed) return 'closed';
    const all = [...screenings.values()];
    return all.length > 0 && all.every(isFinal) ? 'ready_for_award' : 'open';
  };
  const settle = (screeningId: string, update: Partial<TenderScreening>) => {
    const known = screenings.get(screeningId);
    if (known) screenings.set(screeningId, { ...known, ...update });
    changed = true;
  };

  setHandler(tenderStateQuery, () => ({
    tenderId: input.tenderId,
    status: status(),
    screenings: [...screenings.values()],
  }));

  setHandler(
    addSupplierUpdate,
    async (screening: ScreeningWorkflowInput): Promise<AddSupplierResult> => {
      const { screeningId } = screening;
      const known = screenings.get(screeningId);
      if (known && (known.tracking === 'child' || isFinal(known))) return { screeningId, added: false };
      // Known only from the read model (the API inserts the row first, and this run may have read it
      // before the Update came): start it anyway; if it already runs, the start below is refused harmlessly.
      // Recorded before the first await, so a second identical request in the same task is a no-op.
      screenings.set(screeningId, {
        screeningId,
        supplierName: screening.supplier.name,
        status: known?.status ?? (screening.declarationOnFile ? 'checking' : 'awaiting_declaration'),
        tracking: 'child',
      });
      changed = true;
      try {
        const child = await startChild(screeningWorkflow, {
          workflowId: screeningId,
          args: [screening],
          // The tender may continue as new, and a closed tender withdraws rather than kills its screenings.
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // Its first stage, as it will set them: no upsert when it starts.
          typedSearchAttributes: screening.declarationOnFile
            ? [{ key: SCREENING_STAGE, value: 'checks' }]
            : [
                { key: SCREENING_STAGE, value: 'declaration' },
                { key: SCREENING_ASSIGNEE, value: 'supplier' },
              ],
        });
        child.result().then(
          (state: ScreeningState) => settle(screeningId, { status: state.status }),
          () => settle(screeningId, { tracking: 'read_model' }),
        );
      } catch (error) {
        // The screening exists already without this tender as its parent (started before tenders had
        // workflows, or it ran and closed): follow it through the read model instead.
        if ((error as Error)?.name !== 'WorkflowExecutionAlreadyStartedError') throw error;
        settle(screeningId, { tracking: 'read_model' });
        return { screeningId, added: false };
      }
      return { screeningId, added: true };
    },
    {
      validator: (_screening: ScreeningWorkflowInput) => {
        if (closing) {
          throw ApplicationFailure.create({
            type: TENDER_REFUSAL.closed,
            message: `Tender ${input.tenderId} is closed; no new screenings.`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  setHandler(
    closeTenderUpdate,
    async ({ actor, reason }: CloseTenderInput): Promise<CloseTenderResult> => {
      closing = true;
      const { withdrawn } = await tenders.closeTender({ tenderId: input.tenderId, actor, reason });
      for (const id of withdrawn) settle(id, { status: 'withdrawn' });
      closed = { status: 'closed', withdrawn };
      return closed;
    },
    {
      validator: ({ actor, reason }: CloseTenderInput) => {
        if (closing) {
          throw ApplicationFailure.create({
            type: TENDER_REFUSAL.closed,
            message: `Tender ${input.tenderId} is already closed.`,
            nonRetryable: true,
          });
        }
        if (actor?.role !== 'buyer') {
          throw ApplicationFailure.create({
            type: TENDER_REFUSAL.invalid,
            message: `Only a buyer can close a tender; your role is ${actor?.role}.`,
            nonRetryable: true,
          });
        }
        if (typeof reason !== 'string' || reason.trim().length < 10) {
          throw ApplicationFailure.create({
            type: TENDER_REFUSAL.invalid,
            message: 'reason: write at least 10 characters.',
            nonRetryable: true,
          });
        }
      },
    },
  );

  if (input.screenings === undefined) {
    // First run: adopt the screenings the tender already had (started before it had a workflow).
    for (const s of await tenders.tenderScreenings({ tenderId: input.tenderId })) {
      if (!screenings.has(s.screeningId)) screenings.set(s.screeningId, { ...s, tracking: 'read_model' });
    }
  }

  let written: TenderStatus | null = null;
  while (!closing) {
    const followed = () => [...screenings.values()].filter((s) => s.tracking === 'read_model' && !isFinal(s));
    const polling = followed().length > 0;
    const woken = await condition(() => changed || closing, polling ? pollMs : undefined);
    if (!woken && polling) {
      const ids = followed().map((s) => s.screeningId);
      const current = await tenders.screeningStatuses({ screeningIds: ids });
      for (const id of ids) if (current[id]) settle(id, { status: current[id] });
    }
    await condition(allHandlersFinished);
    if (closing) break;
    changed = false;
    const now = status();
    if (now !== written) {
      await tenders.setTenderStatus({
        tenderId: input.tenderId,
        status: now as Exclude<TenderStatus, 'closed'>,
      });
      written = now;
    }
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.maxHistoryLength ?? DEFAULT_MAX_HISTORY)) {
      await condition(allHandlersFinished);
      if (closing) break;
      // Children keep running (ABANDON); the next run follows the open ones through the read model.
      const carried = [...screenings.values()].map((s) =>
        isFinal(s) ? s : { ...s, tracking: 'read_model' as const },
      );
      await continueAsNew<typeof tenderWorkflow>({ ...input, screenings: carried });
    }
  }

  await condition(() => closed !== null && allHandlersFinished());
  // Let the withdrawn children write their final audit events before the tender's run ends.
  await condition(
    () => [...screenings.values()].every((s) => isFinal(s) || s.tracking === 'read_model'),
    CLOSE_GRACE_MS,
  );
  return closed!;
}
