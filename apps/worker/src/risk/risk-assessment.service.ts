import { ApplicationFailure } from '@temporalio/activity';
import type { AssessRiskInput, RiskAssessment } from '../../../../libs/contracts/src/index.js';
import { parsePolicy, scoreFindings, type PolicyDocument } from '../../../../libs/domain/src/policy/index.js';
import type { PolicyRepository } from '../../../../libs/persistence/src/index.js';
import { LruCache } from '../../../../libs/reference-data/src/matching/lru-cache.js';

/** Policy versions kept parsed; there are a handful in use at any time. */
const CACHED_POLICY_VERSIONS = 64;

/** Scores a round's findings under the exact policy version the screening pinned at start. */
export class RiskAssessmentService {
  /** A published version never changes (a change is the next version), so it is read and parsed once. */
  private readonly parsed = new LruCache<string, PolicyDocument>(CACHED_POLICY_VERSIONS);

  constructor(private readonly policies: PolicyRepository) {}

  async assess(input: AssessRiskInput): Promise<RiskAssessment> {
    const policy = await this.loadPolicy(input.policy);
    const active = input.findings.filter((f) => !f.dismissed);
    return scoreFindings(active, policy, input.tender, input.referenceDataVersion);
  }

  /** The exact published version a screening pinned; fails the activity for good when it is missing. */
  async loadPolicy(ref: { id: string; version: number }): Promise<PolicyDocument> {
    const key = `${ref.id}@${ref.version}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const stored = await this.policies.find(ref.id, ref.version);
    if (!stored) {
      // Retrying cannot make a missing policy version appear: fail the activity for good.
      throw ApplicationFailure.nonRetryable(
        `Policy ${ref.id} v${ref.version} is not published`,
        'PolicyNotFound',
      );
    }
    const policy = parsePolicy(stored.document);
    this.parsed.set(key, policy);
    return policy;
  }
}
