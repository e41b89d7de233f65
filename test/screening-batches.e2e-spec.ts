// Bulk screening through the HTTP API, on the real Temporal server and PostgreSQL: a batch starts its
// screenings in a sliding window across several continue-as-new runs, reports malformed rows with their
// row number and reason, and never starts a supplier twice.
import { jest } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(240_000);

describe('bulk screening', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let temporal: Client;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // Small runs, so a 200-row batch continues as new several times.
    process.env.SCREENING_BATCH_ROWS_PER_RUN = '50';
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    temporal = new Client({
      connection: await Connection.connect({ address: app.config.TEMPORAL_ADDRESS! }),
    });
    for (const [userId, roles] of [
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
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
        title: 'Re-check of the CCTV supplier base',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        intendedUse: 'video_surveillance',
      },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const progress = async (id: string) =>
    (await http('GET', `/v1/screening-batches/${id}`, { token: tokens['reviewer.rita'] })).body;

  it('starts 200 suppliers in a sliding window, reporting and skipping malformed rows', async () => {
    const tenderId = await createTender();
    // One supplier already has a screening on the tender: the batch must not start it again.
    const existing = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name: 'Supplier 007 Ltd', country: 'GB' } },
    });
    expect(existing.status).toBe(201);

    const suppliers: unknown[] = [];
    for (let i = 1; i <= 200; i++) {
      suppliers.push({
        name: `Supplier ${String(i).padStart(3, '0')} Ltd`,
        country: 'GB',
        identifiers: [{ scheme: 'GB-COH', id: String(10_000_000 + i) }],
        contactEmail: `bids${i}@example.co.uk`,
      });
    }
    suppliers[9] = { name: '', country: 'GB' }; // row 10
    suppliers[19] = { name: 'Bad Country Ltd', country: 'Britain' }; // row 20
    suppliers[29] = { name: 'Bad Id Ltd', country: 'GB', identifiers: ['01234567'] }; // row 30
    suppliers[39] = { name: 'Bad Mail Ltd', country: 'GB', contactEmail: 'not-an-address' }; // row 40
    suppliers[49] = { name: 'supplier 001 ltd.', country: 'GB' }; // row 50: the same supplier as row 1
    suppliers[59] = 'Just a string'; // row 60

    const created = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: { tenderId, suppliers },
    });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ id: expect.stringMatching(/^bat_/), total: 200 });

    const done = await eventually(
      async () => {
        const p = await progress(created.body.id);
        return p.status === 'completed' ? p : undefined;
      },
      200_000,
      'the batch to complete',
    );
    expect(done).toMatchObject({ total: 200, pending: 0, started: 193, alreadyScreened: 1 });
    expect(done.failed.count).toBe(6);
    expect(done.failed.rows).toEqual([
      { row: 10, reason: 'name is missing' },
      { row: 20, reason: expect.stringContaining('country must be an ISO 3166-1 alpha-2 code') },
      { row: 30, reason: expect.stringContaining('must be scheme:id') },
      { row: 40, reason: 'contactEmail must be an e-mail address' },
      { row: 50, reason: 'duplicate of row 1' },
      { row: 60, reason: 'expected an object' },
    ]);

    // Every supplier has exactly one screening, each a child of the tender's workflow.
    const tender = (await http('GET', `/v1/tenders/${tenderId}`, { token: tokens['reviewer.rita'] })).body;
    expect(tender.summary.total).toBe(194);
    const names = tender.screenings.map((s: { supplier: { name: string } }) => s.supplier.name);
    expect(new Set(names).size).toBe(194);
    const state = (await temporal.workflow.getHandle(tenderId).query('tenderState')) as {
      screenings: { tracking: string }[];
    };
    expect(state.screenings).toHaveLength(194);

    // The batch workflow continued as new rather than growing one long history.
    const runs = [];
    for await (const run of temporal.workflow.list({ query: `WorkflowId = '${created.body.id}'` }))
      runs.push(run);
    expect(runs.length).toBeGreaterThan(1);

    // Repeating the same list starts nobody again.
    const again = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: { tenderId, suppliers: suppliers.slice(0, 5) },
    });
    const repeated = await eventually(
      async () => {
        const p = await progress(again.body.id);
        return p.status === 'completed' ? p : undefined;
      },
      60_000,
      'the repeated batch',
    );
    expect(repeated).toMatchObject({ total: 5, started: 0, alreadyScreened: 5 });
  });

  it('starts rows that carry the declaration on file at the checks, and reports a malformed one', async () => {
    const tenderId = await createTender();
    const declaration = {
      owners: [{ name: 'Vale Holdings Ltd', country: 'GB', share: 100 }],
      countriesOfOperation: ['GB'],
      products: [],
      subcontractors: [],
      foreignIntelligenceLawExposure: false,
      attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
    };
    const created = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: {
        tenderId,
        suppliers: [
          { name: 'Vale Cameras Ltd', country: 'GB', declaration },
          { name: 'Unattested Ltd', country: 'GB', declaration: { ...declaration, attestation: {} } },
          { name: 'Invited Ltd', country: 'GB' },
        ],
      },
    });
    expect(created.status).toBe(202);
    const done = await eventually(
      async () => {
        const p = await progress(created.body.id);
        return p.status === 'completed' ? p : undefined;
      },
      60_000,
      'the batch with declarations',
    );
    expect(done).toMatchObject({ started: 2, failed: { count: 1 } });
    expect(done.failed.rows).toEqual([
      { row: 2, reason: expect.stringContaining('declaration.attestation.accepted') },
    ]);

    const tender = (await http('GET', `/v1/tenders/${tenderId}`, { token: tokens['reviewer.rita'] })).body;
    const idOf = (name: string) =>
      tender.screenings.find((s: { supplier: { name: string } }) => s.supplier.name === name).id as string;
    // Nobody submitted anything: the screening with the declaration on file was checked and now waits
    // for a reviewer; the other still waits for its supplier.
    const onFile = await eventually(
      async () => {
        const r = await http('GET', `/v1/screenings/${idOf('Vale Cameras Ltd')}`, {
          token: tokens['reviewer.rita'],
        });
        return r.body.status === 'awaiting_review' ? r.body : undefined;
      },
      30_000,
      'the screening with its declaration on file to reach review',
    );
    expect(onFile.declaration).toMatchObject({ owners: [{ name: 'Vale Holdings Ltd' }] });
    const invited = await http('GET', `/v1/screenings/${idOf('Invited Ltd')}`, {
      token: tokens['reviewer.rita'],
    });
    expect(invited.body.status).toBe('awaiting_declaration');

    const trail = await http('GET', `/v1/screenings/${onFile.id}/audit`, { token: tokens['reviewer.rita'] });
    const received = trail.body.events.find((e: { action: string }) => e.action === 'declaration.received');
    expect(received).toMatchObject({
      actor: { userId: 'buyer.bob', role: 'buyer' },
      data: {
        revision: 1,
        onFile: true,
        source: `screening batch ${created.body.id} row 1`,
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(trail.body.events.map((e: { action: string }) => e.action).slice(0, 4)).toEqual([
      'screening.started',
      'declaration.received',
      'checks.completed',
      'risk.assessed',
    ]);
  });

  it('takes a JSON list of several megabytes, and says when one is too large', async () => {
    const tenderId = await createTender();
    // 5,000 rows of about 600 bytes, every one malformed (no name), so nothing starts.
    const row = { name: '', country: 'GB', note: 'x'.repeat(560) };
    const large = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: { tenderId, suppliers: Array.from({ length: 5_000 }, () => row) },
    });
    expect(large.status).toBe(202);
    expect(large.body.total).toBe(5_000);
    const done = await eventually(
      async () => {
        const p = await progress(large.body.id);
        return p.status === 'completed' ? p : undefined;
      },
      60_000,
      'the large batch',
    );
    expect(done).toMatchObject({ started: 0, failed: { count: 5_000 } });

    const tooLarge = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: { tenderId, suppliers: [{ name: 'x'.repeat(51 * 1024 * 1024), country: 'GB' }] },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: expect.any(String) });
  });

  it('accepts a CSV list with the header name,country,identifiers,contactEmail', async () => {
    const tenderId = await createTender();
    const csv = [
      'name,country,identifiers,contactEmail',
      '"Hill, Vale & Sons Ltd",GB,GB-COH:01234567;LEI:5493001KJTIIGC8Y1R12,bids@hillvale.example',
      'Northern Optics Ltd,GB,,',
      'Broken Row Ltd,GB',
      'Lowercase Country Ltd,gb,,',
    ].join('\r\n');
    const response = await fetch(`${app.baseUrl}/v1/screening-batches?tenderId=${tenderId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['buyer.bob']}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const created = {
      status: response.status,
      body: (await response.json()) as { id: string; total: number },
    };
    expect(created.status).toBe(202);
    expect(created.body.total).toBe(4);
    const done = await eventually(
      async () => {
        const p = await progress(created.body.id);
        return p.status === 'completed' ? p : undefined;
      },
      60_000,
      'the CSV batch',
    );
    expect(done).toMatchObject({ started: 2, failed: { count: 2 } });
    expect(done.failed.rows.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    const tender = (await http('GET', `/v1/tenders/${tenderId}`, { token: tokens['reviewer.rita'] })).body;
    expect(tender.screenings.map((s: { supplier: { name: string } }) => s.supplier.name).sort()).toEqual([
      'Hill, Vale & Sons Ltd',
      'Northern Optics Ltd',
    ]);

    const noTender = await http('POST', '/v1/screening-batches', {
      token: tokens['buyer.bob'],
      body: { tenderId: 'tnd_missing', suppliers: [{ name: 'X Ltd', country: 'GB' }] },
    });
    expect(noTender.status).toBe(404);
    const reviewer = await http('POST', '/v1/screening-batches', {
      token: tokens['reviewer.rita'],
      body: { tenderId, suppliers: [] },
    });
    expect(reviewer.status).toBe(403);
  });
});
