import { ApplicationFailure } from '@temporalio/activity';
import type { AssessRiskInput, RiskAssessment } from '../../../../libs/contracts/src/index.js';
import { parsePolicy, scoreFindings } from '../../../../libs/domain/src/policy/index.js';
import type { PolicyRepository } from '../../../../libs/persistence/src/index.js';

/** Scores a round's findings under the exact policy version the screening pinned at start. */
export class RiskAssessmentService {
  constructor(private readonly policies: PolicyRepository) {}

  async assess(input: AssessRiskInput): Promise<RiskAssessment> {
    const stored = await this.policies.find(input.policy.id, input.policy.version);
    if (!stored) {
      // Retrying cannot make a missing policy version appear: fail the activity for good.
      throw ApplicationFailure.nonRetryable(
        `Policy ${input.policy.id} v${input.policy.version} is not published`,
        'PolicyNotFound',
      );
    }
    const policy = parsePolicy(stored.document);
    const active = input.findings.filter((f) => !f.dismissed);
    return scoreFindings(active, policy, input.tender, input.referenceDataVersion);
  }
}
