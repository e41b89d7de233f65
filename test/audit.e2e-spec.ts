// The audit trail as auditors use it, through the HTTP API and the audit:verify command, on the real
// Temporal server and PostgreSQL: tampering and deletion are pinpointed, auditors read everything and
// change nothing, decision reports carry every section, and the export streams a period.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  AuditEventRepository,
  GENESIS_HASH,
  hashAuditEvent,
  type ExportedAuditEvent,
} from '../libs/audit/src/index.js';
import { createDataSource, ScreeningRepository, TenderRepository } from '../libs/persistence/src/index.js';
import { eventually, httpClient, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

const HILOOK_DECLARATION = {
  owners: [{ name: 'Acme Holdings Ltd', country: 'GB', share: 100, isState: false }],
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
  subcontractors: [{ name: 'Install Co <Ltd> & Partners', country: 'GB', role: 'installation' }],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
};

const PLAIN_DECLARATION = {
  owners: [{ name: 'Debarred Holdings Ltd', country: 'GB', share: 100 }],
  countriesOfOperation: ['GB'],
  products: [
    { brand: 'Axis', model: 'P3245', manufacturer: 'Axis Communications AB', countryOfOrigin: 'SE' },
  ],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'John Doe', role: 'Company Secretary', accepted: true },
};

type Decision = 'approve' | 'reject';

