// Continuous monitoring end to end, on the real Temporal server and PostgreSQL: approved screenings are
// re-checked when a new reference-data version is imported, and only the one the new data concerns gets
// an alert, with its notifications and an audit event that keeps its chain verifiable.
import { randomBytes, randomInt } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { MonitoringRunSummary } from '../libs/contracts/src/index.js';
import { parseInterval } from '../libs/config/src/index.js';
import { createCompanyNameGenerator, createRng } from '../libs/domain/src/names/index.js';
import { createDataSource } from '../libs/persistence/src/index.js';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import {
  connectTemporalClient,
  ensureMonitoringSchedule,
  monitoringScheduleId,
  triggerMonitoring,
} from '../libs/temporal/src/index.js';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

const words = createCompanyNameGenerator(createRng(randomInt(2 ** 31)));

/** A plain UK reseller whose one camera line is made by `manufacturer`, unknown to the reference data. */
function declaration(brand: string, manufacturer: string) {
  return {
    owners: [{ name: `${words.freshWord()} Holdings Ltd`, country: 'GB', share: 100 }],
    countriesOfOperation: ['GB'],
    products: [{ brand, model: 'CAM-200', manufacturer, countryOfOrigin: 'GB' }],
    subcontractors: [],
    foreignIntelligenceLawExposure: false,
    attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
  };
}

