// The throughput benchmark's baseline: a minimal three-activity workflow on the same server.
import { proxyActivities } from '@temporalio/workflow';

export interface BaselineActivities {
  step(n: number): Promise<number>;
}

const { step } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

export async function baselineWorkflow(): Promise<number> {
  return (await step(1)) + (await step(2)) + (await step(3));
}
