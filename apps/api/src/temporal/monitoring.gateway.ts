// Starts a monitoring run after a reference-data import (the schedule's trigger, overlap SKIP).
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig, parseInterval } from '../../../../libs/config/src/index.js';
import { monitoringScheduleId, triggerMonitoring } from '../../../../libs/temporal/src/index.js';

export type MonitoringTrigger =
  { triggered: true; scheduleId: string } | { triggered: false; scheduleId: string; reason: string };

@Injectable()
export class MonitoringGateway {
  private readonly logger = new Logger('Monitoring');

  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Never fails: the import it follows is stored either way, and the periodic run re-checks what a
   * failed trigger missed. The answer says which happened.
   */
  async trigger(): Promise<MonitoringTrigger> {
    const taskQueue = this.config.TEMPORAL_TASK_QUEUE;
    const scheduleId = monitoringScheduleId(taskQueue);
    try {
      await triggerMonitoring(this.client, {
        taskQueue,
        intervalMs: parseInterval(this.config.MONITORING_INTERVAL)!,
      });
      return { triggered: true, scheduleId };
    } catch (error) {
      const reason = `could not trigger schedule ${scheduleId} (${(error as Error)?.message ?? String(error)}); the periodic run (every ${this.config.MONITORING_INTERVAL}) will re-check approved screenings`;
      this.logger.warn(reason);
      return { triggered: false, scheduleId, reason };
    }
  }
}
