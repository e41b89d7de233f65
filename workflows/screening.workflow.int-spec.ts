// The screening workflow on a real Temporal dev server, with in-memory activities: what the process
// does and refuses, independent of the database.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  decideUpdate,
  screeningStateQuery,
  submitDeclarationUpdate,
  type Declaration,
  type Finding,
  type ScreeningActivities,
  type ScreeningWorkflowInput,
} from '../libs/contracts/src/index.js';

const DECLARATION: Declaration = {
  owners: [],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane', role: 'Director', accepted: true },
};

function fakeActivities(requiredApprovals: ('reviewer' | 'approver')[] = ['reviewer']) {
  const audit: string[] = [];
  const activities: ScreeningActivities = {
    async recordAuditEvent(e) {
      audit.push(e.action);
      return { seq: audit.length, hash: 'x' };
    },
    async syncReadModel() {},
    async saveDeclaration() {
      return { digest: 'd' };
    },
    async runChecks() {
      return { findings: [] as Finding[], referenceDataVersion: '1' };
    },
    async assessRisk(input) {
      return {
        score: 10,
        band: 'low',
        outcome: 'clear',
        factors: [],
        requiredApprovals,
        policy: input.policy,
        referenceDataVersion: input.referenceDataVersion,
      };
    },
    async recordApproval() {},
  };
  return { activities, audit };
}