describe('the audit trail, for auditors', () => {
  let app: TestApp;
  let http: ReturnType<typeof httpClient>;
  let superuser: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    http = httpClient(app.baseUrl);
    superuser = await createDataSource(process.env.TEST_DATABASE_URL!, { logging: false }).initialize();
    for (const [userId, roles] of [
      ['buyer.bea', ['buyer']],
      ['reviewer.ray', ['reviewer']],
      ['approver.ada', ['approver']],
      ['auditor.aud', ['auditor']],
    ] as const) {
      const created = await http('POST', '/v1/api-keys', { token: app.adminToken, body: { userId, roles } });
      expect(created.status).toBe(201);
      tokens[userId] = created.body.token;
    }
  });

  afterAll(async () => {
    await superuser?.destroy();
    await app?.close();
  });

  async function createTender(overrides: Record<string, unknown> = {}) {
    const response = await http('POST', '/v1/tenders', {
      token: tokens['buyer.bea'],
      body: {
        reference: `ocds-h6vhtk-audit-${randomBytes(4).toString('hex')}`,
        title: 'Town centre CCTV renewal',
        buyer: { name: 'Example Borough Council', type: 'local_authority' },
        cpvCodes: ['35125300'],
        intendedUse: 'video_surveillance',
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string };
  }

  /** Starts a screening, submits the declaration and waits for the checks and the risk assessment. */
  async function screenedSupplier(tenderId: string, supplierName: string, declaration: object) {
    const started = await http('POST', `/v1/tenders/${tenderId}/screenings`, {
      token: tokens['buyer.bea'],
      body: { supplier: { name: supplierName, country: 'GB' } },
    });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const declared = await http('POST', `/v1/screenings/${id}/declaration`, {
      token: started.body.invitation.token,
      body: declaration,
    });
    expect(declared.status).toBe(202);
    await eventually(
      async () => {
        const got = await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] });
        return got.body.risk && got.body.status === 'awaiting_review' ? got.body : undefined;
      },
      30_000,
      `screening ${id} to wait for review`,
    );
    return id;
  }

  /** Signs every level the screening waits for with the same decision, until it closes and is sealed. */
  async function decideAndSeal(id: string, decision: Decision, reason: string) {
    for (;;) {
      const { body } = await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] });
      const signer =
        body.status === 'awaiting_review'
          ? 'reviewer.ray'
          : body.status === 'awaiting_approval'
            ? 'approver.ada'
            : null;
      if (!signer) break;
      const decided = await http('POST', `/v1/screenings/${id}/decisions`, {
        token: tokens[signer],
        body: { decision, reason },
      });
      expect(decided.status).toBe(200);
    }
    return eventually(
      async () => {
        const verified = await http('GET', `/v1/screenings/${id}/audit/verify`, {
          token: tokens['auditor.aud'],
        });
        return verified.body.sealed ? verified.body : undefined;
      },
      30_000,
      `the trail of ${id} to be sealed`,
    );
  }

  async function verify(id: string) {
    const response = await http('GET', `/v1/screenings/${id}/audit/verify`, { token: tokens['auditor.aud'] });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function auditVerifyCommand(...args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['dist/scripts/audit-verify.js', ...args], {
        env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'error' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  describe('tampering and deletion', () => {
    let id: string;
    let otherId: string;

    beforeAll(async () => {
      const tender = await createTender();
      id = await screenedSupplier(tender.id, 'Tamper Target Systems Ltd', HILOOK_DECLARATION);
      await decideAndSeal(id, 'approve', 'Manufacturer known; cameras on an isolated network.');
      otherId = await screenedSupplier(tender.id, 'Bystander Systems Ltd', HILOOK_DECLARATION);
    });

    // Every stored field but the row id (assigned by the database, never relied on).
    const TAMPERS: [string, string][] = [
      ['screening_id', `screening_id = $2, seq = seq + 1000, event_key = event_key || ':moved'`],
      ['seq', `seq = seq + 1000`],
      ['event_key', `event_key = event_key || ':forged'`],
      ['occurred_at', `occurred_at = occurred_at + interval '1 second'`],
      ['actor_id', `actor_id = 'mallory'`],
      ['actor_role', `actor_role = 'admin'`],
      ['action', `action = action || '.forged'`],
      ['data', `data = data || '{"forged": true}'::jsonb`],
      ['prev_hash', `prev_hash = repeat('e', 64)`],
      ['hash', `hash = repeat('f', 64)`],
    ];

    it('makes verify fail at the very event, whichever field of whichever event a superuser changes', async () => {
      const original = await verify(id);
      expect(original).toMatchObject({ valid: true, sealed: true, events: expect.any(Number) });
      const screening = await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] });
      expect(screening.body.auditHeadHash).toBe(original.lastHash);

      const rows: { id: string; seq: number }[] = await superuser.query(
        `SELECT id, seq FROM audit_events WHERE screening_id = $1 ORDER BY seq`,
        [id],
      );
      const misses: string[] = [];
      for (const row of rows) {
        for (const [field, assignment] of TAMPERS) {
          const saved = await superuser.query(`SELECT * FROM audit_events WHERE id = $1`, [row.id]);
          await bypassingTrigger(superuser, (q) =>
            q.query(
              `UPDATE audit_events SET ${assignment} WHERE id = $1`,
              assignment.includes('$2') ? [row.id, otherId] : [row.id],
            ),
          );
          const result = await verify(id);
          if (result.valid || result.brokenAt?.seq !== row.seq) {
            misses.push(`${field} of event ${row.seq}: ${JSON.stringify(result)}`);
          }
          await restore(superuser, saved[0]);
        }
      }
      expect(misses).toEqual([]);
      expect(await verify(id)).toEqual(original);
    });

    it('reports the broken event through audit:verify too, with a non-zero exit code', async () => {
      const valid = await auditVerifyCommand(id);
      expect(valid.code).toBe(0);
      expect(valid.stdout).toContain(`${id}  valid  events=`);
      expect(valid.stdout).toContain('sealed');

      const saved = await superuser.query(`SELECT * FROM audit_events WHERE screening_id = $1 AND seq = 3`, [
        id,
      ]);
      await bypassingTrigger(superuser, (q) =>
        q.query(`UPDATE audit_events SET data = data || '{"score": 0}'::jsonb WHERE id = $1`, [saved[0].id]),
      );
      try {
        const one = await auditVerifyCommand(id, otherId);
        expect(one.code).toBe(1);
        expect(one.stdout).toMatch(
          new RegExp(`${id}  BROKEN  events=\\d+  brokenAt=3  content does not match its hash`),
        );
        expect(one.stdout).toContain(`${otherId}  valid`);

        const all = await auditVerifyCommand('--all', '--json');
        expect(all.code).toBe(1);
        const lines = all.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(lines).toContainEqual(
          expect.objectContaining({
            screeningId: id,
            valid: false,
            brokenAt: expect.objectContaining({ seq: 3 }),
          }),
        );
        expect(lines).toContainEqual(expect.objectContaining({ screeningId: otherId, valid: true }));
      } finally {
        await restore(superuser, saved[0]);
      }
      expect((await auditVerifyCommand(id)).code).toBe(0);
    });

    it('refuses usage errors and unknown screenings with exit code 2', async () => {
      expect((await auditVerifyCommand()).code).toBe(2);
      const unknown = await auditVerifyCommand('scr_does_not_exist');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('scr_does_not_exist  not found');
    });

    it('detects an event deleted from the middle or from the end', async () => {
      const events: { id: string; seq: number }[] = await superuser.query(
        `SELECT * FROM audit_events WHERE screening_id = $1 ORDER BY seq`,
        [id],
      );
      const middle = events[1];
      const last = events[events.length - 1];
      for (const deleted of [middle, last]) {
        await bypassingTrigger(superuser, (q) =>
          q.query(`DELETE FROM audit_events WHERE id = $1`, [deleted.id]),
        );
        try {
          expect(await verify(id)).toMatchObject({
            valid: false,
            events: events.length - 1,
            brokenAt: { seq: deleted.seq, reason: expect.stringMatching(/missing|removed/) },
          });
          if (deleted === last) {
            const command = await auditVerifyCommand(id);
            expect(command.code).toBe(1);
            expect(command.stdout).toContain(`brokenAt=${deleted.seq}`);
          }
        } finally {
          await restore(superuser, deleted);
        }
      }
      expect(await verify(id)).toMatchObject({ valid: true });
    });

    it('keeps one event when an activity retries its append after the insert', async () => {
      const before = await http('GET', `/v1/screenings/${otherId}/audit`, { token: tokens['auditor.aud'] });
      const first = before.body.events[0];
      const sut = new AuditEventRepository(superuser);
      const retried = await sut.append({
        screeningId: otherId,
        eventKey: first.eventKey,
        occurredAt: new Date().toISOString(),
        actor: first.actor,
        action: first.action,
        data: first.data,
      });
      expect(retried).toEqual({ seq: first.seq, hash: first.hash, created: false });
      const after = await http('GET', `/v1/screenings/${otherId}/audit`, { token: tokens['auditor.aud'] });
      expect(after.body.events).toEqual(before.body.events);
      expect(await verify(otherId)).toMatchObject({ valid: true, events: before.body.events.length });
    });
  });

  describe('auditor access', () => {
    let screeningId: string;
    let tenderId: string;

    beforeAll(async () => {
      const tender = await createTender();
      tenderId = tender.id;
      screeningId = await screenedSupplier(tender.id, 'Read Only Checks Ltd', HILOOK_DECLARATION);
    });

    it('reads tenders, screenings, trails, verification, reports and the export', async () => {
      for (const path of [
        `/v1/tenders/${tenderId}`,
        `/v1/screenings/${screeningId}`,
        `/v1/screenings?tenderId=${tenderId}`,
        `/v1/screenings/${screeningId}/audit`,
        `/v1/screenings/${screeningId}/audit/verify`,
        `/v1/screenings/${screeningId}/report`,
        `/v1/audit/events?from=2020-01-01`,
      ]) {
        const response = await http('GET', path, { token: tokens['auditor.aud'] });
        expect([path, response.status]).toEqual([path, 200]);
      }
    });

    it('is refused (403) on every route that changes something', async () => {
      const openapi = await http('GET', '/docs/openapi.json');
      expect(openapi.status).toBe(200);
      const writes = Object.entries(openapi.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, operations]) =>
          Object.keys(operations)
            .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
            .map((method) => [
              method.toUpperCase(),
              path.replace(/\{[^}]+\}/g, (p) => (p === '{id}' ? screeningId : 'x')),
            ]),
      );
      expect(writes.length).toBeGreaterThanOrEqual(4);
      const answers: [string, string, number][] = [];
      for (const [method, path] of writes) {
        const response = await http(method, path, { token: tokens['auditor.aud'], body: {} });
        answers.push([method, path, response.status]);
      }
      expect(answers).toEqual(writes.map(([method, path]) => [method, path, 403]));
      expect((await verify(screeningId)).events).toBe(
        (await http('GET', `/v1/screenings/${screeningId}/audit`, { token: tokens['auditor.aud'] })).body
          .events.length,
      );
    });

    it('keeps verification and the export from buyers (403)', async () => {
      expect(
        (await http('GET', `/v1/screenings/${screeningId}/audit/verify`, { token: tokens['buyer.bea'] }))
          .status,
      ).toBe(403);
      expect(
        (await http('GET', '/v1/audit/events?from=2020-01-01', { token: tokens['buyer.bea'] })).status,
      ).toBe(403);
    });
  });

  describe('the decision report', () => {
    const cases: Record<string, string> = {};

    beforeAll(async () => {
      const council = await createTender();
      cases.approved = await screenedSupplier(council.id, 'Approved Cameras Ltd', HILOOK_DECLARATION);
      await decideAndSeal(cases.approved, 'approve', 'Accepted for a non-sensitive site; network isolated.');
      cases.rejected = await screenedSupplier(council.id, 'Rejected Cameras Ltd', HILOOK_DECLARATION);
      await decideAndSeal(cases.rejected, 'reject', 'PRC-made cameras are not acceptable for this contract.');
      // The seed's synthetic debarment-list entry: the uk-local-authority policy excludes it outright.
      cases.excluded = await screenedSupplier(council.id, 'Example Debarred Supplier Ltd', PLAIN_DECLARATION);
      const approve = await http('POST', `/v1/screenings/${cases.excluded}/decisions`, {
        token: tokens['reviewer.ray'],
        body: { decision: 'approve', reason: 'Trying to approve an excluded supplier' },
      });
      expect(approve.status).toBe(422);
      await decideAndSeal(cases.excluded, 'reject', 'On the debarment list: excluded under s57(1).');
    });

    it.each(['approved', 'rejected', 'excluded'])(
      'as JSON has every section for an %s screening',
      async (kind) => {
        const id = cases[kind];
        const response = await http('GET', `/v1/screenings/${id}/report`, {
          token: tokens['auditor.aud'],
          headers: { accept: 'application/json' },
        });
        expect(response.status).toBe(200);
        const report = response.body;
        const screening = (await http('GET', `/v1/screenings/${id}`, { token: tokens['auditor.aud'] })).body;

        expect(report.tender).toMatchObject({
          buyer: { type: 'local_authority' },
          intendedUse: 'video_surveillance',
        });
        expect(report.supplier).toEqual(screening.supplier);
        expect(report.declaration).toMatchObject({
          revision: 1,
          digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        expect(report.declaration.owners.length).toBeGreaterThan(0);
        expect(report.findings.length).toBeGreaterThan(0);
        for (const finding of report.findings) {
          expect(finding).toMatchObject({ code: expect.any(String), summary: expect.any(String) });
          for (const evidence of finding.evidence)
            expect(evidence).toMatchObject({ kind: expect.any(String) });
        }
        expect(report.risk.factors.length).toBeGreaterThan(0);
        for (const factor of report.risk.factors) {
          expect(factor).toMatchObject({
            code: expect.any(String),
            points: expect.any(Number),
            explanation: expect.any(String),
          });
        }
        expect(report.risk.factors.some((f: any) => typeof f.rule === 'string')).toBe(true);
        expect(report.approvals.length).toBeGreaterThan(0);
        expect(report.decision).toMatchObject({
          outcome: kind === 'approved' ? 'approved' : expect.stringMatching(/rejected|excluded/),
        });
        expect(report.auditTrail).toMatchObject({
          valid: true,
          sealed: true,
          headHash: screening.auditHeadHash,
        });
        expect(report.auditTrail.entries.at(-1)).toMatchObject({
          action: 'screening.closed',
          hash: screening.auditHeadHash,
        });
        if (kind === 'excluded') {
          expect(report.risk.outcome).toBe('excluded');
          expect(report.risk.factors.map((f: any) => f.code)).toContain('DEBARRED');
          expect(report.risk.outcomeBasis).toMatchObject({ reason: expect.any(String) });
        }
      },
    );

    it.each(['approved', 'rejected', 'excluded'])(
      'as HTML is readable, printable and escaped for an %s screening',
      async (kind) => {
        const id = cases[kind];
        const json = (
          await http('GET', `/v1/screenings/${id}/report`, {
            token: tokens['buyer.bea'],
            headers: { accept: 'application/json' },
          })
        ).body;
        const response = await fetch(`${app.baseUrl}/v1/screenings/${id}/report`, {
          headers: {
            authorization: `Bearer ${tokens['reviewer.ray']}`,
            accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        const page = await response.text();
        expect([...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1])).toEqual([
          'tender',
          'supplier',
          'declaration',
          'findings',
          'score',
          'approvals',
          'decision',
          'audit-trail',
        ]);
        expect(page).toContain(json.supplier.name);
        expect(page).toContain(json.decision.outcome);
        expect(page).toContain(json.auditTrail.headHash);
        expect(page).toContain('Final hash (seal)');
        expect(page).toContain('the hash chain is intact and sealed');
        for (const factor of json.risk.factors) expect(page).toContain(factor.code);
        expect(page).toContain('@media print');
        if (kind !== 'excluded') {
          expect(page).toContain('Install Co &lt;Ltd&gt; &amp; Partners');
          expect(page).not.toContain('Install Co <Ltd>');
        }
      },
    );

    it('refuses a format it cannot serve (406) and the supplier (403)', async () => {
      const pdf = await http('GET', `/v1/screenings/${cases.approved}/report`, {
        token: tokens['auditor.aud'],
        headers: { accept: 'application/pdf' },
      });
      expect(pdf).toMatchObject({ status: 406, body: { error: 'Not Acceptable' } });
      expect(pdf.body.message).toContain('print the HTML report');
      expect(
        (await http('GET', '/v1/screenings/scr_nope/report', { token: tokens['auditor.aud'] })).status,
      ).toBe(404);
    });
  });

  describe('the export', () => {
    async function exportPeriod(query: string, token = tokens['auditor.aud']) {
      const response = await fetch(`${app.baseUrl}/v1/audit/events?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      return { response, text };
    }

    it('streams every event of a period once, as JSON lines an auditor can re-hash', async () => {
      const startedAt = new Date(Date.now() - 1000);
      const tender = await createTender();
      const id = await screenedSupplier(tender.id, 'Exported Events Ltd', HILOOK_DECLARATION);
      await decideAndSeal(id, 'reject', 'Not acceptable for this site: PRC-made cameras.');
      const trail = (await http('GET', `/v1/screenings/${id}/audit`, { token: tokens['auditor.aud'] })).body
        .events;

      const { response, text } = await exportPeriod(
        `from=${startedAt.toISOString()}&to=${new Date(Date.now() + 1000).toISOString()}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /attachment; filename="audit-events_.*\.ndjson"/,
      );
      const lines: ExportedAuditEvent[] = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      const mine = lines.filter((l) => l.screeningId === id);
      expect(mine.map((l) => l.seq)).toEqual(trail.map((e: { seq: number }) => e.seq));
      const times = lines.map((l) => l.at);
      expect(times).toEqual([...times].sort());
      let prevHash = GENESIS_HASH;
      for (const line of mine) {
        const { prevHash: linked, hash, at, actor, ...rest } = line;
        expect(linked).toBe(prevHash);
        expect(
          hashAuditEvent(linked, { ...rest, occurredAt: at, actor: { id: actor.userId, role: actor.role } }),
        ).toBe(hash);
        prevHash = hash;
      }

      // A narrower window holds exactly the events whose time falls in [from, to).
      const from = trail[1].at;
      const to = trail[trail.length - 2].at;
      const narrow = await exportPeriod(`from=${from}&to=${to}`);
      const inWindow = trail
        .filter((e: { at: string }) => e.at >= from && e.at < to)
        .map((e: { seq: number }) => e.seq);
      expect(
        narrow.text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l))
          .filter((l) => l.screeningId === id)
          .map((l) => l.seq),
      ).toEqual(inWindow);
    });

    it('streams more events than one batch holds, in order, each once', async () => {
      const count = 1234;
      const id = await syntheticTrail(superuser, count, Date.UTC(2001, 0, 1));
      const { response, text } = await exportPeriod('from=2001-01-01&to=2001-01-02');
      expect(response.status).toBe(200);
      const lines: ExportedAuditEvent[] = text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.every((l) => l.screeningId === id)).toBe(true);
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(await verify(id)).toMatchObject({ valid: true, events: count });
    });

    it('answers an empty period with no lines, and bad dates with a 400 that says what to fix', async () => {
      const empty = await exportPeriod('from=1990-01-01&to=1990-01-02');
      expect([empty.response.status, empty.text]).toEqual([200, '']);
      for (const [query, message] of [
        ['', 'from is required'],
        ['from=last-week', 'from must be an ISO 8601 date'],
        ['from=2026-02-30', 'from is not a real date'],
        ['from=2026-01-01T10:00:00', 'with a time zone'],
        ['from=2026-02-01&to=2026-01-01', 'must be later than from'],
        ['from=2026-01-01&form=2026-02-01', 'property form should not exist'],
      ]) {
        const bad = await http('GET', `/v1/audit/events?${query}`, { token: tokens['auditor.aud'] });
        expect([query, bad.status, bad.body.error]).toEqual([query, 400, 'Bad Request']);
        expect(bad.body.message).toContain(message);
      }
    });
  });
});

