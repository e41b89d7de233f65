// Verifies a screening's audit trail as stored: the hash chain, and that the head hash kept on the
// screening row is the hash of the last event. Shared by the API and `npm run audit:verify`.
import type { AuditEventEntity } from '../../persistence/src/index.js';
import { toChainLink, type AuditEventRepository } from './audit-event.repository.js';
import { verifyChain, type ChainVerification } from './hash-chain.js';

export interface TrailVerification extends ChainVerification {
  screeningId: string;
  /** The head hash the screening row keeps: after the seal, the trail's final hash. */
  headHash: string | null;
}

export class AuditTrailVerifier {
  constructor(private readonly events: AuditEventRepository) {}

  /** Null when there is no such screening. */
  async verify(screeningId: string): Promise<TrailVerification | null> {
    return (await this.inspect(screeningId))?.verification ?? null;
  }

  /** The verification together with the very events it verified (one snapshot), for reports. */
  async inspect(
    screeningId: string,
  ): Promise<{ verification: TrailVerification; events: AuditEventEntity[] } | null> {
    const trail = await this.events.anchoredTrail(screeningId);
    if (!trail) return null;
    const result = verifyChain(trail.events.map(toChainLink), { headHash: trail.headHash });
    return { verification: { screeningId, headHash: trail.headHash, ...result }, events: trail.events };
  }

  /** Every screening's trail, one at a time, in id order. */
  async *verifyAll(pageSize = 200): AsyncGenerator<TrailVerification> {
    let after: string | null = null;
    for (;;) {
      const ids = await this.events.screeningIdsAfter(after, pageSize);
      for (const id of ids) {
        const result = await this.verify(id);
        if (result) yield result;
      }
      if (ids.length < pageSize) return;
      after = ids[ids.length - 1];
    }
  }
}
