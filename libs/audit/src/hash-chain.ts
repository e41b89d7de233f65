// The audit trail's hash chain. Each event's hash is SHA-256 over the previous event's hash, a newline,
// and the canonical JSON of the event's content; the first event links to GENESIS_HASH. Changing,
// removing or reordering any event breaks every hash from that event on.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

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
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(event)}`).digest('hex');
}

export interface ChainLink extends HashedAuditEvent {
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  /** The first event that does not verify, and why. */
  brokenAt?: { seq: number; reason: string };
  lastHash: string | null;
}

/** Recomputes the chain in sequence order and names the first event that breaks it. */
export function verifyChain(links: ChainLink[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const link of links) {
    const broken = (reason: string): ChainVerification => ({
      valid: false,
      events: links.length,
      brokenAt: { seq: link.seq, reason },
      lastHash: links.at(-1)?.hash ?? null,
    });
    if (link.seq !== expectedSeq) return broken(`expected event ${expectedSeq} but found ${link.seq}: an event is missing`);
    if (link.prevHash !== prevHash) return broken('prev_hash does not match the previous event');
    const { prevHash: _stored, hash: storedHash, ...content } = link;
    if (hashAuditEvent(prevHash, content) !== storedHash) return broken('content does not match its hash');
    prevHash = storedHash;
    expectedSeq += 1;
  }
  return { valid: true, events: links.length, lastHash: links.length ? prevHash : null };
}
