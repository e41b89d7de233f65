// A reviewer dismisses a false name-screening hit through the HTTP API, and the dismissal holds when
// the screening's checks run again and when a new reference-data version keeps the entity: the real
// API, worker, Temporal server and PostgreSQL.
import { randomInt } from 'node:crypto';
import { createCompanyNameGenerator, createRng } from '../libs/domain/src/names/index.js';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

const words = createCompanyNameGenerator(createRng(randomInt(2 ** 31)));
const brand = words.freshWord();
const listedId = `e2e-dismissal-${brand.toLowerCase()}`;
const source = `e2e-dismissal-${brand.toLowerCase()}`;

const DECLARATION = {
  owners: [],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
};

interface AuditEvent {
  seq: number;
  action: string;
  actor: { userId: string; role: string };
  data: Record<string, any>;
}

describe('dismissing a false name-screening hit', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    for (const [userId, roles] of [
      ['admin.ada', ['admin']],
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
      ['reviewer.rob', ['reviewer']],
      ['auditor.aud', ['auditor']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      tokens[userId] = created.body.token;
    }
  });
  afterAll(() => app?.close());

  async function importListed(aliases: string[]): Promise<number> {
    const line = JSON.stringify({
      id: listedId,
      schema: 'Company',
      properties: {
        name: [`${brand} Security Systems Ltd`],
        alias: aliases,
        jurisdiction: ['gb'],
        topics: ['sanction'],
      },
      datasets: ['e2e-watch-list'],
    });
    const form = new FormData();
    form.append('format', 'ftm');
    form.append('source', source);
    form.append('file', new Blob([`${line}\n`]), 'watch-list.ftm.jsonl');
    const response = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['admin.ada']}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { version: number }).version;
  }

  async function events(id: string): Promise<AuditEvent[]> {
    return (await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] })).body.events;
  }

  /** The findings of checks round `round`, as the workflow recorded them in the audit trail. */
  async function checksRound(id: string, round: number) {
    return eventually(
      async () =>
        (await events(id)).find((e) => e.action === 'checks.completed' && e.data.round === round)?.data,
      60_000,
      `checks round ${round} of ${id}`,
    );
  }

  async function awaitingReview(id: string, round: number) {
    await checksRound(id, round);
    return eventually(
      async () => {
        const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['reviewer.rita'] });
        return got.body.status === 'awaiting_review' ? got.body : undefined;
      },
      60_000,
      `screening ${id} to await review`,
    );
  }

  async function rerunChecks(id: string, invitation: string, round: number) {
    const asked = await http('POST', `/v1/screenings/${id}/decisions`, {
      token: tokens['reviewer.rita'],
      body: {
        decision: 'request_information',
        reason: 'Registered office to confirm.',
        questions: ['Where is your registered office?'],
      },
    });
    expect(asked.status).toBe(200);
    const declared = await http('POST', `/v1/screenings/${id}/declaration`, {
      token: invitation,
      body: DECLARATION,
    });
    expect(declared.status).toBe(202);
    return awaitingReview(id, round);
  }

  it('holds across a re-run of the checks and a new dataset version that keeps the entity', async () => {
    const firstVersion = await importListed([]);
    const tender = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bob'],
      body: {
        reference: `ocds-h6vhtk-${randomInt(1e9)}`,
        title: 'Door entry systems',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        cpvCodes: ['35121000'],
      },
    });
    const started = await http('POST', `/v1/tenders/${tender.body.id}/screenings`, {
      token: tokens['buyer.bob'],
      body: { supplier: { name: `${brand.toUpperCase()} SECURITY SYSTEMS LIMITED`, country: 'GB' } },
    });
    const id = started.body.id as string;
    const invitation = started.body.invitation.token as string;
    expect(
      (await http('POST', `/v1/screenings/${id}/declaration`, { token: invitation, body: DECLARATION }))
        .status,
    ).toBe(202);

    // Round 1: the supplier's name matches the listed entity under another legal form and case.
    const screening = await awaitingReview(id, 1);
    const hit = screening.findings.find(
      (f: { check: string; evidence: { entityId?: string }[] }) =>
        f.check === 'name_screening' && f.evidence[0]?.entityId === listedId,
    );
    expect(hit).toMatchObject({
      code: 'WATCHLIST_MATCH',
      subject: { role: 'supplier' },
      attributes: { topics: ['sanction'], listIds: ['e2e-watch-list'], matchScore: expect.any(Number) },
      evidence: [
        {
          kind: 'match',
          detail: {
            matchedName: `${brand} Security Systems Ltd`,
            components: { name: expect.any(Number), identifier: 0, country: 1 },
            explanation: expect.arrayContaining([expect.stringContaining('matched with similarity')]),
          },
        },
        { kind: 'list', listId: 'e2e-watch-list' },
      ],
    });
    expect(hit.attributes.matchScore).toBeGreaterThanOrEqual(0.8);
    expect(screening.risk.factors.map((f: { code: string }) => f.code)).toContain('WATCHLIST_MATCH');
    const dismissalPath = `/v1/screenings/${id}/findings/${encodeURIComponent(hit.key)}/dismissal`;
    const reason = 'Different company: registered in Leeds since 1998, no link to the listed entity.';

    // Who may dismiss, and what.
    expect((await http('POST', dismissalPath, { token: tokens['buyer.bob'], body: { reason } })).status).toBe(
      403,
    );
    const tooShort = await http('POST', dismissalPath, {
      token: tokens['reviewer.rita'],
      body: { reason: 'no' },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.message).toContain('reason must be between 10 and 2000 characters');
    const unknown = await http('POST', `/v1/screenings/${id}/findings/nope/dismissal`, {
      token: tokens['reviewer.rita'],
      body: { reason },
    });
    expect(unknown.status).toBe(404);

    const dismissed = await http('POST', dismissalPath, { token: tokens['reviewer.rita'], body: { reason } });
    expect(dismissed).toMatchObject({
      status: 201,
      body: {
        findingKey: hit.key,
        entityId: listedId,
        reason,
        by: 'reviewer.rita',
        role: 'reviewer',
        round: 1,
      },
    });
    const repeated = await http('POST', dismissalPath, { token: tokens['reviewer.rita'], body: { reason } });
    expect(repeated).toMatchObject({ status: 200, body: { id: dismissed.body.id } });
    const someoneElse = await http('POST', dismissalPath, {
      token: tokens['reviewer.rob'],
      body: { reason: 'Another reason for the same hit.' },
    });
    expect(someoneElse.status).toBe(409);
    expect(someoneElse.body.message).toContain('dismissed by reviewer.rita');

    const trail = await events(id);
    expect(trail.find((e) => e.action === 'finding.dismissed')).toMatchObject({
      actor: { userId: 'reviewer.rita', role: 'reviewer' },
      data: { findingKey: hit.key, entityId: listedId, reason },
    });
    const listed = await http('GET', `/v1/screenings/${id}/dismissals`, { token: tokens['auditor.aud'] });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: dismissed.body.id })]);

    // Round 2: the checks run again on the supplier's answers; the hit is found again, dismissed.
    const second = await rerunChecks(id, invitation, 2);
    const round2 = await checksRound(id, 2);
    expect(round2.findings).toContainEqual(expect.objectContaining({ key: hit.key, dismissed: true }));
    expect(second.risk.factors.map((f: { code: string }) => f.code)).not.toContain('WATCHLIST_MATCH');

    // Round 3, on a new dataset version that keeps the entity (with an alias added): still dismissed.
    const newVersion = await importListed([`${brand} Security`]);
    expect(newVersion).toBeGreaterThan(firstVersion);
    const third = await rerunChecks(id, invitation, 3);
    const round3 = await checksRound(id, 3);
    expect(Number(round3.referenceDataVersion)).toBeGreaterThanOrEqual(newVersion);
    expect(round3.findings).toContainEqual(expect.objectContaining({ key: hit.key, dismissed: true }));
    expect(third.risk.factors.map((f: { code: string }) => f.code)).not.toContain('WATCHLIST_MATCH');

    // The dismissal is part of the verified chain.
    const verified = await http('GET', `/v1/screenings/${id}/audit/verify`, { token: tokens['auditor.aud'] });
    expect(verified.body).toMatchObject({ valid: true });
  });
});
