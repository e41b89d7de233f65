// Creates the monitoring schedule at worker start-up, or brings it to the configured MONITORING_INTERVAL
// and task queue. A failure is logged, not fatal: screening work does not depend on it, and an import
// through the API creates the schedule when it triggers a run.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, parseInterval } from '../../../../libs/config/src/index.js';
import { ensureMonitoringSchedule, monitoringScheduleId } from '../../../../libs/temporal/src/index.js';
import { TenderActivitiesFactory } from '../tenders/tender-activities.factory.js';

@Injectable()
export class MonitoringScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Monitoring');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    // Its Temporal Client is the worker's one client, closed at shutdown.
    @Inject(TenderActivitiesFactory) private readonly temporal: TenderActivitiesFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const taskQueue = this.config.TEMPORAL_TASK_QUEUE;
    const scheduleId = monitoringScheduleId(taskQueue);
    try {
      const done = await ensureMonitoringSchedule(await this.temporal.temporal(), {
        taskQueue,
        intervalMs: parseInterval(this.config.MONITORING_INTERVAL)!,
      });
      this.logger.log(
        `schedule "${scheduleId}" ${done}: approved screenings re-checked every ${this.config.MONITORING_INTERVAL} and after each reference-data import`,
      );
    } catch (error) {
      this.logger.error(`could not create or update schedule "${scheduleId}": ${String(error)}`);
    }
  }
}
