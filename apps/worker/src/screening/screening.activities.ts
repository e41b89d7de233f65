// The screening workflow's activities: a plain object of functions built from injected services, so
// tests can build it with real repositories and the worker with Nest providers.
import { createHash } from 'node:crypto';
import type { ScreeningActivities } from '../../../../libs/contracts/src/index.js';
import { canonicalJson, type AuditEventRepository } from '../../../../libs/audit/src/index.js';
import type { ScreeningRecordsRepository, ScreeningRepository } from '../../../../libs/persistence/src/index.js';
import type { ChecksService } from '../checks/checks.service.js';
import type { RiskAssessmentService } from '../risk/risk-assessment.service.js';

export interface ScreeningActivityDeps {
  audit: AuditEventRepository;
  screenings: ScreeningRepository;
  records: ScreeningRecordsRepository;
  checks: ChecksService;
  risk: RiskAssessmentService;
}

export function createScreeningActivities(deps: ScreeningActivityDeps): ScreeningActivities {
  return {
    async recordAuditEvent(input) {
      const { seq, hash } = await deps.audit.append(input);
      return { seq, hash };
    },

    async syncReadModel(snapshot) {
      await deps.screenings.applySnapshot(snapshot);
    },

    async saveDeclaration({ screeningId, revision, declaration, submittedAt }) {
      const digest = createHash('sha256').update(canonicalJson(declaration)).digest('hex');
      await deps.records.saveDeclaration(screeningId, revision, declaration, digest, new Date(submittedAt));
      return { digest };
    },

    async runChecks(input) {
      const result = await deps.checks.run(input);
      await deps.records.saveFindings(input.screeningId, input.round, result.findings);
      return result;
    },

    async assessRisk(input) {
      const risk = await deps.risk.assess(input);
      await deps.records.saveRiskAssessment(input.screeningId, input.round, risk);
      return risk;
    },

    async recordApproval({ screeningId, stepKey, approval }) {
      await deps.records.saveApproval(screeningId, stepKey, approval);
    },
  };
}