async function withTransaction(db: DataSource, work: (q: QueryRunner) => Promise<unknown>): Promise<void> {
  const q = db.createQueryRunner();
  await q.connect();
  await q.startTransaction();
  try {
    await work(q);
    await q.commitTransaction();
  } catch (error) {
    await q.rollbackTransaction();
    throw error;
  } finally {
    await q.release();
  }
}

/** A superuser must disable the append-only trigger to tamper; in one transaction nobody sees it off. */
function bypassingTrigger(db: DataSource, tamper: (q: QueryRunner) => Promise<unknown>): Promise<void> {
  return withTransaction(db, async (q) => {
    await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await tamper(q);
    await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
}

/** Puts a saved row back exactly as it was (by row id), whether it was changed or deleted. */
function restore(db: DataSource, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  return bypassingTrigger(db, async (q) => {
    await q.query(`DELETE FROM audit_events WHERE id = $1`, [row.id]);
    await q.query(
      `INSERT INTO audit_events (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
  });
}

/** A screening whose trail of `count` events, a second apart from `startMs`, is written in one insert. */
async function syntheticTrail(db: DataSource, count: number, startMs: number): Promise<string> {
  const suffix = randomBytes(5).toString('hex');
  await new TenderRepository(db).insert({
    id: `tnd_export_${suffix}`,
    reference: `audit-export-${suffix}`,
    title: 'Export volume test',
    buyerName: 'Example Borough Council',
    buyerType: 'local_authority',
    policyId: 'uk-local-authority',
    createdBy: 'buyer.bea',
  });
  const id = `scr_export_${suffix}`;
  await new ScreeningRepository(db).insertOrGetExisting({
    id,
    tenderId: `tnd_export_${suffix}`,
    supplierName: 'Export Volume Ltd',
    supplierCountry: 'GB',
    supplierKey: `export volume|GB|${suffix}`,
    status: 'awaiting_declaration',
    stage: 'declaration',
    startedBy: 'buyer.bea',
    policyId: 'uk-local-authority',
    policyVersion: 1,
    invitationExpiresAt: new Date(startMs + 86_400_000),
  });
  const rows = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event = {
      screeningId: id,
      seq,
      eventKey: `${String(seq).padStart(4, '0')}:test.reminder`,
      occurredAt: new Date(startMs + seq * 1000).toISOString(),
      actor: { id: 'system', role: 'system' },
      action: 'test.reminder',
      data: { n: seq },
    };
    const hash = hashAuditEvent(prevHash, event);
    rows.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  await db.query(
    `INSERT INTO audit_events (screening_id, seq, event_key, occurred_at, actor_id, actor_role, action, data, prev_hash, hash)
     SELECT r.screening_id, r.seq, r.event_key, r.occurred_at, r.actor_id, r.actor_role, r.action, r.data, r.prev_hash, r.hash
       FROM jsonb_to_recordset($1::jsonb) AS r(screening_id text, seq int, event_key text, occurred_at timestamptz,
            actor_id text, actor_role text, action text, data jsonb, prev_hash text, hash text)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          screening_id: r.screeningId,
          seq: r.seq,
          event_key: r.eventKey,
          occurred_at: r.occurredAt,
          actor_id: r.actor.id,
          actor_role: r.actor.role,
          action: r.action,
          data: r.data,
          prev_hash: r.prevHash,
          hash: r.hash,
        })),
      ),
    ],
  );
  await db.query(`UPDATE screenings SET audit_head_hash = $2 WHERE id = $1`, [id, prevHash]);
  return id;
}
