// The Temporal Schedule behind continuous monitoring: it starts referenceDataMonitoringWorkflow every
// MONITORING_INTERVAL, and a reference-data import triggers it at once. Overlap SKIP everywhere, so two
// monitoring runs never overlap (a run that finds a newer version when it ends takes that on itself).
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import {
  DEFAULT_SCREENING_TASK_QUEUE,
  MONITORING_SCHEDULE_ID,
  MONITORING_WORKFLOW_TYPE,
  type ReferenceDataMonitoringInput,
} from '../../contracts/src/index.js';

export interface MonitoringScheduleOptions {
  taskQueue: string;
  /** Milliseconds between periodic runs. */
  intervalMs: number;
}

/**
 * `reference-data-monitoring` for the default task queue; another task queue (another deployment, a
 * test) sharing the namespace gets a schedule of its own, so neither starts the other's runs.
 */
export function monitoringScheduleId(taskQueue: string): string {
  return taskQueue === DEFAULT_SCREENING_TASK_QUEUE
    ? MONITORING_SCHEDULE_ID
    : `${MONITORING_SCHEDULE_ID}-${taskQueue}`;
}

function scheduleOptions(options: MonitoringScheduleOptions): ScheduleOptions {
  const scheduleId = monitoringScheduleId(options.taskQueue);
  return {
    scheduleId,
    spec: { intervals: [{ every: options.intervalMs }] },
    action: {
      type: 'startWorkflow',
      workflowType: MONITORING_WORKFLOW_TYPE,
      // The server appends each run's scheduled time to this id.
      workflowId: scheduleId,
      taskQueue: options.taskQueue,
      args: [{} satisfies ReferenceDataMonitoringInput],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  };
}

/** Creates the schedule, or brings an existing one to these options (interval, task queue, SKIP). */
export async function ensureMonitoringSchedule(
  client: Client,
  options: MonitoringScheduleOptions,
): Promise<'created' | 'updated'> {
  const wanted = scheduleOptions(options);
  try {
    await client.schedule.create(wanted);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(wanted.scheduleId).update((previous) => ({
    ...previous,
    spec: wanted.spec,
    action: wanted.action,
    policies: { ...previous.policies, overlap: ScheduleOverlapPolicy.SKIP },
  }));
  return 'updated';
}

/**
 * Starts a monitoring run now, unless one is running (SKIP: that run re-reads the newest version before
 * it ends). The SDK's trigger() defaults to ALLOW_ALL, so the policy is passed explicitly. Creates the
 * schedule first when no worker has yet.
 */
export async function triggerMonitoring(client: Client, options: MonitoringScheduleOptions): Promise<void> {
  const handle = client.schedule.getHandle(monitoringScheduleId(options.taskQueue));
  try {
    await handle.trigger(ScheduleOverlapPolicy.SKIP);
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await ensureMonitoringSchedule(client, options);
    await handle.trigger(ScheduleOverlapPolicy.SKIP);
  }
}
