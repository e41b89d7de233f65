import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import {
  scoreFindings,
  validatePolicy,
  type PolicyDocument,
  type PolicyError,
} from '../../../../libs/domain/src/policy/index.js';
import {
  PolicyRepository,
  SimulationRepository,
  type SimulationFilter,
} from '../../../../libs/persistence/src/index.js';
import { applyDismissals } from '../../../../libs/reference-data/src/matching/index.js';
import { SIMULATION_DEFAULT_LIMIT, type SimulatePolicyDto } from './dtos/simulate-policy.dto.js';
import { PolicyException, PolicyExceptionCode } from './policy.exception.js';
import {
  compareSimulation,
  type SimulatedScreening,
  type SimulationComparison,
} from './policy-simulation.js';

const SCORING_BATCH = 200;

export interface SimulationReport extends SimulationComparison {
  policy: { id: string; latestVersion: number; draftVersion: number };
  /** More screenings matched than the filter's limit; only the newest `limit` were re-scored. */
  truncated: boolean;
}

/**
 * What-if: re-scores the stored findings of past screenings under a draft policy and reports what
 * would change. Reads only (the repository runs a READ ONLY transaction); no decision, assessment or
 * audit event is touched, and the draft is not published.
 */
@Injectable()
export class PolicySimulationService {
  constructor(
    @Inject(PolicyRepository) private readonly policies: PolicyRepository,
    @Inject(SimulationRepository) private readonly simulation: SimulationRepository,
  ) {}

  async simulate(policyId: string, dto: SimulatePolicyDto): Promise<SimulationReport> {
    const filter = simulationFilter(dto.filter);
    const latest = await this.policies.latest(policyId);
    if (!latest) {
      throw new PolicyException(
        PolicyExceptionCode.NotFound,
        `No published policy "${policyId}" to simulate against; GET /v1/policies lists them.`,
      );
    }
    const draft = validDraft(dto.draft, policyId, latest.version + 1);
    const { screenings, truncated } = await this.simulation.latestAssessments(policyId, filter);
    const simulated: SimulatedScreening[] = [];
    for (const [index, screening] of screenings.entries()) {
      // Scoring takes a fraction of a millisecond per screening; up to 5000 of them would hold the
      // event loop for seconds, so let other requests through between batches.
      if (index > 0 && index % SCORING_BATCH === 0) await yieldToEventLoop();
      simulated.push({
        screeningId: screening.screeningId,
        tenderId: screening.tenderId,
        before: screening.stored,
        // The same inputs the worker used (findings of that round, tender, reference-data version);
        // only the policy differs, so every difference is the draft's doing.
        // Dismissed name hits do not score, as when the worker assessed them.
        after: scoreFindings(
          applyDismissals(screening.findings, screening.dismissals),
          draft,
          screening.tender,
          screening.referenceDataVersion,
        ),
      });
    }
    const comparison = compareSimulation(simulated);
    return {
      policy: { id: policyId, latestVersion: latest.version, draftVersion: draft.version },
      ...comparison,
      truncated,
    };
  }
}

/** The draft as a policy; id and version may be left out (they default to this policy's next version). */
function validDraft(draft: Record<string, unknown>, policyId: string, nextVersion: number): PolicyDocument {
  const errors: PolicyError[] = [];
  if (draft.id !== undefined && draft.id !== policyId) {
    errors.push({
      path: 'draft.id',
      message: `must be "${policyId}" (the policy in the path) or left out`,
    });
  }
  const validation = validatePolicy({ ...draft, id: policyId, version: draft.version ?? nextVersion });
  if (!validation.ok) errors.push(...validation.errors.map(underDraft));
  if (errors.length > 0 || !validation.ok) throw PolicyException.invalidDocument('draft', errors);
  return validation.policy;
}

function underDraft(error: PolicyError): PolicyError {
  const path = error.path === '(document)' ? 'draft' : `draft.${error.path}`;
  return { path, message: error.message };
}

function simulationFilter(filter: SimulatePolicyDto['filter']): SimulationFilter {
  const from = filter?.from === undefined ? undefined : new Date(filter.from);
  const to = filter?.to === undefined ? undefined : new Date(filter.to);
  if (from && to && from.getTime() >= to.getTime()) {
    throw new BadRequestException({
      message: 'filter.to: must be after filter.from',
      details: [{ field: 'filter.to', messages: ['must be after filter.from'] }],
    });
  }
  return {
    tenderId: filter?.tenderId,
    status: filter?.status,
    from,
    to,
    limit: filter?.limit ?? SIMULATION_DEFAULT_LIMIT,
  };
}
