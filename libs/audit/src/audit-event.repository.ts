// Appends to and reads the audit trail. Appending locks the screening row, so two writers never take the
// same sequence number, returns the stored event when its key was written before (an activity retry),
// and keeps the screening's head hash on the last event so a removed tail is detectable.
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity, ScreeningEntity } from '../../persistence/src/index.js';
import { GENESIS_HASH, hashAuditEvent, mayFollowSeal, SEAL_ACTION, type ChainLink } from './hash-chain.js';

export interface AppendAuditEvent {
  screeningId: string;
  eventKey: string;
  occurredAt: string;
  actor: { userId: string; role: string };
  action: string;
  data: Record<string, unknown>;
}

/** A screening's events and its head hash, read in one snapshot. */
export interface AnchoredTrail {
  headHash: string | null;
  events: AuditEventEntity[];
}

/** One exported event: every hashed field, so the export can be verified without the database. */
export interface ExportedAuditEvent {
  screeningId: string;
  seq: number;
  eventKey: string;
  at: string;
  actor: { userId: string; role: string };
  action: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export class AuditTrailSealedError extends Error {
  constructor(screeningId: string, action: string) {
    super(`audit: the trail of ${screeningId} is sealed (${SEAL_ACTION}); refusing to append ${action}`);
    this.name = 'AuditTrailSealedError';
  }
}

interface ExportRow {
  id: string;
  screening_id: string;
  seq: number;
  event_key: string;
  occurred_at: Date;
  cursor_at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** The chain's last event, as the append reads it. */
interface ChainTip {
  seq: number;
  hash: string;
  action: string;
  eventKey: string;
}

export class AuditEventRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends the event unless its key is stored already. With `manager`, inside the caller's transaction
   * (the event is written exactly when what it records is); otherwise in a transaction of its own.
   */
  async append(
    event: AppendAuditEvent,
    manager?: EntityManager,
  ): Promise<{ seq: number; hash: string; created: boolean }> {
    const [appended] = await this.appendAll(event.screeningId, [event], manager);
    return appended!;
  }

  /**
   * Appends one screening's events in order, each unless its key is stored already: one lock of the chain
   * and one insert for them all, so a step that records several events costs what one did.
   */
  async appendAll(
    screeningId: string,
    events: readonly AppendAuditEvent[],
    manager?: EntityManager,
  ): Promise<{ seq: number; hash: string; created: boolean }[]> {
    if (events.some((event) => event.screeningId !== screeningId))
      throw new Error(`audit: appendAll takes the events of one screening (${screeningId})`);
    const append = async (tx: EntityManager) => {
      // The screening row's lock serialises appends to one chain. The hot path of every workflow step,
      // so plain statements: the lock; these keys' events (a retry) and the chain's last event; the write.
      const locked: unknown[] = await tx.query('SELECT 1 FROM screenings WHERE id = $1 FOR UPDATE', [
        screeningId,
      ]);
      if (locked.length === 0) throw new Error(`audit: screening ${screeningId} does not exist`);
      const found: ChainTip[] = await tx.query(
        `SELECT seq, hash, action, event_key AS "eventKey" FROM audit_events
          WHERE screening_id = $1
            AND (event_key = ANY($2) OR seq = (SELECT max(seq) FROM audit_events WHERE screening_id = $1))
          ORDER BY seq DESC`,
        [screeningId, events.map((event) => event.eventKey)],
      );
      const stored = new Map(found.map((row) => [row.eventKey, row]));
      let last: ChainTip | null = found[0] ?? null;
      // Read once, only when an event needs it; a seal written earlier in this batch counts too.
      let sealedBefore: boolean | null = null;
      const results: { seq: number; hash: string; created: boolean }[] = [];
      const rows: AuditRow[] = [];
      for (const event of events) {
        const existing = stored.get(event.eventKey);
        if (existing) {
          results.push({ seq: existing.seq, hash: existing.hash, created: false });
          continue;
        }
        if (!mayFollowSeal(event.action)) {
          sealedBefore ??= await this.isSealed(tx, screeningId, found[0] ?? null);
          if (sealedBefore || last?.action === SEAL_ACTION) {
            throw new AuditTrailSealedError(screeningId, event.action);
          }
        }
        const row = chainedRow(event, last);
        rows.push(row);
        last = { seq: row.seq, hash: row.hash, action: event.action, eventKey: event.eventKey };
        results.push({ seq: row.seq, hash: row.hash, created: true });
      }
      if (rows.length > 0) await insertRows(tx, screeningId, rows);
      return results;
    };
    return manager ? append(manager) : this.db.transaction(append);
  }

  /** The seal is the last event, or monitoring events follow it. */
  private async isSealed(tx: EntityManager, screeningId: string, last: ChainTip | null): Promise<boolean> {
    if (!last) return false;
    if (last.action === SEAL_ACTION) return true;
    if (!mayFollowSeal(last.action)) return false;
    return tx.getRepository(AuditEventEntity).exists({ where: { screeningId, action: SEAL_ACTION } });
  }

  list(screeningId: string): Promise<AuditEventEntity[]> {
    return this.db.getRepository(AuditEventEntity).find({ where: { screeningId }, order: { seq: 'ASC' } });
  }

  async chain(screeningId: string): Promise<ChainLink[]> {
    return (await this.list(screeningId)).map(toChainLink);
  }

