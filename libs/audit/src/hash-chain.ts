// The audit trail's hash chain. Each event's hash is SHA-256 over the previous event's hash, a newline,
// and the canonical JSON of the event's content (docs/audit.md); the first event links to GENESIS_HASH.
// Changing, removing or reordering any event breaks every hash from that event on; removing events from
// the end is caught by the head hash the screening row keeps (the anchor).
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The final seal: the last event of a closed screening's process. Only monitoring events may follow it.
 */
export const SEAL_ACTION = 'screening.closed';

/**
 * Continuous monitoring of a decided screening (an alert raised on newer reference data, its
 * acknowledgement) is recorded in the screening's own chain after the seal. Such events report on the
 * decision; they never change it, and nothing else may follow the seal.
 */
export const POST_SEAL_ACTION_PREFIX = 'monitoring.';

export function mayFollowSeal(action: string): boolean {
  return action.startsWith(POST_SEAL_ACTION_PREFIX);
}

/** What is hashed: everything an auditor relies on, nothing the database assigns (row ids). */
export interface HashedAuditEvent {
  screeningId: string;
  seq: number;
  eventKey: string;
  occurredAt: string;
  actor: { id: string; role: string };
  action: string;
  data: Record<string, unknown>;
}

export function hashAuditEvent(prevHash: string, event: HashedAuditEvent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(event)}`, 'utf8')
    .digest('hex');
}

export interface ChainLink extends HashedAuditEvent {
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  /** The first event that does not verify (or the first one missing), and why. */
  brokenAt?: { seq: number; reason: string };
  /** Hash of the last stored event; null for an empty trail. */
  lastHash: string | null;
  /** The trail holds the final seal (screening.closed), followed by monitoring events only. */
  sealed: boolean;
  /** Hash of the seal event: the decision's final hash, whatever monitoring appended after it. */
  sealHash: string | null;
}

/**
 * Recomputes the chain in sequence order and names the first event that breaks it. With `headHash`
 * (the hash the screening row keeps of its last event) it also detects events removed from the end.
 */
export function verifyChain(links: ChainLink[], anchor?: { headHash: string | null }): ChainVerification {
  const lastHash = links.at(-1)?.hash ?? null;
  const seal = links.find((link) => link.action === SEAL_ACTION);
  const sealed = seal !== undefined;
  const sealHash = seal?.hash ?? null;
  const broken = (seq: number, reason: string): ChainVerification => ({
    valid: false,
    events: links.length,
    brokenAt: { seq, reason },
    lastHash,
    sealed,
    sealHash,
  });
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let sealSeq: number | null = null;
  for (const link of links) {
    if (link.seq !== expectedSeq) {
      return broken(
        expectedSeq,
        link.seq > expectedSeq
          ? `event ${expectedSeq} is missing: the next stored event is ${link.seq}`
          : `event ${link.seq} is out of order after event ${expectedSeq - 1}`,
      );
    }
    if (link.prevHash !== prevHash) return broken(link.seq, 'prev_hash does not match the previous event');
    const { prevHash: _stored, hash: storedHash, ...content } = link;
    if (hashAuditEvent(prevHash, content) !== storedHash)
      return broken(link.seq, 'content does not match its hash');
    if (sealSeq !== null && !mayFollowSeal(link.action))
      return broken(
        link.seq,
        `event ${sealSeq} sealed the trail (${SEAL_ACTION}); only monitoring events may follow it, not ${link.action}`,
      );
    if (link.action === SEAL_ACTION && sealSeq === null) sealSeq = link.seq;
    prevHash = storedHash;
    expectedSeq += 1;
  }
  if (anchor && anchor.headHash !== lastHash) {
    const last = links.length;
    const anchoredAt = links.findIndex((l) => l.hash === anchor.headHash);
    if (anchoredAt >= 0) {
      return broken(
        anchoredAt + 2,
        `the screening's head hash is the hash of event ${anchoredAt + 1}: events after it were not appended by the service`,
      );
    }
    return broken(
      last + 1,
      anchor.headHash === null
        ? `the screening records no head hash but ${last} event(s) are stored`
        : `the screening's head hash ${anchor.headHash} is not the hash of the last stored event (${last === 0 ? 'none' : `event ${last}`}): events at the end were removed`,
    );
  }
  return { valid: true, events: links.length, lastHash, sealed, sealHash };
}
