// The audit trail on a real PostgreSQL: what the database itself refuses (grants for the service's
// runtime role, the trigger for everyone), exactly-once appends, and what verification catches.
import { randomBytes } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource, ScreeningRepository, TenderRepository } from '../../persistence/src/index.js';
import {
  RUNTIME_ROLE_SETTING,
  RuntimeRoleGrants1796021942714,
} from '../../persistence/src/migrations/1796021942714-runtime-role-grants.js';
import { grantMonitoringTables } from '../../persistence/src/migrations/1796700000000-monitoring-alerts.js';
import {
  AuditEventRepository,
  AuditTrailSealedError,
  type AppendAuditEvent,
} from './audit-event.repository.js';
import { SEAL_ACTION } from './hash-chain.js';
import { AuditTrailVerifier } from './trail-verifier.js';

const INSUFFICIENT_PRIVILEGE = '42501';

describe('the audit trail in PostgreSQL', () => {
  let superuser: DataSource;
  let runtime: DataSource;
  const role = `audit_runtime_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    superuser = await createDataSource(process.env.TEST_DATABASE_URL!, { logging: false }).initialize();
    const password = randomBytes(12).toString('hex');
    await superuser.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOINHERIT PASSWORD '${password}'`);
    // The grants migration ran at setup for the default role name; run it again for this test's role,
    // named through the same setting an operator would use.
    await withTransaction(superuser, async (q) => {
      await q.query(`SELECT set_config($1, $2, true)`, [RUNTIME_ROLE_SETTING, role]);
      await new RuntimeRoleGrants1796021942714().up(q);
      await grantMonitoringTables(q);
    });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.password = password;
    runtime = await createDataSource(url.toString(), { logging: false }).initialize();
  });

  afterAll(async () => {
    await runtime?.destroy();
    await superuser.query(`DROP OWNED BY ${role}`);
    await superuser.query(`DROP ROLE ${role}`);
    await superuser.destroy();
  });

  async function newScreening(db: DataSource = superuser): Promise<string> {
    const suffix = randomBytes(6).toString('hex');
    await new TenderRepository(db).insert({
      id: `tnd_audit_${suffix}`,
      reference: `audit-int-${suffix}`,
      title: 'Audit trail test tender',
      buyerName: 'Example Borough Council',
      buyerType: 'local_authority',
      policyId: 'uk-local-authority',
      createdBy: 'buyer.bob',
    });
    const { screening } = await new ScreeningRepository(db).insertOrGetExisting({
      id: `scr_audit_${suffix}`,
      tenderId: `tnd_audit_${suffix}`,
      supplierName: 'Acme Security Systems Ltd',
      supplierCountry: 'GB',
      supplierKey: `acme security systems|GB|${suffix}`,
      status: 'awaiting_declaration',
      stage: 'declaration',
      startedBy: 'buyer.bob',
      policyId: 'uk-local-authority',
      policyVersion: 1,
      invitationExpiresAt: new Date(Date.now() + 86_400_000),
    });
    return screening.id;
  }

  function event(screeningId: string, step: number, action = 'test.step'): AppendAuditEvent {
    return {
      screeningId,
      eventKey: `${String(step).padStart(4, '0')}:${action}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, step)).toISOString(),
      actor: { userId: 'system', role: 'system' },
      action,
      data: { step, note: `step ${step}` },
    };
  }

  describe("the service's runtime role", () => {
    it('appends events through the repository (insert, lock the screening, move the head hash)', async () => {
      const id = await newScreening(runtime);
      const sut = new AuditEventRepository(runtime);
      await sut.append(event(id, 1));
      const second = await sut.append(event(id, 2));
      expect(second).toMatchObject({ seq: 2, created: true });
      expect(await new AuditTrailVerifier(sut).verify(id)).toMatchObject({
        valid: true,
        events: 2,
        headHash: second.hash,
      });
    });

    it('may acknowledge a monitoring alert but never delete one', async () => {
      await expect(
        runtime.query(`UPDATE monitoring_alerts SET acknowledged_by = 'x' WHERE false`),
      ).resolves.toBeDefined();
      await expect(runtime.query(`DELETE FROM monitoring_alerts WHERE false`)).rejects.toMatchObject({
        code: INSUFFICIENT_PRIVILEGE,
        message: expect.stringContaining('permission denied for table monitoring_alerts'),
      });
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET action = 'decision.approve' WHERE screening_id = $1`],
      ['DELETE', `DELETE FROM audit_events WHERE screening_id = $1`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('is refused %s on audit_events by the database (permission denied)', async (_op, sql) => {
      const id = await newScreening();
      await new AuditEventRepository(superuser).append(event(id, 1));
      const params = sql.includes('$1') ? [id] : [];
      await expect(runtime.query(sql, params)).rejects.toMatchObject({
        code: INSUFFICIENT_PRIVILEGE,
        message: expect.stringContaining('permission denied for table audit_events'),
      });
      expect(await new AuditEventRepository(superuser).list(id)).toHaveLength(1);
    });

    it('cannot write the migrations table, but reads it', async () => {
      await expect(runtime.query(`DELETE FROM schema_migrations`)).rejects.toMatchObject({
        code: INSUFFICIENT_PRIVILEGE,
      });
      expect((await runtime.query(`SELECT count(*)::int AS n FROM schema_migrations`))[0].n).toBeGreaterThan(
        0,
      );
    });

    it('reads and writes a table a later migration creates (default privileges)', async () => {
      const table = `audit_later_${randomBytes(3).toString('hex')}`;
      await superuser.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, note text NOT NULL)`);
      try {
        await runtime.query(`INSERT INTO ${table} (note) VALUES ('x')`);
        await runtime.query(`UPDATE ${table} SET note = 'y'`);
        expect(await runtime.query(`SELECT note FROM ${table}`)).toEqual([{ note: 'y' }]);
      } finally {
        await superuser.query(`DROP TABLE ${table}`);
      }
    });
  });

  describe('a superuser', () => {
    it.each([
      ['UPDATE', `UPDATE audit_events SET data = '{}' WHERE screening_id = $1`],
      ['DELETE', `DELETE FROM audit_events WHERE screening_id = $1`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('is refused %s by the append-only trigger', async (op, sql) => {
      const id = await newScreening();
      await new AuditEventRepository(superuser).append(event(id, 1));
      await expect(superuser.query(sql, sql.includes('$1') ? [id] : [])).rejects.toMatchObject({
        message: `audit_events is append-only: ${op} refused`,
      });
    });
  });

  describe('appending', () => {
    it('writes an event once when an activity retries after its insert', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      const first = await sut.append(event(id, 1));
      const retried = await sut.append({ ...event(id, 1), occurredAt: new Date().toISOString() });
      expect(retried).toEqual({ seq: 1, hash: first.hash, created: false });
      expect(await sut.list(id)).toHaveLength(1);
    });

    it('gives concurrent appends distinct, gapless sequence numbers', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      await Promise.all([1, 2, 3, 4, 5, 6].map((step) => sut.append(event(id, step))));
      expect((await sut.list(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await new AuditTrailVerifier(sut).verify(id)).toMatchObject({ valid: true, events: 6 });
    });

    it('refuses anything after the final seal, but a retried seal is still a no-op', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      await sut.append(event(id, 1, 'screening.started'));
      const seal = await sut.append(event(id, 2, SEAL_ACTION));
      await expect(sut.append(event(id, 3, 'decision.approve'))).rejects.toBeInstanceOf(
        AuditTrailSealedError,
      );
      expect(await sut.append(event(id, 2, SEAL_ACTION))).toEqual({ ...seal, created: false });
      expect(await new AuditTrailVerifier(sut).verify(id)).toMatchObject({
        valid: true,
        sealed: true,
        headHash: seal.hash,
      });
    });

    it('accepts monitoring events after the seal, and nothing else behind them', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      await sut.append(event(id, 1, 'screening.started'));
      const seal = await sut.append(event(id, 2, SEAL_ACTION));
      const alert = await sut.append(event(id, 3, 'monitoring.alert_raised'));
      expect(alert).toMatchObject({ seq: 3, created: true });
      await expect(sut.append(event(id, 4, 'decision.approve'))).rejects.toBeInstanceOf(
        AuditTrailSealedError,
      );
      expect(await new AuditTrailVerifier(sut).verify(id)).toMatchObject({
        valid: true,
        events: 3,
        sealed: true,
        sealHash: seal.hash,
        headHash: alert.hash,
      });
    });
  });

  describe('appending several events of one step', () => {
    it('chains them in order under one lock and moves the head hash to the last', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      await sut.append(event(id, 1));
      const appended = await sut.appendAll(id, [event(id, 2), event(id, 3), event(id, 4)]);
      expect(appended.map((e) => [e.seq, e.created])).toEqual([
        [2, true],
        [3, true],
        [4, true],
      ]);
      expect(await new AuditTrailVerifier(sut).verify(id)).toMatchObject({
        valid: true,
        events: 4,
        headHash: appended[2]!.hash,
      });
    });

    it('writes nothing twice when the step is retried', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      const first = await sut.appendAll(id, [event(id, 1), event(id, 2)]);
      const retried = await sut.appendAll(id, [event(id, 1), event(id, 2)]);
      expect(retried).toEqual(first.map((e) => ({ ...e, created: false })));
      expect(await sut.list(id)).toHaveLength(2);
    });

    it('may end with the seal, but refuses the whole step when anything follows it', async () => {
      const id = await newScreening();
      const sut = new AuditEventRepository(superuser);
      await sut.appendAll(id, [event(id, 1, 'decision.approved_by_policy'), event(id, 2, SEAL_ACTION)]);
      await expect(
        sut.appendAll(id, [event(id, 3, 'monitoring.alert_raised'), event(id, 4, 'decision.approve')]),
      ).rejects.toBeInstanceOf(AuditTrailSealedError);
      const other = await newScreening();
      await expect(
        sut.appendAll(other, [event(other, 1, SEAL_ACTION), event(other, 2, 'decision.approve')]),
      ).rejects.toBeInstanceOf(AuditTrailSealedError);
      expect(await sut.list(other)).toHaveLength(0);
      expect(await sut.list(id)).toHaveLength(2);
    });

    it("refuses another screening's event", async () => {
      const id = await newScreening();
      await expect(
        new AuditEventRepository(superuser).appendAll(id, [event(id, 1), event('scr_other', 2)]),
      ).rejects.toThrow('appendAll takes the events of one screening');
    });
  });

  describe('verification of a stored trail', () => {
    let sut: AuditTrailVerifier;
    beforeAll(() => {
      sut = new AuditTrailVerifier(new AuditEventRepository(superuser));
    });

    async function trailOf(count: number): Promise<string> {
      const id = await newScreening();
      const events = new AuditEventRepository(superuser);
      for (let step = 1; step <= count; step++) await events.append(event(id, step));
      return id;
    }

    it('pinpoints an event deleted from the middle', async () => {
      const id = await trailOf(4);
      await bypassingTrigger(superuser, (q) =>
        q.query(`DELETE FROM audit_events WHERE screening_id = $1 AND seq = 2`, [id]),
      );
      expect(await sut.verify(id)).toMatchObject({
        valid: false,
        events: 3,
        brokenAt: { seq: 2, reason: 'event 2 is missing: the next stored event is 3' },
      });
    });

    it('detects the last event deleted (the head hash no longer matches)', async () => {
      const id = await trailOf(3);
      await bypassingTrigger(superuser, (q) =>
        q.query(`DELETE FROM audit_events WHERE screening_id = $1 AND seq = 3`, [id]),
      );
      expect(await sut.verify(id)).toMatchObject({ valid: false, events: 2, brokenAt: { seq: 3 } });
    });

    it('answers null for an unknown screening, and valid for one with no events yet', async () => {
      expect(await sut.verify('scr_does_not_exist')).toBeNull();
      expect(await sut.verify(await newScreening())).toMatchObject({
        valid: true,
        events: 0,
        headHash: null,
      });
    });

    it('verifies every trail, page by page', async () => {
      const ids = [await trailOf(2), await trailOf(1)];
      const seen: string[] = [];
      for await (const result of sut.verifyAll(1))
        if (ids.includes(result.screeningId)) seen.push(result.screeningId);
      expect(seen.sort()).toEqual([...ids].sort());
    });
  });

  describe('the period export', () => {
    it('streams every event of the period once, in time order, across batches', async () => {
      const id = await newScreening();
      const events = new AuditEventRepository(superuser);
      const base = Date.UTC(1999, 0, 1);
      for (let i = 0; i < 7; i++) {
        await events.append({ ...event(id, i + 1), occurredAt: new Date(base + i * 60_000).toISOString() });
      }
      const batches: number[][] = [];
      for await (const batch of events.eventsInPeriod(
        new Date(base + 60_000),
        new Date(base + 6 * 60_000),
        2,
      )) {
        batches.push(batch.map((e) => e.seq));
      }
      expect(batches).toEqual([[2, 3], [4, 5], [6]]);
    });
  });
});

async function withTransaction<T>(db: DataSource, work: (q: QueryRunner) => Promise<T>): Promise<T> {
  const q = db.createQueryRunner();
  await q.connect();
  await q.startTransaction();
  try {
    const result = await work(q);
    await q.commitTransaction();
    return result;
  } catch (error) {
    await q.rollbackTransaction();
    throw error;
  } finally {
    await q.release();
  }
}

/** Tampering as a superuser must first disable the trigger; inside one transaction nobody else sees it off. */
function bypassingTrigger(db: DataSource, tamper: (q: QueryRunner) => Promise<unknown>): Promise<unknown> {
  return withTransaction(db, async (q) => {
    await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await tamper(q);
    await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
}