  /**
   * The events and the head hash in one REPEATABLE READ snapshot, so an event appended meanwhile is
   * either in both or in neither. Null when the screening does not exist.
   */
  anchoredTrail(screeningId: string): Promise<AnchoredTrail | null> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const screening = await tx
        .getRepository(ScreeningEntity)
        .findOne({ where: { id: screeningId }, select: { id: true, auditHeadHash: true } });
      if (!screening) return null;
      const events = await tx
        .getRepository(AuditEventEntity)
        .find({ where: { screeningId }, order: { seq: 'ASC' } });
      return { headHash: screening.auditHeadHash, events };
    });
  }

  /** Screening ids in id order, a page at a time (keyset), for verifying every trail. */
  async screeningIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const query = this.db
      .getRepository(ScreeningEntity)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .orderBy('s.id', 'ASC')
      .limit(limit);
    if (afterId !== null) query.where('s.id > :afterId', { afterId });
    return (await query.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /**
   * Every event with from <= occurred_at < to, in (occurred_at, id) order, a batch at a time: keyset
   * pages inside one REPEATABLE READ transaction, so memory stays constant and the export is one
   * consistent snapshot. Stopping the iteration ends the transaction.
   */
  async *eventsInPeriod(from: Date, to: Date, batchSize = 500): AsyncGenerator<ExportedAuditEvent[]> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      // The cursor keeps PostgreSQL's microseconds: a JS Date would round them and skip or repeat rows.
      let cursor: { at: string; id: string } | null = null;
      for (;;) {
        // The lower bound moves with the cursor, so each page's index range starts where the last ended
        // (a fixed lower bound plus a row comparison would rescan the period from its start every page).
        const rows: ExportRow[] = await runner.query(
          `SELECT id, screening_id, seq, event_key, occurred_at,
                  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
                  actor_id, actor_role, action, data, prev_hash, hash
             FROM audit_events
            WHERE occurred_at >= $1::timestamptz AND occurred_at < $2::timestamptz
              ${cursor ? 'AND (occurred_at, id) > ($1::timestamptz, $4::bigint)' : ''}
            ORDER BY occurred_at, id
            LIMIT $3`,
          cursor
            ? [cursor.at, to.toISOString(), batchSize, cursor.id]
            : [from.toISOString(), to.toISOString(), batchSize],
        );
        if (rows.length === 0) break;
        yield rows.map(toExportedEvent);
        if (rows.length < batchSize) break;
        const last = rows[rows.length - 1];
        cursor = { at: last.cursor_at, id: last.id };
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}

export function toChainLink(row: AuditEventEntity): ChainLink {
  return {
    screeningId: row.screeningId,
    seq: row.seq,
    eventKey: row.eventKey,
    occurredAt: row.occurredAt.toISOString(),
    actor: { id: row.actorId, role: row.actorRole },
    action: row.action,
    data: row.data as Record<string, unknown>,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function toExportedEvent(row: ExportRow): ExportedAuditEvent {
  return {
    screeningId: row.screening_id,
    seq: row.seq,
    eventKey: row.event_key,
    at: new Date(row.occurred_at).toISOString(),
    actor: { userId: row.actor_id, role: row.actor_role },
    action: row.action,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** An event ready to insert: its place in the chain and its hash. */
interface AuditRow {
  seq: number;
  eventKey: string;
  occurredAt: string;
  actorId: string;
  actorRole: string;
  action: string;
  data: string;
  prevHash: string;
  hash: string;
}

function chainedRow(event: AppendAuditEvent, last: ChainTip | null): AuditRow {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date(event.occurredAt).toISOString();
  const hash = hashAuditEvent(prevHash, {
    screeningId: event.screeningId,
    seq,
    eventKey: event.eventKey,
    occurredAt,
    actor: { id: event.actor.userId, role: event.actor.role },
    action: event.action,
    data: event.data,
  });
  return {
    seq,
    eventKey: event.eventKey,
    occurredAt,
    actorId: event.actor.userId,
    actorRole: event.actor.role,
    action: event.action,
    data: JSON.stringify(event.data),
    prevHash,
    hash,
  };
}

/** The events and the screening's head hash in one statement: one round trip however many events. */
async function insertRows(tx: EntityManager, screeningId: string, rows: readonly AuditRow[]): Promise<void> {
  const column = <K extends keyof AuditRow>(key: K) => rows.map((row) => row[key]);
  await tx.query(
    `WITH appended AS (
       INSERT INTO audit_events
              (screening_id, seq, event_key, occurred_at, actor_id, actor_role, action, data, prev_hash, hash)
       SELECT $1, r.seq, r.event_key, r.occurred_at, r.actor_id, r.actor_role, r.action, r.data::jsonb,
              r.prev_hash, r.hash
         FROM unnest($2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[])
              AS r(seq, event_key, occurred_at, actor_id, actor_role, action, data, prev_hash, hash)
       RETURNING seq, hash)
     UPDATE screenings SET audit_head_hash = (SELECT hash FROM appended ORDER BY seq DESC LIMIT 1),
            updated_at = now()
      WHERE id = $1`,
    [
      screeningId,
      column('seq'),
      column('eventKey'),
      column('occurredAt'),
      column('actorId'),
      column('actorRole'),
      column('action'),
      column('data'),
      column('prevHash'),
      column('hash'),
    ],
  );
}
