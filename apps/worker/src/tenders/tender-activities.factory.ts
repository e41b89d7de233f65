// The tender workflow's activities: read the tender's screenings from the read model, write the tender's
// status column, and on closing withdraw the open screenings through their own withdraw Update (so each
// screening's audit trail gets its final events). The worker's Temporal Client is connected on first use.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '../../../../libs/config/src/index.js';
import {
  FINAL_STATUSES,
  withdrawUpdate,
  type ScreeningStatus,
  type TenderActivities,
  type TenderScreening,
} from '../../../../libs/contracts/src/index.js';
import { ScreeningEntity, TenderRepository } from '../../../../libs/persistence/src/index.js';
import { connectTemporalClient } from '../../../../libs/temporal/src/index.js';

@Injectable()
export class TenderActivitiesFactory implements OnApplicationShutdown {
  private client?: Promise<Client>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
  ) {}

  create(): TenderActivities {
    const screenings = () => this.db.getRepository(ScreeningEntity);
    return {
      tenderScreenings: async ({ tenderId }) => {
        const rows = await screenings().find({ where: { tenderId }, order: { createdAt: 'ASC' } });
        return rows.map((r): TenderScreening => ({
          screeningId: r.id,
          supplierName: r.supplierName,
          status: r.status as ScreeningStatus,
          tracking: 'read_model',
        }));
      },
      screeningStatuses: async ({ screeningIds }) => {
        if (screeningIds.length === 0) return {};
        const rows = await screenings().find({
          where: { id: In(screeningIds) },
          select: { id: true, status: true },
        });
        return Object.fromEntries(rows.map((r) => [r.id, r.status])) as Record<string, ScreeningStatus>;
      },
      setTenderStatus: async ({ tenderId, status }) => {
        await this.tenders.setStatus(tenderId, status);
      },
      closeTender: async ({ tenderId, actor, reason }) => {
        // Closed first, so the API refuses new screenings while the open ones are withdrawn.
        await this.tenders.close(tenderId);
        const open = (await screenings().find({ where: { tenderId }, order: { createdAt: 'ASC' } })).filter(
          (s) => !FINAL_STATUSES.includes(s.status as ScreeningStatus),
        );
        const client = await this.temporal();
        const withdrawn: string[] = [];
        for (const s of open) {
          try {
            await client.workflow.getHandle(s.id).executeUpdate(withdrawUpdate, {
              args: [{ actor, reason }],
              // Same id on a retry of this activity: each screening is withdrawn once.
              updateId: `tender-close-${s.id}`,
            });
            withdrawn.push(s.id);
          } catch (error) {
            // Closed meanwhile (decided, expired): nothing to withdraw.
            if (error instanceof WorkflowNotFoundError || isRefusal(error) || isCompleted(error)) continue;
            throw error;
          }
        }
        return { withdrawn };
      },
    };
  }

  /** The worker's Temporal Client, connected on first use and closed at shutdown. */
  temporal(): Promise<Client> {
    this.client ??= connectTemporalClient(this.config.TEMPORAL_ADDRESS!, this.config.TEMPORAL_NAMESPACE);
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client) await (await this.client).connection.close();
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure;
}

function isCompleted(error: unknown): boolean {
  return /already completed/i.test(String((error as Error)?.message ?? ''));
}
