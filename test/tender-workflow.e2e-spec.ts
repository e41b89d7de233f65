// A tender as a whole through the HTTP API, on the real Temporal server and PostgreSQL: its screenings run
// as children of the tender's workflow, the tender is ready for award only once every screening is
// decided, a supplier can join later, and closing the tender withdraws the screenings still open.
import { jest } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

const PLAIN_DECLARATION = {
  owners: [{ name: 'Plain Holdings Ltd', country: 'GB', share: 100 }],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
};

describe('a tender and its screenings', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let temporal: Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    temporal = new Client({
      connection: await Connection.connect({ address: app.config.TEMPORAL_ADDRESS! }),
    });
    for (const [userId, roles] of [
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
      ['auditor.aud', ['auditor']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      tokens[userId] = created.body.token;
    }
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await app?.close();
  });

  async function createTender() {
    const response = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      body: {
        reference: `ocds-h6vhtk-${Math.random().toString(36).slice(2, 10)}`,
        title: 'Borough-wide CCTV framework',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        cpvCodes: ['35125300'],
        intendedUse: 'video_surveillance',
      },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function start(tenderId: string, name: string) {
    const response = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name, country: 'GB' } },
    });
    expect(response.status).toBe(201);
    return { id: response.body.id as string, invitation: response.body.invitation.token as string };
  }

  async function declare(screening: { id: string; invitation: string }) {
    const response = await http('POST', `/v1/screenings/${screening.id}/declaration`, {
      token: screening.invitation,
      body: PLAIN_DECLARATION,
    });
    expect(response.status).toBe(202);
  }

  const getTender = async (id: string) =>
    (await http('GET', `/v1/tenders/${id}`, { token: tokens['reviewer.rita'] })).body;
  const getScreening = async (id: string) =>
    (await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] })).body;

  function waitFor<T>(check: () => Promise<T | undefined>, what: string) {
    return eventually(check, 40_000, what);
  }

  async function decide(id: string, decision: 'approve' | 'reject') {
    await waitFor(
      async () => ((await getScreening(id)).status === 'awaiting_review' ? true : undefined),
      `${id} in review`,
    );
    const response = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['reviewer.rita'],
      body: { decision, reason: `Reviewed the declaration; ${decision} on the evidence.` },
    });
    expect(response.status).toBeLessThan(300);
  }

  it('reaches ready_for_award only after the last of five mixed decisions, and reopens for a late supplier', async () => {
    const tenderId = await createTender();
    const names = [
      'Alpha Cameras Ltd',
      'Beta Vision Ltd',
      'Gamma Security Ltd',
      'Delta Installs Ltd',
      'Epsilon CCTV Ltd',
    ];
    const screenings = [];
    for (const name of names) screenings.push(await start(tenderId, name));

    // Each screening runs as a child of the tender's workflow, with screening id = workflow id.
    const child = await temporal.workflow.getHandle(screenings[0].id).describe();
    expect(child.parentExecution?.workflowId).toBe(tenderId);
    // Starting the same supplier again returns the same screening, and the tender still has five.
    const again = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name: 'Alpha Cameras Ltd', country: 'GB' } },
    });
    expect(again.body.id).toBe(screenings[0].id);

    for (const s of screenings) await declare(s);
    await decide(screenings[0].id, 'approve');
    await decide(screenings[1].id, 'reject');
    await decide(screenings[2].id, 'approve');
    // The fourth ends another way: the buyer withdraws it while it waits for review.
    const withdrawn = await http('POST', `/v1/screenings/${screenings[3].id}/withdrawal`, {
      token: tokens['buyer.bob'],
      body: { reason: 'The supplier withdrew its bid.' },
    });
    expect(withdrawn.status).toBeLessThan(300);

    // Four decided, one in review: the tender is not ready, and says who must act.
    await waitFor(async () => {
      const t = await getTender(tenderId);
      return t.summary.pending === 1 ? t : undefined;
    }, 'four decided');
    await new Promise((r) => setTimeout(r, 1_500));
    const waiting = await getTender(tenderId);
    expect(waiting.status).toBe('open');
    expect(waiting.summary).toMatchObject({
      total: 5,
      cleared: 2,
      rejected: 1,
      withdrawn: 1,
      pending: 1,
      allDecided: false,
    });
    expect(waiting.outstandingActions).toEqual([
      expect.objectContaining({
        screeningId: screenings[4].id,
        waitingFor: 'reviewer',
        status: 'awaiting_review',
      }),
    ]);
    const state = await temporal.workflow.getHandle(tenderId).query('tenderState');
    expect((state as { status: string }).status).toBe('open');

    await decide(screenings[4].id, 'reject');
    const ready = await waitFor(async () => {
      const t = await getTender(tenderId);
      return t.status === 'ready_for_award' ? t : undefined;
    }, 'ready_for_award');
    expect(ready.summary).toMatchObject({
      total: 5,
      cleared: 2,
      rejected: 2,
      withdrawn: 1,
      pending: 0,
      allDecided: true,
    });
    expect(ready.outstandingActions).toEqual([]);

    // A supplier added after the tender started joins as a child and the tender is open again.
    const late = await start(tenderId, 'Zeta Late Bidder Ltd');
    expect((await temporal.workflow.getHandle(late.id).describe()).parentExecution?.workflowId).toBe(
      tenderId,
    );
    await waitFor(async () => ((await getTender(tenderId)).status === 'open' ? true : undefined), 'reopened');
  });

  it('closing a tender early withdraws the open screenings, records it in their trails, and refuses new ones', async () => {
    const tenderId = await createTender();
    const decided = await start(tenderId, 'Kappa Approved Ltd');
    const inReview = await start(tenderId, 'Lambda Reviewing Ltd');
    const undeclared = await start(tenderId, 'Mu Silent Ltd');
    await declare(decided);
    await declare(inReview);
    await decide(decided.id, 'approve');
    await waitFor(
      async () => ((await getScreening(inReview.id)).status === 'awaiting_review' ? true : undefined),
      'review',
    );

    const refusedRole = await http('POST', `/v1/tenders/${tenderId}/close`, {
      token: tokens['reviewer.rita'],
      body: { reason: 'The procurement was cancelled by the council.' },
    });
    expect(refusedRole.status).toBe(403);

    const closed = await http('POST', `/v1/tenders/${tenderId}/close`, {
      token: tokens['buyer.bob'],
      body: { reason: 'The procurement was cancelled by the council.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect([...closed.body.withdrawn].sort()).toEqual([inReview.id, undeclared.id].sort());

    for (const id of [inReview.id, undeclared.id]) {
      await waitFor(
        async () => ((await getScreening(id)).status === 'withdrawn' ? true : undefined),
        `${id} withdrawn`,
      );
      const audit = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] });
      const actions = audit.body.events.map((e: { action: string }) => e.action);
      expect(actions).toContain('screening.withdrawn');
      await waitFor(async () => {
        const trail = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] });
        return trail.body.events.some((e: { action: string }) => e.action === 'screening.closed')
          ? true
          : undefined;
      }, 'closed event');
    }
    expect((await getScreening(decided.id)).status).toBe('approved');

    const tender = await getTender(tenderId);
    expect(tender.status).toBe('closed');
    expect(tender.summary).toMatchObject({ total: 3, cleared: 1, withdrawn: 2, pending: 0 });

    const late = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name: 'Nu Too Late Ltd', country: 'GB' } },
    });
    expect(late.status).toBe(409);
    const again = await http('POST', `/v1/tenders/${tenderId}/close`, {
      token: tokens['buyer.bob'],
      body: { reason: 'The procurement was cancelled by the council.' },
    });
    expect(again.status).toBe(409);
    // The tender's workflow ends once its withdrawn screenings have finished.
    await waitFor(async () => {
      const d = await temporal.workflow.getHandle(tenderId).describe();
      return d.status.name === 'COMPLETED' ? true : undefined;
    }, 'tender workflow completed');
  });
  it('continues as new on a long history and still reaches ready_for_award, following screenings through the read model', async () => {
    const tenderId = await createTender();
    // Replace the tender's workflow by one with a tiny history budget and a fast read-model poll.
    const handle = temporal.workflow.getHandle(tenderId);
    await handle.terminate('e2e: restart with a small history budget');
    await temporal.workflow.start('tenderWorkflow', {
      workflowId: tenderId,
      taskQueue: app.config.TEMPORAL_TASK_QUEUE,
      args: [{ tenderId, maxHistoryLength: 40, pollIntervalMs: 300 }],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    const screenings = [];
    for (const name of ['Omicron Ltd', 'Pi Cameras Ltd', 'Rho Vision Ltd', 'Sigma Security Ltd']) {
      screenings.push(await start(tenderId, name));
    }
    for (const s of screenings) await declare(s);
    for (const s of screenings) await decide(s.id, 'approve');
    const ready = await waitFor(async () => {
      const t = await getTender(tenderId);
      return t.status === 'ready_for_award' ? t : undefined;
    }, 'ready_for_award after continue-as-new');
    expect(ready.summary).toMatchObject({ total: 4, cleared: 4, pending: 0 });
    const runs = [];
    for await (const run of temporal.workflow.list({ query: `WorkflowId = '${tenderId}'` })) runs.push(run);
    expect(runs.length).toBeGreaterThan(2);
    // The same supplier again after continue-as-new: still the one screening.
    const again = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name: 'Omicron Ltd', country: 'GB' } },
    });
    expect(again.body.id).toBe(screenings[0].id);
    const state = (await handle.query('tenderState')) as { screenings: unknown[]; status: string };
    expect(state.screenings).toHaveLength(4);
  });
});
