import type { AuditEventEntity } from '../../../../libs/persistence/src/index.js';

/**
 * One audit event as the API shows it. `eventKey` and `at` are hashed too (as `eventKey` and
 * `occurredAt`, the actor as `{ id, role }`): docs/audit.md shows how to recompute a hash.
 */
export function presentAuditEvent(e: AuditEventEntity) {
  return {
    seq: e.seq,
    eventKey: e.eventKey,
    at: e.occurredAt.toISOString(),
    actor: { userId: e.actorId, role: e.actorRole },
    action: e.action,
    data: e.data,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
