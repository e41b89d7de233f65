// Hosts the Temporal Worker inside the Nest application context. Shutdown order: the worker drains
// first (beforeApplicationShutdown), then its connection, then the database pool (onApplicationShutdown).
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { AppConfig } from '../../../libs/config/src/index.js';
import { createScreeningWorker } from '../../../libs/temporal/src/index.js';
import { ScreeningActivitiesFactory } from './screening/screening-activities.factory.js';
import { TenderActivitiesFactory } from './tenders/tender-activities.factory.js';
import { ScreeningBatchActivitiesFactory } from './batches/screening-batch-activities.factory.js';
import { MonitoringActivitiesFactory } from './monitoring/monitoring-activities.factory.js';

@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(ScreeningActivitiesFactory) private readonly activities: ScreeningActivitiesFactory,
    @Inject(TenderActivitiesFactory) private readonly tenderActivities: TenderActivitiesFactory,
    @Inject(ScreeningBatchActivitiesFactory)
    private readonly batchActivities: ScreeningBatchActivitiesFactory,
    @Inject(MonitoringActivitiesFactory)
    private readonly monitoringActivities: MonitoringActivitiesFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const address = this.config.TEMPORAL_ADDRESS!;
    const handle = await createScreeningWorker({
      address,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: {
        // First, so the screening activities' currentReferenceDataVersion (the same read) is the one used.
        ...this.monitoringActivities.create(),
        ...this.activities.create(),
        ...this.tenderActivities.create(),
        ...this.batchActivities.create(),
      },
    });
    this.worker = handle.worker;
    this.connection = handle.connection;
    this.running = handle.worker.run().catch((error: unknown) => {
      // A worker that stops on its own cannot make progress: end the process so a supervisor restarts it.
      this.logger.error(`Temporal worker stopped unexpectedly: ${String(error)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`polling task queue "${this.config.TEMPORAL_TASK_QUEUE}" on ${address}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    this.logger.log('worker stopped');
  }
}
