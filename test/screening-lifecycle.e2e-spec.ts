// One screening end to end through the HTTP API, on the real Temporal server and PostgreSQL.
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

const HILOOK_DECLARATION = {
  owners: [
    {
      name: 'Acme Holdings Ltd',
      country: 'GB',
      share: 100,
      identifiers: [{ scheme: 'GB-COH', id: '01234567' }],
      isState: false,
    },
  ],
  ultimateParent: { name: 'Acme Group plc', country: 'GB' },
  countriesOfOperation: ['GB'],
  products: [
    {
      brand: 'HiLook',
      model: 'IPC-B140H',
      manufacturer: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      countryOfOrigin: 'CN',
      components: [{ type: 'chipset', manufacturer: 'HiSilicon' }],
    },
  ],
  subcontractors: [{ name: 'Install Co Ltd', country: 'GB', role: 'installation' }],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
};

describe('a screening from start to sign-off', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    for (const [userId, roles] of [
      ['buyer.bob', ['buyer']],
      ['buyer.ann', ['buyer']],
      ['reviewer.rita', ['reviewer']],
      ['approver.alan', ['approver']],
      ['approver.amy', ['approver']],
      ['auditor.aud', ['auditor']],
      ['multi.mo', ['buyer', 'reviewer']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      expect(created.status).toBe(201);
      tokens[userId] = created.body.token;
    }
  });

  afterAll(() => app?.close());

  async function createTender(overrides: Record<string, unknown> = {}) {
    const reference = `ocds-h6vhtk-${Math.random().toString(36).slice(2, 10)}`;
    const response = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      body: {
        reference,
        title: 'Town centre CCTV renewal',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        cpvCodes: ['35125300'],
        intendedUse: 'video_surveillance',
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function startScreening(
    tenderId: string,
    supplierName: string,
    headers: Record<string, string> = {},
    token = tokens['buyer.bob'],
  ) {
    return http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token,
      headers,
      body: {
        supplier: { name: supplierName, country: 'GB', identifiers: [{ scheme: 'GB-COH', id: '09876543' }] },
      },
    });
  }

  async function waitForStatus(id: string, status: string) {
    return eventually(
      async () => {
        const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] });
        return got.body.status === status ? got.body : undefined;
      },
      30_000,
      `screening ${id} to reach ${status}`,
    );
  }

  it('takes a HiLook reseller through declaration, checks, risk, two sign-offs and the audit trail', async () => {
    const tender = await createTender();
    expect(tender).toMatchObject({
      policyId: 'uk-local-authority',
      buyer: { type: 'local_authority' },
      screenings: [],
    });

    const started = await startScreening(tender.id, 'Acme Security Systems Ltd');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: 'awaiting_declaration',
      invitation: { token: expect.stringMatching(/^inv_/) },
    });
    const id = started.body.id as string;
    const invitation = started.body.invitation.token as string;

    const declared = await http('POST', `/v1/screenings/${id}/declaration`, {
      token: invitation,
      body: HILOOK_DECLARATION,
    });
    expect(declared.status).toBe(202);

    const screening = await waitForStatus(id, 'awaiting_review');
    expect(screening.declaration).toMatchObject({ revision: 1, products: [{ brand: 'HiLook' }] });
    expect(screening.findings.length).toBeGreaterThan(0);
    expect(screening.findings.map((f: { code: string }) => f.code)).toContain(
      'INTELLIGENCE_LAW_JURISDICTION',
    );
    expect(screening.risk).toMatchObject({
      policy: { id: 'uk-local-authority', version: 1 },
      band: expect.stringMatching(/high|critical/),
    });
    expect(screening.risk.factors[0]).toMatchObject({
      code: expect.any(String),
      points: expect.any(Number),
      explanation: expect.any(String),
    });
    expect(screening.requiredApprovals).toEqual(['reviewer', 'approver']);

    const review = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['reviewer.rita'],
      body: {
        decision: 'approve',
        reason: 'Checked the manufacturer; risk accepted for a non-sensitive site.',
      },
    });
    expect(review).toMatchObject({ status: 200, body: { status: 'awaiting_approval' } });

    const approval = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.alan'],
      body: {
        decision: 'approve',
        reason: 'Approved with a condition to isolate cameras from the council network.',
      },
    });
    expect(approval).toMatchObject({ status: 200, body: { status: 'approved' } });

    const done = await waitForStatus(id, 'approved');
    expect(done.decision).toMatchObject({ outcome: 'approved', decidedBy: 'approver.alan' });
    expect(done.approvals.map((a: { level: string; userId: string }) => [a.level, a.userId])).toEqual([
      ['reviewer', 'reviewer.rita'],
      ['approver', 'approver.alan'],
    ]);

    const trail = await eventually(async () => {
      const got = await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] });
      return got.body.events?.at(-1)?.action === 'screening.closed' ? got.body.events : undefined;
    });
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'screening.started',
      'declaration.received',
      'checks.completed',
      'risk.assessed',
      'decision.approve',
      'decision.approve',
      'screening.closed',
    ]);
    expect(trail.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const verified = await http('GET', `/v1/screenings/${id}/audit/verify`, { token: tokens['auditor.aud'] });
    expect(verified.body).toMatchObject({ valid: true, events: 7 });

    const tenderView = await http('GET', `/v1/tenders/${tender.id}`, { token: tokens['auditor.aud'] });
    expect(tenderView.body.screenings).toEqual([expect.objectContaining({ id, status: 'approved' })]);

    const listed = await http('GET', `/v1/screenings?tenderId=${tender.id}&status=approved`, {
      token: tokens['buyer.bob'],
    });
    expect(listed.body).toMatchObject({ total: 1, items: [{ id }] });
  });

  it('returns the same screening for the same Idempotency-Key or the same supplier', async () => {
    const tender = await createTender();
    const first = await startScreening(tender.id, 'Idem Potent Ltd', { 'idempotency-key': 'req-42' });
    const again = await startScreening(tender.id, 'Idem Potent Ltd', { 'idempotency-key': 'req-42' });
    const sameSupplier = await startScreening(tender.id, 'IDEM POTENT LIMITED');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(sameSupplier.body.id).toBe(first.body.id);
    expect(again.body.invitation.token).toBe(first.body.invitation.token);
  });

  it('refuses malformed bodies with 400 and the fields to fix', async () => {
    const noBuyer = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      body: { reference: 'x', title: 'y', buyer: { name: 'B', type: 'parish' } },
    });
    expect(noBuyer.status).toBe(400);
    expect(noBuyer.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(noBuyer.body.message).toContain('buyer.type: type must be one of');

    const unknownField = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      body: { reference: 'x2', title: 'y', buyer: { name: 'B', type: 'police' }, colour: 'red' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('property colour should not exist');

    const notJson = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      rawBody: '{"reference": ',
    });
    expect(notJson).toMatchObject({ status: 400, body: { message: 'The request body is not valid JSON.' } });

    const tender = await createTender();
    const { body } = await startScreening(tender.id, 'Bad Declarer Ltd');
    const badDeclaration = await http('POST', `/v1/screenings/${body.id}/declaration`, {
      token: body.invitation.token,
      body: {
        ...HILOOK_DECLARATION,
        owners: [{ name: '', country: 'Britain', share: 140 }],
        attestation: { name: 'J', role: 'D', accepted: false },
      },
    });
    expect(badDeclaration.status).toBe(400);
    const fields = badDeclaration.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['owners.0.name', 'owners.0.country', 'owners.0.share', 'attestation.accepted']),
    );
  });

  it('answers 401 without a token and 403 for the wrong role or a foreign invitation', async () => {
    expect((await http('GET', '/v1/screenings')).status).toBe(401);
    const asReviewer = await http('POST', '/v1/tenders', {
      token: tokens['reviewer.rita'],
      body: { reference: 'r', title: 't', buyer: { name: 'B', type: 'police' } },
    });
    expect(asReviewer.status).toBe(403);
    expect(asReviewer.body.message).toContain('buyer');
    expect(
      (
        await http('POST', '/v1/api-keys', {
          token: tokens['buyer.bob'],
          body: { userId: 'x', roles: ['admin'] },
        })
      ).status,
    ).toBe(403);

    const tender = await createTender();
    const one = await startScreening(tender.id, 'First Supplier Ltd');
    const two = await startScreening(tender.id, 'Second Supplier Ltd');
    const crossed = await http('POST', `/v1/screenings/${two.body.id}/declaration`, {
      token: one.body.invitation.token,
      body: HILOOK_DECLARATION,
    });
    expect(crossed.status).toBe(401);
    const invitationElsewhere = await http('GET', `/v1/screenings/${one.body.id}`, {
      token: one.body.invitation.token,
    });
    expect(invitationElsewhere.status).toBe(403);
  });

  it('refuses sign-off by the buyer who started the screening (409) and a second level by the same person', async () => {
    const tender = await createTender();
    const started = await startScreening(tender.id, 'Four Eyes Ltd', {}, tokens['multi.mo']);
    const id = started.body.id;
    await http('POST', `/v1/screenings/${id}/declaration`, {
      token: started.body.invitation.token,
      body: HILOOK_DECLARATION,
    });
    await waitForStatus(id, 'awaiting_review');

    const own = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['multi.mo'],
      body: { decision: 'approve', reason: 'Looks fine to me' },
    });
    expect(own.status).toBe(409);
    expect(own.body.message).toContain('Four eyes');

    const noReason = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.amy'],
      body: { decision: 'approve', reason: '' },
    });
    expect(noReason.status).toBe(400);

    const first = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.amy'],
      body: { decision: 'approve', reason: 'Reviewed the findings' },
    });
    expect(first.body.status).toBe('awaiting_approval');
    const twice = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.amy'],
      body: { decision: 'approve', reason: 'And approving too' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('two levels');

    const rejected = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.alan'],
      body: { decision: 'reject', reason: 'PRC-made cameras are not acceptable for this site.' },
    });
    expect(rejected.body.status).toBe('rejected');
    const late = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['approver.amy'],
      body: { decision: 'approve', reason: 'Late approval' },
    });
    expect(late.status).toBe(409);
  });

  it('finishes a waiting screening after its worker is replaced', async () => {
    const tender = await createTender();
    const started = await startScreening(tender.id, 'Resilient Ltd');
    const id = started.body.id;
    await app.stopWorker();
    const declared = http('POST', `/v1/screenings/${id}/declaration`, {
      token: started.body.invitation.token,
      body: HILOOK_DECLARATION,
    });
    await new Promise((r) => setTimeout(r, 500));
    await app.startWorker();
    expect((await declared).status).toBe(202);
    await waitForStatus(id, 'awaiting_review');
    const reviewed = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['reviewer.rita'],
      body: { decision: 'reject', reason: 'Not for us: the supplier cannot evidence its ownership.' },
    });
    expect(reviewed.body.status).toBe('rejected');
  });

  it('exposes Prometheus metrics without a token', async () => {
    const metrics = await http('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('http_requests_total{method="POST",route="/v1/tenders",status="201"}');
    expect(metrics.body).toMatch(/screenings\{status="approved"\} \d+/);
  });

  it('reports health of the database and Temporal', async () => {
    const health = await http('GET', '/health');
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: 'up', temporal: 'up' } },
    });
  });
});
