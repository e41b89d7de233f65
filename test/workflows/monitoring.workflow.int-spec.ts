// The monitoring workflow on a real Temporal dev server, with in-memory activities: it re-checks every
// approved screening once, pages through them continuing as new, carries on past a screening that
// cannot be re-checked, and takes on a version imported while it ran.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ApplicationFailure } from '@temporalio/common';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type {
  MonitoringRunSummary,
  RecheckInput,
  RecheckOutcome,
  ReferenceDataMonitoringActivities,
  ReferenceDataMonitoringInput,
} from '../../libs/contracts/src/index.js';

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Approved screenings, the re-checks made of them, and the newest version, all in memory. */
class FakeMonitoring {
  readonly rechecks: RecheckInput[] = [];
  /** The newest version, read in turn on each call (the last one sticks). */
  constructor(
    readonly screenings: string[],
    private readonly versions: string[],
    private readonly outcomes: Record<string, 'alert' | 'fail'> = {},
  ) {}

  activities(): ReferenceDataMonitoringActivities {
    return {
      currentReferenceDataVersion: async () =>
        this.versions.length > 1 ? this.versions.shift()! : this.versions[0],
      approvedScreeningsToRecheck: async ({ referenceDataVersion, afterScreeningId, limit }) =>
        this.screenings
          .filter((id) => afterScreeningId === null || id > afterScreeningId)
          .filter(
            (id) =>
              !this.rechecks.some(
                (r) => r.screeningId === id && r.referenceDataVersion === referenceDataVersion,
              ),
          )
          .slice(0, limit),
      recheckApprovedScreening: async (input): Promise<RecheckOutcome> => {
        if (this.outcomes[input.screeningId] === 'fail') {
          throw ApplicationFailure.nonRetryable('policy version not published', 'PolicyNotFound');
        }
        this.rechecks.push(input);
        return this.outcomes[input.screeningId] === 'alert'
          ? { result: 'alert_raised', alertId: `alr_${input.screeningId}` }
          : { result: 'unchanged' };
      },
    };
  }
}

describe('referenceDataMonitoringWorkflow', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      logger: quietLogger,
    });
    nativeConnection = await NativeConnection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({
      connection: await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! }),
    });
  }, 120_000);

  afterAll(async () => {
    await nativeConnection?.close();
    await client?.connection.close();
  });

  async function run(
    fake: FakeMonitoring,
    input: ReferenceDataMonitoringInput,
  ): Promise<{ summary: MonitoringRunSummary; continuedAsNew: boolean }> {
    const taskQueue = `monitoring-${randomUUID()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: fake.activities(),
    });
    return worker.runUntil(async () => {
      const handle = await client.workflow.start('referenceDataMonitoringWorkflow', {
        taskQueue,
        workflowId: `reference-data-monitoring-${randomUUID()}`,
        args: [input],
      });
      const summary: MonitoringRunSummary = await handle.result();
      const last = await client.workflow.getHandle(handle.workflowId).describe();
      return { summary, continuedAsNew: last.runId !== handle.firstExecutionRunId };
    });
  }

  it('re-checks every approved screening once, a page per run, with bounded concurrency', async () => {
    const screenings = ['scr_a', 'scr_b', 'scr_c', 'scr_d', 'scr_e', 'scr_f', 'scr_g'];
    const sut = new FakeMonitoring(screenings, ['7'], { scr_c: 'alert', scr_f: 'alert' });

    const { summary, continuedAsNew } = await run(sut, { pageSize: 3, concurrency: 2 });

    expect(summary).toEqual({ referenceDataVersion: '7', alerts: 2, unchanged: 5, skipped: 0, failed: 0 });
    expect(continuedAsNew).toBe(true);
    expect(sut.rechecks.map((r) => r.screeningId).sort()).toEqual(screenings);
    expect(sut.rechecks.every((r) => r.referenceDataVersion === '7')).toBe(true);
  });

  it('counts a screening it cannot re-check and carries on with the others', async () => {
    const sut = new FakeMonitoring(['scr_a', 'scr_b', 'scr_c'], ['7'], { scr_b: 'fail' });

    const { summary } = await run(sut, { pageSize: 2 });

    expect(summary).toMatchObject({ alerts: 0, unchanged: 2, failed: 1 });
    expect(sut.rechecks.map((r) => r.screeningId).sort()).toEqual(['scr_a', 'scr_c']);
  });

  it('takes on a version imported while it ran (that import’s trigger was skipped)', async () => {
    const sut = new FakeMonitoring(['scr_a', 'scr_b'], ['7', '8']);

    const { summary } = await run(sut, {});

    expect(summary).toEqual({ referenceDataVersion: '8', alerts: 0, unchanged: 4, skipped: 0, failed: 0 });
    expect(sut.rechecks.map((r) => `${r.screeningId}@${r.referenceDataVersion}`).sort()).toEqual([
      'scr_a@7',
      'scr_a@8',
      'scr_b@7',
      'scr_b@8',
    ]);
  });
});
