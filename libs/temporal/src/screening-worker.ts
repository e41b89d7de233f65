import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { ScreeningActivities } from '../../contracts/src/index.js';
import { workflowSource, type WorkflowSource } from './workflow-source.js';

export interface ScreeningWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: ScreeningActivities;
  source?: WorkflowSource;
  /** Extra worker options (tests shorten shutdown grace, for example). */
  tuning?: Partial<WorkerOptions>;
}

export interface ScreeningWorkerHandle {
  worker: Worker;
  connection: NativeConnection;
}

export async function createScreeningWorker(options: ScreeningWorkerOptions): Promise<ScreeningWorkerHandle> {
  const connection = await NativeConnection.connect({ address: options.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      activities: options.activities,
      ...(options.source ?? workflowSource()),
      shutdownGraceTime: '10 seconds',
      ...options.tuning,
    });
    return { worker, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