describe('continuous monitoring of approved screenings', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let temporal: Client;
  let db: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    temporal = await connectTemporalClient(app.config.TEMPORAL_ADDRESS!, app.config.TEMPORAL_NAMESPACE);
    db = await createDataSource(process.env.TEST_DATABASE_URL!, { logging: false }).initialize();
    for (const [userId, roles] of [
      ['admin.ada', ['admin']],
      ['buyer.bea', ['buyer']],
      ['reviewer.ray', ['reviewer']],
      ['reviewer.rob', ['reviewer']],
      ['approver.amy', ['approver']],
      ['auditor.aud', ['auditor']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      expect(created.status).toBe(201);
      tokens[userId] = created.body.token;
    }
  });

  afterAll(async () => {
    await db?.destroy();
    await temporal?.connection.close();
    await app?.close();
  });

  const scheduleId = () => monitoringScheduleId(app.config.TEMPORAL_TASK_QUEUE);

  async function createTender() {
    const response = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bea'],
      body: {
        reference: `ocds-h6vhtk-mon-${randomBytes(4).toString('hex')}`,
        title: 'Town centre CCTV renewal',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        cpvCodes: ['35125300'],
        intendedUse: 'video_surveillance',
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string };
  }

  /** Starts a screening, declares, and signs every level it waits for until its trail is sealed. */
  async function approvedScreening(tenderId: string, body: object): Promise<string> {
    const started = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bea'],
      body: { supplier: { name: `${words.freshWord()} Security Ltd`, country: 'GB' } },
    });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const declared = await http('POST', `/v1/screenings/${id}/declaration`, {
      token: started.body.invitation.token,
      body,
    });
    expect(declared.status).toBe(202);
    let status: string = (
      await eventually(
        async () => {
          const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] });
          return ['awaiting_review', 'awaiting_approval'].includes(got.body.status) ? got.body : undefined;
        },
        30_000,
        `screening ${id} to wait for sign-off`,
      )
    ).status;
    while (status !== 'approved') {
      const signer = status === 'awaiting_review' ? 'reviewer.ray' : 'approver.amy';
      const decided = await http('POST', `/v1/screenings/${id}/decisions`, {
        token: tokens[signer],
        body: { decision: 'approve', reason: 'Manufacturer checked; cameras isolated from the network.' },
      });
      expect(decided.status).toBe(200);
      status = decided.body.status;
    }
    await eventually(
      async () => ((await verify(id)).sealed ? true : undefined),
      30_000,
      `the trail of ${id} to be sealed`,
    );
    return id;
  }

  async function verify(id: string) {
    const response = await http('GET', `/v1/screenings/${id}/audit/verify`, { token: tokens['auditor.aud'] });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function trail(id: string): Promise<{ action: string; data: any; hash: string }[]> {
    return (await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] })).body.events;
  }

  /** Imports FtM JSON lines through the API, as an administrator does. */
  async function importFtm(source: string, lines: object[]) {
    const form = new FormData();
    form.append('format', 'ftm');
    form.append('source', source);
    form.append(
      'file',
      new Blob([lines.map((line) => JSON.stringify(line)).join('\n')], { type: 'application/x-ndjson' }),
      `${source}.ftm.jsonl`,
    );
    const response = await fetch(`${app.baseUrl}/v1/reference-data/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['admin.ada']}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** The schedule's runs so far, by first run id (two runs started in the same second share a workflow id). */
  async function runIds(): Promise<string[]> {
    const described = await temporal.schedule.getHandle(scheduleId()).describe();
    return described.info.recentActions.map((a) => a.action.workflow.firstExecutionRunId);
  }

  /** Waits for the schedule's next run after `before` and returns its (continued-as-new) result. */
  async function nextRunResult(before: string[]): Promise<MonitoringRunSummary> {
    const run = await eventually(
      async () => {
        const described = await temporal.schedule.getHandle(scheduleId()).describe();
        return described.info.recentActions
          .map((a) => a.action.workflow)
          .find((w) => !before.includes(w.firstExecutionRunId));
      },
      20_000,
      'the monitoring schedule to start a run',
    );
    return temporal.workflow
      .getHandle(run.workflowId, undefined, { firstExecutionRunId: run.firstExecutionRunId })
      .result();
  }

  async function alerts(query: string) {
    const response = await http('GET', `/v1/alerts?${query}`, { token: tokens['reviewer.ray'] });
    expect(response.status).toBe(200);
    return response.body as { items: any[]; nextCursor: string | null };
  }

  it('raises an alert on the approved screening whose manufacturer a new dataset lists, and on no other', async () => {
    const started = new Date().toISOString();
    const maker = `${words.freshWord()} Vision Co., Ltd.`;
    const tender = await createTender();
    const concerned = await approvedScreening(tender.id, declaration(`${words.freshWord()}Cam`, maker));
    const other = await approvedScreening(
      tender.id,
      declaration(`${words.freshWord()}Cam`, `${words.freshWord()} Optics Ltd`),
    );
    // On another tender, the same manufacturer: a second alert, for paging through the list.
    const secondTender = await createTender();
    const alsoConcerned = await approvedScreening(
      secondTender.id,
      declaration(`${words.freshWord()}Cam`, maker),
    );
    const approvedOn = (await http('GET', `/v1/screenings/${concerned}`, { token: tokens['auditor.aud'] }))
      .body;
    expect(approvedOn.findings.map((f: { code: string }) => f.code)).not.toContain('WATCHLIST_MATCH');

    // A new dataset version lists the manufacturer (sanctions), and the import starts a monitoring run.
    const before = await runIds();
    const source = `e2e-monitoring-${randomBytes(4).toString('hex')}`;
    const imported = await importFtm(source, [
      {
        id: `${source}-maker`,
        schema: 'Company',
        properties: { name: [maker], jurisdiction: ['gb'], topics: ['sanction'] },
      },
    ]);
    expect(imported).toMatchObject({
      status: 201,
      body: { noop: false, monitoring: { triggered: true, scheduleId: scheduleId() } },
    });
    const version = String(imported.body.version);
    const run = await nextRunResult(before);
    expect(run).toMatchObject({ referenceDataVersion: version, failed: 0 });
    expect(run.alerts).toBeGreaterThanOrEqual(2);

    // Exactly one alert on the tender: on the screening whose manufacturer is now listed.
    const onTender = await alerts(`tenderId=${tender.id}`);
    expect(onTender.items).toHaveLength(1);
    const [alert] = onTender.items;
    expect(alert).toMatchObject({
      id: expect.stringMatching(/^alr_/),
      screeningId: concerned,
      tenderId: tender.id,
      referenceDataVersion: version,
      previousReferenceDataVersion: approvedOn.risk.referenceDataVersion,
      kind: expect.stringMatching(/^(outcome|risk|findings)_changed$/),
      acknowledged: null,
    });
    expect(alert.changes.findingsAdded).toContainEqual(
      expect.objectContaining({
        key: `product:WATCHLIST_MATCH:${source}-maker:product`,
        code: 'WATCHLIST_MATCH',
        subject: expect.objectContaining({ name: maker }),
      }),
    );
    expect(alert.changes.score.to).toBeGreaterThan(alert.changes.score.from);
    expect(alert.summary).toContain(`Reference data version ${version}`);
    expect(alert.summary).toContain(`${maker} is listed (sanction)`);
    expect((await alerts(`screeningId=${other}`)).items).toEqual([]);

    // The screening stays approved: the alert is for people to act on.
    const after = (await http('GET', `/v1/screenings/${concerned}`, { token: tokens['auditor.aud'] })).body;
    expect(after).toMatchObject({
      status: 'approved',
      risk: { referenceDataVersion: approvedOn.risk.referenceDataVersion },
      // ...and the screening's own view shows it.
      alerts: [{ id: alert.id, kind: alert.kind, summary: alert.summary, acknowledged: false }],
    });

    // The buyer who started it and the reviewers are told, through the outbox.
    const queued = await db.query(
      `SELECT audience, recipient, data FROM notification_outbox
        WHERE screening_id = $1 AND kind = 'monitoring.alert_raised' ORDER BY audience`,
      [concerned],
    );
    expect(queued).toEqual([
      expect.objectContaining({ audience: 'buyer', recipient: 'user:buyer.bea' }),
      expect.objectContaining({ audience: 'reviewer', recipient: 'role:reviewer' }),
    ]);
    expect(queued[0].data).toMatchObject({ alertId: alert.id, referenceDataVersion: version });
    expect(
      await db.query(
        `SELECT 1 FROM notification_outbox WHERE screening_id = $1 AND kind LIKE 'monitoring.%'`,
        [other],
      ),
    ).toEqual([]);

    // The alert is the last event of the concerned screening's trail, after the seal; the chain verifies.
    const events = await trail(concerned);
    const seal = events.findIndex((e) => e.action === 'screening.closed');
    expect(events.slice(seal).map((e) => e.action)).toEqual(['screening.closed', 'monitoring.alert_raised']);
    expect(events.at(-1)!.data).toMatchObject({
      alertId: alert.id,
      referenceDataVersion: version,
      findingsAdded: [expect.objectContaining({ code: 'WATCHLIST_MATCH', subject: maker })],
    });
    expect(await verify(concerned)).toMatchObject({
      valid: true,
      sealed: true,
      sealHash: events[seal].hash,
      headHash: events.at(-1)!.hash,
    });
    expect((await trail(other)).at(-1)!.action).toBe('screening.closed');

    // Monitoring again with no newer version re-checks nothing and raises nothing twice.
    const beforeRerun = await runIds();
    await triggerMonitoring(temporal, {
      taskQueue: app.config.TEMPORAL_TASK_QUEUE,
      intervalMs: parseInterval(app.config.MONITORING_INTERVAL)!,
    });
    expect(await nextRunResult(beforeRerun)).toMatchObject({ referenceDataVersion: version, alerts: 0 });
    expect((await alerts(`screeningId=${concerned}`)).items.map((a) => a.id)).toEqual([alert.id]);

    // Paging through everything since the test began finds both alerts, each once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: any[]; nextCursor: string | null } = await alerts(
        `since=${encodeURIComponent(started)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 100);
    expect(new Set(seen).size).toBe(seen.length);
    const second = (await alerts(`screeningId=${alsoConcerned}`)).items;
    expect(second).toHaveLength(1);
    expect(seen).toEqual(expect.arrayContaining([alert.id, second[0].id]));
  });

  it('lets a reviewer acknowledge an alert once, audited in the screening’s chain', async () => {
    const maker = `${words.freshWord()} Vision Co., Ltd.`;
    const tender = await createTender();
    const id = await approvedScreening(tender.id, declaration(`${words.freshWord()}Cam`, maker));
    const before = await runIds();
    const source = `e2e-monitoring-${randomBytes(4).toString('hex')}`;
    const imported = await importFtm(source, [
      {
        id: `${source}-maker`,
        schema: 'Company',
        properties: { name: [maker], jurisdiction: ['gb'], topics: ['debarment'] },
      },
    ]);
    expect(imported.status).toBe(201);
    await nextRunResult(before);
    const [alert] = (await alerts(`screeningId=${id}`)).items;
    expect(alert).toMatchObject({ kind: 'outcome_changed', changes: { outcome: { to: 'excluded' } } });
    expect(alert.changes.findingsAdded).toContainEqual(expect.objectContaining({ code: 'DEBARRED' }));

    const path = `/v1/alerts/${alert.id}/acknowledge`;
    const note = 'Supplier asked to replace the cameras; contract manager informed.';
    expect((await http('POST', path, { token: tokens['auditor.aud'], body: { note } })).status).toBe(403);
    const acknowledged = await http('POST', path, { token: tokens['reviewer.ray'], body: { note } });
    expect(acknowledged).toMatchObject({
      status: 200,
      body: { id: alert.id, acknowledged: { by: 'reviewer.ray', note } },
    });
    const again = await http('POST', path, { token: tokens['reviewer.ray'], body: { note } });
    expect(again).toMatchObject({ status: 200, body: { acknowledged: acknowledged.body.acknowledged } });
    const someoneElse = await http('POST', path, { token: tokens['reviewer.rob'], body: {} });
    expect(someoneElse.status).toBe(409);
    expect(someoneElse.body.message).toContain('acknowledged by reviewer.ray');

    expect((await trail(id)).slice(-2).map((e) => e.action)).toEqual([
      'monitoring.alert_raised',
      'monitoring.alert_acknowledged',
    ]);
    expect(await verify(id)).toMatchObject({ valid: true, sealed: true });
    expect((await alerts(`screeningId=${id}&acknowledged=false`)).items).toEqual([]);
    expect((await alerts(`screeningId=${id}&acknowledged=true`)).items).toHaveLength(1);
    expect((await http('GET', `/v1/alerts/${alert.id}`, { token: tokens['buyer.bea'] })).body).toMatchObject({
      id: alert.id,
      acknowledged: { by: 'reviewer.ray' },
    });
    expect((await http('GET', '/v1/alerts/alr_nope', { token: tokens['buyer.bea'] })).status).toBe(404);
  });

  it('keeps one schedule per task queue, brought to the configured interval, never overlapping', async () => {
    const handle = temporal.schedule.getHandle(scheduleId());
    const described = await handle.describe();
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.spec.intervals).toEqual([
      expect.objectContaining({ every: parseInterval(app.config.MONITORING_INTERVAL) }),
    ]);
    expect(described.action).toMatchObject({
      workflowType: 'referenceDataMonitoringWorkflow',
      taskQueue: app.config.TEMPORAL_TASK_QUEUE,
    });

    // A worker started with another MONITORING_INTERVAL updates the schedule in place.
    const options = { taskQueue: app.config.TEMPORAL_TASK_QUEUE, intervalMs: parseInterval('6h')! };
    expect(await ensureMonitoringSchedule(temporal, options)).toBe('updated');
    expect((await handle.describe()).spec.intervals).toEqual([
      expect.objectContaining({ every: 6 * 3_600_000 }),
    ]);
  });

  it.each([
    ['limit=0', 'limit must be at least 1'],
    ['limit=many', 'limit must be a whole number'],
    ['since=yesterday', 'since must be an ISO 8601 date'],
    ['since=2026-02-30', 'since is not a real date'],
    ['acknowledged=maybe', 'acknowledged must be true or false'],
    ['cursor=not-a-cursor', 'cursor is not one this API gave out'],
    ['colour=red', 'property colour should not exist'],
  ])('refuses GET /v1/alerts?%s with 400 saying what to fix', async (query, message) => {
    const response = await http('GET', `/v1/alerts?${query}`, { token: tokens['reviewer.ray'] });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
  });
});
