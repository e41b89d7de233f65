// Bulk screening: stores the batch and its rows (malformed ones with their reason), then starts the
// batch workflow, which starts the screenings in a sliding window. Progress is read from the tables.
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { FINAL_STATUSES, type ScreeningBatchWorkflowInput } from '../../../../libs/contracts/src/index.js';
import {
  ScreeningBatchEntity,
  ScreeningBatchItemEntity,
  TenderRepository,
} from '../../../../libs/persistence/src/index.js';
import type { Principal } from '../auth/principal.js';
import { newId } from '../common/ids.js';
import { TenderException, TenderExceptionCode } from '../tenders/tender.exception.js';
import { ScreeningBatchException, ScreeningBatchExceptionCode } from './screening-batch.exception.js';
import { MAX_BATCH_ROWS, type SupplierRow } from './supplier-rows.js';

export const BATCH_WORKFLOW_TYPE = 'screeningBatchWorkflow';
/** Screenings starting at once, and rows per workflow run before it continues as new. */
const WINDOW = Number(process.env.SCREENING_BATCH_WINDOW ?? 10);
const ROWS_PER_RUN = Number(process.env.SCREENING_BATCH_ROWS_PER_RUN ?? 100);
const MAX_FAILURES_LISTED = 1_000;

@Injectable()
export class ScreeningBatchesService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(Client) private readonly client: Client,
  ) {}

  async create(tenderId: string, rows: SupplierRow[], principal: Principal) {
    if (rows.length === 0) {
      throw new ScreeningBatchException(
        ScreeningBatchExceptionCode.Malformed,
        'suppliers: list at least one supplier.',
      );
    }
    if (rows.length > MAX_BATCH_ROWS) {
      throw new ScreeningBatchException(
        ScreeningBatchExceptionCode.TooLarge,
        `suppliers: at most ${MAX_BATCH_ROWS} rows per batch; split the list.`,
      );
    }
    const tender = await this.tenders.findById(tenderId);
    if (!tender) throw new TenderException(TenderExceptionCode.NotFound, `No tender ${tenderId}.`);
    if (tender.status === 'closed') {
      throw new TenderException(
        TenderExceptionCode.Closed,
        `Tender ${tenderId} is closed; no new screenings.`,
      );
    }
    const id = newId('bat');
    await this.db.transaction(async (tx) => {
      await tx.getRepository(ScreeningBatchEntity).insert({
        id,
        tenderId,
        status: 'running',
        total: rows.length,
        createdBy: principal.userId,
      });
      const items = rows.map((r) => ({
        batchId: id,
        rowNumber: r.rowNumber,
        supplier: r.supplier,
        status: r.supplier ? ('pending' as const) : ('failed' as const),
        error: r.error,
      }));
      for (let i = 0; i < items.length; i += 1_000) {
        await tx.getRepository(ScreeningBatchItemEntity).insert(items.slice(i, i + 1_000));
      }
    });
    await this.client.workflow.start(BATCH_WORKFLOW_TYPE, {
      workflowId: id,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ batchId: id, window: WINDOW, rowsPerRun: ROWS_PER_RUN } satisfies ScreeningBatchWorkflowInput],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return { id, total: rows.length };
  }

  async progress(id: string) {
    const batch = await this.db.getRepository(ScreeningBatchEntity).findOneBy({ id });
    if (!batch)
      throw new ScreeningBatchException(ScreeningBatchExceptionCode.NotFound, `No screening batch ${id}.`);
    const counts: { status: string; already: boolean; screening_status: string | null; n: string }[] =
      await this.db.query(
        `SELECT i.status, i.already_screened AS already, s.status AS screening_status, count(*) AS n
           FROM screening_batch_items i LEFT JOIN screenings s ON s.id = i.screening_id
          WHERE i.batch_id = $1
          GROUP BY 1, 2, 3`,
        [id],
      );
    const sum = (keep: (c: (typeof counts)[number]) => boolean) =>
      counts.filter(keep).reduce((total, c) => total + Number(c.n), 0);
    const finished: Record<string, number> = {};
    for (const c of counts) {
      if (c.screening_status && FINAL_STATUSES.includes(c.screening_status as never)) {
        finished[c.screening_status] = (finished[c.screening_status] ?? 0) + Number(c.n);
      }
    }
    const failures = await this.db.getRepository(ScreeningBatchItemEntity).find({
      where: { batchId: id, status: 'failed' },
      order: { rowNumber: 'ASC' },
      take: MAX_FAILURES_LISTED,
      select: { rowNumber: true, error: true },
    });
    return {
      id: batch.id,
      tenderId: batch.tenderId,
      status: batch.status,
      total: batch.total,
      pending: sum((c) => c.status === 'pending'),
      started: sum((c) => c.status === 'started' && !c.already),
      alreadyScreened: sum((c) => c.status === 'started' && c.already),
      finished,
      failed: {
        count: sum((c) => c.status === 'failed'),
        rows: failures.map((f) => ({ row: f.rowNumber, reason: f.error })),
      },
      createdAt: batch.createdAt.toISOString(),
      completedAt: batch.completedAt?.toISOString() ?? null,
    };
  }
}
