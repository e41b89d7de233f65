// Policies through the HTTP API: reading published versions, publishing new ones, and the what-if
// simulation over screenings that ran for real on Temporal and PostgreSQL. Every policy this file
// publishes has an id of its own, so the built-in packs other test files rely on stay at version 1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

const HIKVISION = 'Hangzhou Hikvision Digital Technology Co., Ltd.';

function declaration(product: { brand: string; manufacturer: string; countryOfOrigin: string }) {
  return {
    owners: [{ name: 'Acme Holdings Ltd', country: 'GB', share: 100 }],
    countriesOfOperation: ['GB'],
    products: [{ model: 'CAM-1', ...product }],
    subcontractors: [],
    foreignIntelligenceLawExposure: false,
    attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
  };
}

type Doc = Record<string, any>;

describe('policies', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let council: Doc;
  const tokens: Record<string, string> = {};
  const uniqueId = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    for (const [userId, roles] of [
      ['buyer.bob', ['buyer']],
      ['reviewer.rita', ['reviewer']],
      ['approver.alan', ['approver']],
      ['auditor.aud', ['auditor']],
      ['admin.ada', ['admin']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      expect(created.status).toBe(201);
      tokens[userId] = created.body.token;
    }
    const pack = await http('GET', '/v1/policies/uk-local-authority/versions/1', {
      token: tokens['auditor.aud'],
    });
    council = pack.body.document;
  }, 120_000);

  afterAll(() => app?.close());

  /** The council pack under a new id, without a version: ready to publish as version 1. */
  function councilCopy(id: string, change: (doc: Doc) => void = () => undefined): Doc {
    const copy = structuredClone(council);
    delete copy.version;
    copy.id = id;
    change(copy);
    return copy;
  }

  function publish(body: unknown, token = tokens['admin.ada']) {
    return http('POST', '/v1/policies', { token, body });
  }

  function simulate(id: string, body: unknown, token = tokens['admin.ada']) {
    return http('POST', `/v1/policies/${id}/simulate`, { token, body });
  }

  describe('reading', () => {
    it('lists the latest version of each built-in pack to every staff role', async () => {
      for (const user of ['buyer.bob', 'reviewer.rita', 'approver.alan', 'auditor.aud', 'admin.ada']) {
        const listed = await http('GET', '/v1/policies', { token: tokens[user] });
        expect(listed.status).toBe(200);
        expect(listed.body.items).toEqual(
          expect.arrayContaining([
            {
              id: 'uk-local-authority',
              version: 1,
              title: 'UK local authority (Procurement Act 2023)',
              description: expect.stringContaining('councils'),
              appliesTo: ['local_authority', 'police', 'other'],
              publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
              publishedBy: 'system',
            },
            expect.objectContaining({ id: 'uk-central-government', appliesTo: ['central_government'] }),
            expect.objectContaining({ id: 'us-federal-889', appliesTo: ['us_federal'] }),
          ]),
        );
      }
      expect((await http('GET', '/v1/policies')).status).toBe(401);
    });

    it('shows a version with its full document, the latest under /:id, and 404s that name what is missing', async () => {
      const v1 = await http('GET', '/v1/policies/us-federal-889/versions/1', { token: tokens['buyer.bob'] });
      expect(v1.status).toBe(200);
      expect(v1.body).toMatchObject({ id: 'us-federal-889', version: 1, publishedBy: 'system' });
      expect(v1.body.document).toMatchObject({
        id: 'us-federal-889',
        version: 1,
        factors: { COVERED_EQUIPMENT: expect.objectContaining({ rule: 'US-889' }) },
        outcomeRules: expect.any(Array),
        approvals: expect.any(Object),
      });

      const latest = await http('GET', '/v1/policies/us-federal-889', { token: tokens['buyer.bob'] });
      expect(latest.body).toMatchObject({ id: 'us-federal-889', version: 1, versions: [1] });
      expect(latest.body.document).toEqual(v1.body.document);

      const unknown = await http('GET', '/v1/policies/no-such-policy', { token: tokens['buyer.bob'] });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect(unknown.body.message).toContain('No published policy "no-such-policy"');

      const noVersion = await http('GET', '/v1/policies/us-federal-889/versions/7', {
        token: tokens['buyer.bob'],
      });
      expect(noVersion.status).toBe(404);
      expect(noVersion.body.message).toBe(
        'Policy "us-federal-889" has no version 7; its versions are 1 to 1.',
      );

      const notANumber = await http('GET', '/v1/policies/us-federal-889/versions/latest', {
        token: tokens['buyer.bob'],
      });
      expect(notANumber.status).toBe(400);
      expect(notANumber.body.message).toContain('whole number');
    });
  });

  describe('publishing', () => {
    it('publishes a new policy as version 1, then each change as the next version, leaving earlier ones as they were', async () => {
      const id = uniqueId('e2e-council');
      const first = await publish(councilCopy(id));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        id,
        version: 1,
        title: council.title,
        appliesTo: council.appliesTo,
        publishedBy: 'admin.ada',
        document: { id, version: 1, factors: { DEBARRED: { points: 100 } } },
      });

      const second = await publish(
        councilCopy(id, (doc) => {
          doc.title = 'Council policy, stricter on state ownership';
          doc.factors.STATE_OWNERSHIP.points = 30;
        }),
      );
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ version: 2, title: 'Council policy, stricter on state ownership' });

      const v1 = await http('GET', `/v1/policies/${id}/versions/1`, { token: tokens['auditor.aud'] });
      expect(v1.body).toEqual(first.body);
      const latest = await http('GET', `/v1/policies/${id}`, { token: tokens['auditor.aud'] });
      expect(latest.body).toMatchObject({ version: 2, versions: [1, 2] });
      expect(latest.body.document.factors.STATE_OWNERSHIP.points).toBe(30);
      const listed = await http('GET', '/v1/policies', { token: tokens['auditor.aud'] });
      expect(listed.body.items.filter((p: { id: string }) => p.id === id)).toEqual([
        expect.objectContaining({ version: 2, title: 'Council policy, stricter on state ownership' }),
      ]);

      // No route changes a published version.
      const overwrite = await http('PUT', `/v1/policies/${id}/versions/1`, {
        token: tokens['admin.ada'],
        body: councilCopy(id),
      });
      expect(overwrite.status).toBe(404);
    });

    it('refuses a version that is not the next one, and lets only one of two racing publishes win (409)', async () => {
      const id = uniqueId('e2e-race');
      const withVersion = (version: number, title?: string) =>
        councilCopy(id, (doc) => {
          doc.version = version;
          if (title) doc.title = title;
        });
      const republishOne = await publish(withVersion(2));
      expect(republishOne.status).toBe(409);
      expect(republishOne.body.message).toContain('its first version is 1');

      expect((await publish(councilCopy(id))).status).toBe(201);
      const stale = await publish(withVersion(1));
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(stale.body.message).toContain(`the next version of "${id}" is 2`);

      const racing = await Promise.all([
        publish(withVersion(2, 'Racer A')),
        publish(withVersion(2, 'Racer B')),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = racing.find((r) => r.status === 201)!.body.title;
      const v2 = await http('GET', `/v1/policies/${id}/versions/2`, { token: tokens['auditor.aud'] });
      expect(v2.body.title).toBe(winner);
    });

    it('refuses an invalid document with 422 naming every field to fix, and publishes nothing', async () => {
      const id = uniqueId('e2e-invalid');
      const invalid = await publish(
        councilCopy(id, (doc) => {
          doc.factors.DEBARRED.points = 150;
          doc.bands.high = 10;
          doc.outcomeByBand.low = 'ignore';
          doc.colour = 'red';
        }),
      );
      expect(invalid.status).toBe(422);
      expect(invalid.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      expect(invalid.body.details).toEqual(
        expect.arrayContaining([
          { path: 'factors.DEBARRED.points', message: expect.stringContaining('between 0 and 100') },
          { path: 'bands.high', message: expect.stringContaining('must be above bands.medium') },
          { path: 'outcomeByBand.low', message: expect.stringContaining('clear') },
          { path: 'colour', message: expect.stringContaining('unknown field') },
        ]),
      );
      expect(invalid.body.message).toContain('factors.DEBARRED.points:');
      expect((await http('GET', `/v1/policies/${id}`, { token: tokens['admin.ada'] })).status).toBe(404);

      const notAnObject = await publish([council]);
      expect(notAnObject.status).toBe(422);
      expect(notAnObject.body.details).toEqual([{ path: '(document)', message: 'must be an object' }]);

      const badJson = await http('POST', '/v1/policies', { token: tokens['admin.ada'], rawBody: '{"id": ' });
      expect(badJson.status).toBe(400);
    });

    it('lets only admins publish', async () => {
      for (const user of ['buyer.bob', 'reviewer.rita', 'approver.alan', 'auditor.aud']) {
        const refused = await publish(councilCopy(uniqueId('e2e-role')), tokens[user]);
        expect(refused.status).toBe(403);
        expect(refused.body.message).toContain('admin');
      }
      expect((await http('POST', '/v1/policies', { body: council })).status).toBe(401);
    });
  });

  describe('what-if simulation requests', () => {
    const policyId = uniqueId('e2e-sim-input');

    beforeAll(async () => {
      expect((await publish(councilCopy(policyId))).status).toBe(201);
    });

    it('refuses a bad draft (422 naming draft fields), a bad filter (400), an unknown policy (404) and other roles (403)', async () => {
      const badDraft = await simulate(policyId, {
        draft: councilCopy('someone-else', (doc) => {
          doc.factors.WATCHLIST_MATCH.maxPoints = 5;
          delete doc.bands;
        }),
      });
      expect(badDraft.status).toBe(422);
      expect(badDraft.body.details).toEqual(
        expect.arrayContaining([
          { path: 'draft.id', message: `must be "${policyId}" (the policy in the path) or left out` },
          { path: 'draft.factors.WATCHLIST_MATCH.maxPoints', message: 'must not be below points (25)' },
          { path: 'draft.bands', message: 'is required' },
        ]),
      );

      const noDraft = await simulate(policyId, { filter: {} });
      expect(noDraft.status).toBe(400);
      expect(noDraft.body.message).toContain('draft is required');

      const tooMany = await simulate(policyId, { draft: council, filter: { limit: 5001, status: 'asleep' } });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['filter.limit', 'filter.status']),
      );
      const backwards = await simulate(policyId, {
        draft: council,
        filter: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.message).toContain('filter.to');

      const unknown = await simulate('no-such-policy', { draft: council });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toContain('no-such-policy');

      for (const user of ['buyer.bob', 'auditor.aud']) {
        expect((await simulate(policyId, { draft: council }, tokens[user])).status).toBe(403);
      }
      for (const user of ['reviewer.rita', 'approver.alan']) {
        expect((await simulate(policyId, { draft: councilCopy(policyId) }, tokens[user])).status).toBe(200);
      }
    });
  });

  describe('what-if simulation', () => {
    const policyId = uniqueId('e2e-sim');
    let hikvisionTender: string;
    let cleanTender: string;
    let hikvision: Doc;
    let clean: Doc;
    let undeclared: string;

    async function startScreening(tenderId: string, supplierName: string) {
      const started = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
        token: tokens['buyer.bob'],
        body: { supplier: { name: supplierName, country: 'GB' } },
      });
      expect(started.status).toBe(201);
      return started.body as { id: string; invitation: { token: string } };
    }

    async function screenToReview(tenderId: string, supplierName: string, body: unknown): Promise<Doc> {
      const started = await startScreening(tenderId, supplierName);
      const declared = await http('POST', `/v1/screenings/${started.id}/declaration`, {
        token: started.invitation.token,
        body,
      });
      expect(declared.status).toBe(202);
      return eventually(
        async () => {
          const got = await http('GET', `/v1/screenings/${started.id}`, { token: tokens['reviewer.rita'] });
          return got.body.status === 'awaiting_review' ? got.body : undefined;
        },
        30_000,
        `${supplierName} to reach awaiting_review`,
      );
    }

    async function createTender(title: string) {
      const created = await http('POST', '/v1/tenders', {
        token: tokens['buyer.bob'],
        body: {
          reference: `ocds-h6vhtk-${randomBytes(4).toString('hex')}`,
          title,
          buyer: { name: 'Example Borough Council', type: 'local_authority' },
          cpvCodes: ['35125300'],
          intendedUse: 'video_surveillance',
          policyId,
        },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    }

    /** Every row a simulation could conceivably write, counted straight from PostgreSQL. */
    async function databaseFootprint() {
      const client = new pg.Client({ connectionString: app.config.DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT
          (SELECT count(*) FROM policies) AS policies,
          (SELECT count(*) FROM risk_assessments) AS risk_assessments,
          (SELECT count(*) FROM findings) AS findings,
          (SELECT count(*) FROM audit_events) AS audit_events,
          (SELECT count(*) FROM approvals) AS approvals,
          (SELECT max(updated_at) FROM screenings) AS screenings_updated,
          (SELECT max(updated_at) FROM tenders) AS tenders_updated`);
        return rows[0];
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      expect((await publish(councilCopy(policyId))).status).toBe(201);
      hikvisionTender = await createTender('Town centre CCTV renewal');
      cleanTender = await createTender('Car park barrier cameras');
      // Never declared, so never assessed: nothing to re-score. Started first, so its workflow has
      // settled (read model synced) long before the simulation compares its view.
      undeclared = (await startScreening(hikvisionTender, 'Slow Responders Ltd')).id;
      [hikvision, clean] = await Promise.all([
        screenToReview(
          hikvisionTender,
          'Acme Security Systems Ltd',
          declaration({ brand: 'HiLook', manufacturer: HIKVISION, countryOfOrigin: 'CN' }),
        ),
        screenToReview(
          cleanTender,
          'Clean Installers Ltd',
          declaration({ brand: 'Brightlane', manufacturer: 'Brightlane Optics Ltd', countryOfOrigin: 'GB' }),
        ),
      ]);
    }, 90_000);

    const points = (screening: Doc, code: string) =>
      screening.risk.factors
        .filter((f: { code: string }) => f.code === code)
        .reduce((sum: number, f: { points: number }) => sum + f.points, 0);
    const summary = (screening: Doc) => ({
      score: screening.risk.score,
      band: screening.risk.band,
      outcome: screening.risk.outcome,
      requiredApprovals: screening.risk.requiredApprovals,
    });

    it('re-derives every stored assessment unchanged when the draft is the published version', async () => {
      expect(points(hikvision, 'INTELLIGENCE_LAW_JURISDICTION')).toBeGreaterThan(0);
      const published = await http('GET', `/v1/policies/${policyId}`, { token: tokens['reviewer.rita'] });

      const same = await simulate(policyId, { draft: published.body.document }, tokens['reviewer.rita']);
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({
        policy: { id: policyId, latestVersion: 1, draftVersion: 1 },
        screenings: 2,
        unchanged: 2,
        changed: [],
        truncated: false,
      });
      expect(same.body.byOutcome.before).toEqual(same.body.byOutcome.after);
      expect(same.body.byBand.before).toEqual(same.body.byBand.after);
    });

    it('reports what a draft weighing PRC links less would change, and changes nothing', async () => {
      const screeningIds = [hikvision.id, clean.id, undeclared];
      const read = async (id: string) => ({
        screening: (await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] })).body,
        audit: (await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] })).body,
      });
      const viewsBefore = await Promise.all(screeningIds.map(read));
      const footprintBefore = await databaseFootprint();

      const intelligenceLawPoints = points(hikvision, 'INTELLIGENCE_LAW_JURISDICTION');
      const otherPoints = hikvision.risk.factors
        .filter((f: { code: string }) => f.code !== 'INTELLIGENCE_LAW_JURISDICTION')
        .reduce((sum: number, f: { points: number }) => sum + f.points, 0);
      const draft = councilCopy(policyId, (doc) => {
        doc.factors.INTELLIGENCE_LAW_JURISDICTION.points = 0;
        doc.factors.INTELLIGENCE_LAW_JURISDICTION.maxPoints = 0;
      });
      const report = await simulate(policyId, { draft });

      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ screenings: 2, policy: { draftVersion: 2 } });
      const change = report.body.changed.find((c: { screeningId: string }) => c.screeningId === hikvision.id);
      expect(change).toMatchObject({
        tenderId: hikvisionTender,
        before: summary(hikvision),
        after: { score: Math.min(100, otherPoints) },
        factorsChanged: expect.arrayContaining([
          { code: 'INTELLIGENCE_LAW_JURISDICTION', before: intelligenceLawPoints, after: 0 },
        ]),
      });
      expect(change.after.score).toBeLessThan(change.before.score);
      // The clean supplier has no PRC link, so the draft leaves it as it was.
      expect(report.body.changed.map((c: { screeningId: string }) => c.screeningId)).toEqual([hikvision.id]);
      expect(report.body.unchanged).toBe(1);

      const outcomesBefore = { clear: 0, review: 0, excludable: 0, excluded: 0 };
      for (const s of [hikvision, clean]) outcomesBefore[s.risk.outcome as keyof typeof outcomesBefore]++;
      expect(report.body.byOutcome.before).toEqual(outcomesBefore);
      const outcomesAfter = { ...outcomesBefore };
      outcomesAfter[hikvision.risk.outcome as keyof typeof outcomesAfter]--;
      outcomesAfter[change.after.outcome as keyof typeof outcomesAfter]++;
      expect(report.body.byOutcome.after).toEqual(outcomesAfter);
      expect(Object.values(report.body.byBand.after as Record<string, number>).reduce((a, b) => a + b)).toBe(
        2,
      );

      // Nothing was written: the screenings, their trails, the published versions, every table.
      expect(await Promise.all(screeningIds.map(read))).toEqual(viewsBefore);
      const versions = await http('GET', `/v1/policies/${policyId}`, { token: tokens['auditor.aud'] });
      expect(versions.body.versions).toEqual([1]);
      expect(await databaseFootprint()).toEqual(footprintBefore);
    });

    it('reports a band change when a draft only moves the thresholds', async () => {
      const score = hikvision.risk.score as number;
      // Thresholds that move the unchanged score into another band: all below it, or all above it.
      const upwards = hikvision.risk.band !== 'critical';
      if (!upwards) expect(score).toBeLessThanOrEqual(97);
      const draft = councilCopy(policyId, (doc) => {
        doc.bands = upwards
          ? { low: 0, medium: 1, high: 2, critical: 3 }
          : { low: 0, medium: score + 1, high: score + 2, critical: score + 3 };
      });
      const report = await simulate(policyId, { draft, filter: { tenderId: hikvisionTender } });
      expect(report.status).toBe(200);
      expect(report.body.changed).toEqual([
        expect.objectContaining({
          screeningId: hikvision.id,
          before: summary(hikvision),
          after: expect.objectContaining({ score, band: upwards ? 'critical' : 'low' }),
          factorsChanged: [],
        }),
      ]);
    });

    it('re-scores only the screenings the filter picks', async () => {
      const published = (await http('GET', `/v1/policies/${policyId}`, { token: tokens['admin.ada'] })).body
        .document;
      const count = async (filter: unknown) => {
        const report = await simulate(policyId, { draft: published, filter });
        expect(report.status).toBe(200);
        return { screenings: report.body.screenings, truncated: report.body.truncated };
      };
      expect(await count({ tenderId: cleanTender })).toEqual({ screenings: 1, truncated: false });
      expect(await count({ status: 'awaiting_review' })).toEqual({ screenings: 2, truncated: false });
      expect(await count({ status: 'awaiting_declaration' })).toEqual({ screenings: 0, truncated: false });
      expect(await count({ limit: 1 })).toEqual({ screenings: 1, truncated: true });
      expect(await count({ from: '2999-01-01T00:00:00Z' })).toEqual({ screenings: 0, truncated: false });
      expect(await count({ to: '2999-01-01T00:00:00Z', from: '2000-01-01' })).toEqual({
        screenings: 2,
        truncated: false,
      });
      // Screenings under another policy are never re-scored.
      const other = await simulate('uk-local-authority', { draft: council });
      const ours = [hikvision.id, clean.id];
      expect(other.body.changed.map((c: { screeningId: string }) => c.screeningId)).not.toEqual(
        expect.arrayContaining(ours),
      );
    });
  });
});
