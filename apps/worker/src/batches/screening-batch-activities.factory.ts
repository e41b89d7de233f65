// Bulk screening's activities. Starting a row does what POST /v1/tenders/:id/screenings does: the
// read-model row first (unique tender + supplier key, so a supplier is never screened twice on a tender),
// then the tender workflow's addSupplier Update, which starts the screening as its child.
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, MoreThan } from 'typeorm';
import { AppConfig } from '../../../../libs/config/src/index.js';
import type { BatchItemOutcome, ScreeningBatchActivities } from '../../../../libs/contracts/src/index.js';
import { resolveDurations } from '../../../../libs/domain/src/policy/index.js';
import { supplierKey } from '../../../../libs/domain/src/screening/supplier-key.js';
import {
  PolicyRepository,
  ScreeningBatchEntity,
  ScreeningBatchItemEntity,
  ScreeningRepository,
  TenderRepository,
  tenderContextOf,
} from '../../../../libs/persistence/src/index.js';
import { addSupplierToTender } from '../../../../libs/temporal/src/index.js';
import { RiskAssessmentService } from '../risk/risk-assessment.service.js';
import { TenderActivitiesFactory } from '../tenders/tender-activities.factory.js';

@Injectable()
export class ScreeningBatchActivitiesFactory {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(PolicyRepository) private readonly policies: PolicyRepository,
    @Inject(TenderActivitiesFactory) private readonly tenderActivities: TenderActivitiesFactory,
    @Inject(RiskAssessmentService) private readonly risk: RiskAssessmentService,
  ) {}

  create(): ScreeningBatchActivities {
    const items = () => this.db.getRepository(ScreeningBatchItemEntity);
    return {
      pendingBatchRows: async ({ batchId, afterRow, limit }) => {
        const rows = await items().find({
          where: { batchId, status: 'pending', rowNumber: MoreThan(afterRow) },
          order: { rowNumber: 'ASC' },
          take: limit,
          select: { rowNumber: true },
        });
        return rows.map((r) => r.rowNumber);
      },
      startBatchItem: ({ batchId, rowNumber }) => this.startItem(batchId, rowNumber),
      completeBatch: async ({ batchId }) => {
        await this.db
          .getRepository(ScreeningBatchEntity)
          .update({ id: batchId, status: 'running' }, { status: 'completed', completedAt: new Date() });
      },
    };
  }

  private async startItem(batchId: string, rowNumber: number): Promise<BatchItemOutcome> {
    const items = this.db.getRepository(ScreeningBatchItemEntity);
    const item = await items.findOneBy({ batchId, rowNumber });
    if (!item || !item.supplier) return 'failed';
    if (item.status !== 'pending')
      return item.alreadyScreened ? 'already_screened' : (item.status as BatchItemOutcome);
    const fail = async (error: string): Promise<BatchItemOutcome> => {
      await items.update({ batchId, rowNumber }, { status: 'failed', error });
      return 'failed';
    };

    const batch = await this.db.getRepository(ScreeningBatchEntity).findOneByOrFail({ id: batchId });
    const tender = await this.tenders.findById(batch.tenderId);
    if (!tender) return fail(`No tender ${batch.tenderId}.`);
    if (tender.status === 'closed') return fail(`Tender ${tender.id} is closed; no new screenings.`);
    const policy = await this.policies.latest(tender.policyId);
    if (!policy) return fail(`Tender policy "${tender.policyId}" is not published.`);
    const durations = {
      // Parsed once per version for the whole batch (and the screenings' risk assessments).
      ...resolveDurations(await this.risk.loadPolicy(policy)),
      amendmentWindowMs: this.config.DECLARATION_AMENDMENT_SECONDS * 1000,
    };
    const supplier = item.supplier;
    const { screening, created } = await this.screenings.insertOrGetExisting({
      id: `scr_${randomBytes(12).toString('base64url')}`,
      tenderId: tender.id,
      supplierName: supplier.name.trim(),
      supplierCountry: supplier.country,
      supplierIdentifiers: supplier.identifiers,
      supplierKey: supplierKey(supplier.name, supplier.country),
      contactEmail: supplier.contactEmail,
      // One key per batch row: a retried activity finds the row it inserted.
      idempotencyKey: `batch:${batchId}:${rowNumber}`,
      status: supplier.declaration ? 'checking' : 'awaiting_declaration',
      stage: supplier.declaration ? 'checks' : 'declaration',
      startedBy: batch.createdBy,
      policyId: policy.id,
      policyVersion: policy.version,
      invitationExpiresAt: new Date(Date.now() + durations.declarationMs),
    });
    try {
      await addSupplierToTender(await this.tenderActivities.temporal(), this.config.TEMPORAL_TASK_QUEUE, {
        screeningId: screening.id,
        tender: tenderContextOf(tender),
        supplier: {
          name: screening.supplierName,
          country: screening.supplierCountry,
          identifiers: screening.supplierIdentifiers,
        },
        startedBy: { userId: screening.startedBy, role: 'buyer' },
        policy: { id: screening.policyId, version: screening.policyVersion },
        durations,
        declarationOnFile: supplier.declaration
          ? {
              declaration: supplier.declaration,
              submittedBy: { userId: batch.createdBy, role: 'buyer' },
              submittedAt: batch.createdAt.toISOString(),
              source: `screening batch ${batchId} row ${rowNumber}`,
            }
          : undefined,
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        return fail(error.cause.message);
      }
      throw error;
    }
    // Inserted by an earlier attempt of this very row counts as started by this batch.
    const alreadyScreened = !created && screening.idempotencyKey !== `batch:${batchId}:${rowNumber}`;
    await items.update(
      { batchId, rowNumber },
      { status: 'started', screeningId: screening.id, alreadyScreened, error: null },
    );
    return alreadyScreened ? 'already_screened' : 'started';
  }
}