describe('screeningWorkflow', () => {
  let bundle: WorkflowBundleWithSourceMap;
  let nativeConnection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./index.ts', import.meta.url)), logger: quietLogger });
    nativeConnection = await NativeConnection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({ connection: await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! }) });
  }, 60_000);

  afterAll(async () => {
    await nativeConnection?.close();
    await client?.connection.close();
  });

  async function run<T>(
    activities: ScreeningActivities,
    body: (ctx: { start: (input?: Partial<ScreeningWorkflowInput>) => Promise<ReturnType<Client['workflow']['getHandle']>> }) => Promise<T>,
  ): Promise<T> {
    const taskQueue = `wf-${randomUUID()}`;
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: bundle, activities });
    return worker.runUntil(
      body({
        start: async (input = {}) => {
          const screeningId = `scr_test_${randomUUID()}`;
          return client.workflow.start('screeningWorkflow', {
            taskQueue,
            workflowId: screeningId,
            args: [
              {
                screeningId,
                tender: { id: 'tnd_1', reference: 'T-1', buyerType: 'local_authority', sensitiveSite: false, intendedUse: 'video_surveillance', policyId: 'uk-local-authority' },
                supplier: { name: 'Acme Ltd', country: 'GB', identifiers: [] },
                startedBy: { userId: 'buyer.bob', role: 'buyer' },
                policy: { id: 'uk-local-authority', version: 1 },
                durations: { declarationMs: 60_000 },
                ...input,
              } satisfies ScreeningWorkflowInput,
            ],
          });
        },
      }),
    );
  }

  async function refusal(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
    const error = await promise.then(
      () => {
        throw new Error('expected the update to be refused');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
    return { type: cause.type, message: cause.message };
  }

  it('expires when the declaration deadline passes', async () => {
    const { activities, audit } = fakeActivities();
    const result = await run(activities, async ({ start }) => (await start({ durations: { declarationMs: 1500 } })).result());
    expect(result.status).toBe('expired');
    expect(audit).toEqual(['screening.started', 'screening.expired', 'screening.closed']);
  });

  it('goes from declaration to approval with one reviewer for a clear outcome', async () => {
    const { activities, audit } = fakeActivities(['reviewer']);
    const state = await run(activities, async ({ start }) => {
      const handle = await start();
      expect(await handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] })).toEqual({ status: 'checking' });
      await waitFor(async () => (await handle.query(screeningStateQuery)).status === 'awaiting_review');
      await handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'approve', reason: 'fine' }] });
      return handle.result();
    });
    expect(state).toMatchObject({ status: 'approved', decision: { outcome: 'approved', decidedBy: 'rita' } });
    expect(audit).toEqual(['screening.started', 'declaration.received', 'checks.completed', 'risk.assessed', 'decision.approve', 'screening.closed']);
  });

  it('refuses actions at the wrong stage, by the wrong person, or without what they need', async () => {
    const { activities } = fakeActivities(['reviewer', 'approver']);
    await run(activities, async ({ start }) => {
      const handle = await start();
      const early = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'approve', reason: 'fine' }] }),
      );
      expect(early).toMatchObject({ type: 'WrongStage' });
      const unattested = await refusal(
        handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: { ...DECLARATION, attestation: { ...DECLARATION.attestation, accepted: false } } }] }),
      );
      expect(unattested.type).toBe('InvalidAction');

      await handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] });
      const again = await refusal(handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] }));
      expect(again.type).toBe('WrongStage');
      await waitFor(async () => (await handle.query(screeningStateQuery)).status === 'awaiting_review');

      const buyer = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'buyer.bob', role: 'reviewer' }, decision: 'approve', reason: 'mine' }] }),
      );
      expect(buyer.type).toBe('FourEyesViolation');
      const auditor = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'aud', role: 'auditor' }, decision: 'approve', reason: 'fine' }] }),
      );
      expect(auditor.type).toBe('ActionNotAllowed');
      const noQuestions = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'request_information', reason: 'need more' }] }),
      );
      expect(noQuestions.type).toBe('InvalidAction');

      await handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'approve', reason: 'fine' }] });
      const sameAgain = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rita', role: 'approver' }, decision: 'approve', reason: 'fine' }] }),
      );
      expect(sameAgain.type).toBe('FourEyesViolation');
      const reviewerAtApproval = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rob', role: 'reviewer' }, decision: 'approve', reason: 'fine' }] }),
      );
      expect(reviewerAtApproval.type).toBe('ActionNotAllowed');
      await handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'alan', role: 'approver' }, decision: 'approve', reason: 'fine' }] });
      expect((await handle.result()).status).toBe('approved');
    });
  });

  it('sends the case back to the supplier on request_information and re-runs the checks', async () => {
    const { activities, audit } = fakeActivities(['reviewer']);
    const state = await run(activities, async ({ start }) => {
      const handle = await start();
      await handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] });
      await waitFor(async () => (await handle.query(screeningStateQuery)).status === 'awaiting_review');
      const asked = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'request_information', reason: 'unclear', questions: ['Who makes the cameras?'] }],
      });
      expect(asked.status).toBe('information_requested');
      expect((await handle.query(screeningStateQuery)).questions).toEqual(['Who makes the cameras?']);
      await handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] });
      await waitFor(async () => (await handle.query(screeningStateQuery)).status === 'awaiting_review');
      await handle.executeUpdate(decideUpdate, { args: [{ actor: { userId: 'rob', role: 'reviewer' }, decision: 'reject', reason: 'still unclear' }] });
      return handle.result();
    });
    expect(state.status).toBe('rejected');
    expect(audit.filter((a) => a === 'checks.completed')).toHaveLength(2);
  });

  it('applies a retried update with the same update id once', async () => {
    const { activities, audit } = fakeActivities(['reviewer', 'approver']);
    await run(activities, async ({ start }) => {
      const handle = await start();
      await handle.executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION }] });
      await waitFor(async () => (await handle.query(screeningStateQuery)).status === 'awaiting_review');
      const decide = () =>
        handle.executeUpdate(decideUpdate, {
          updateId: 'request-123',
          args: [{ actor: { userId: 'rita', role: 'reviewer' }, decision: 'approve', reason: 'fine' }],
        });
      const [first, second] = await Promise.all([decide(), decide()]);
      expect(first).toEqual(second);
      expect((await handle.query(screeningStateQuery)).approvals).toHaveLength(1);
      await handle.terminate('test done');
    });
    expect(audit.filter((a) => a === 'decision.approve')).toHaveLength(1);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error(message: string) {
    console.error(message);
  },
};
