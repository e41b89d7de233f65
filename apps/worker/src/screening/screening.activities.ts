// The screening workflow's activities: a plain object of functions built from injected services, so
// tests can build it with real repositories and the worker with Nest providers.
import { createHash } from 'node:crypto';
import {
  findingsSummary,
  type AuditEventInput,
  type ScreeningActivities,
} from '../../../../libs/contracts/src/index.js';
import { canonicalJson, type AuditEventRepository } from '../../../../libs/audit/src/index.js';
import type {
  NotificationOutboxRepository,
  ScreeningAssignmentRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
} from '../../../../libs/persistence/src/index.js';
import type { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { applyDismissals } from '../../../../libs/reference-data/src/matching/index.js';
import type { ChecksService } from '../checks/checks.service.js';
import { createNotificationActivities } from '../notifications/notification.activities.js';
import type { RiskAssessmentService } from '../risk/risk-assessment.service.js';

export interface ScreeningActivityDeps {
  audit: AuditEventRepository;
  screenings: ScreeningRepository;
  records: ScreeningRecordsRepository;
  checks: ChecksService;
  risk: RiskAssessmentService;
  assignments: ScreeningAssignmentRepository;
  outbox: NotificationOutboxRepository;
  dismissals: FindingDismissalRepository;
}

export function createScreeningActivities(deps: ScreeningActivityDeps): ScreeningActivities {
  const activities: ScreeningActivities = {
    ...createNotificationActivities(deps),

    async recordAuditEvent(input) {
      const { seq, hash } = await deps.audit.append(input);
      return { seq, hash };
    },

    async syncReadModel(snapshot) {
      await deps.screenings.applySnapshot(snapshot);
      await deps.assignments.apply(snapshot.screeningId, snapshot.stateVersion, snapshot.waitingFor);
    },

    async loadPolicyRules(policy) {
      return deps.risk.loadPolicy(policy);
    },

    async saveDeclaration({ screeningId, revision, declaration, submittedAt }) {
      const digest = createHash('sha256').update(canonicalJson(declaration)).digest('hex');
      await deps.records.saveDeclaration(screeningId, revision, declaration, digest, new Date(submittedAt));
      return { digest };
    },

    async currentReferenceDataVersion() {
      return deps.checks.currentReferenceDataVersion();
    },

    async runCheck(input) {
      return deps.checks.run(input);
    },

    async runChecks({ checks, readModel, ...round }) {
      if (readModel) await activities.syncReadModel(readModel);
      const referenceDataVersion = await deps.checks.currentReferenceDataVersion();
      const findings = await Promise.all(
        checks.map((check) => deps.checks.run({ ...round, referenceDataVersion, check })),
      );
      return { referenceDataVersion, findings };
    },

    async recordFindings({ screeningId, round, findings }) {
      // Reviewers' dismissals hold across rounds: read them as the round's findings are recorded.
      const dismissals = await deps.dismissals.forScreening(screeningId);
      const ordered = applyDismissals(
        [...findings].sort((a, b) => a.key.localeCompare(b.key)),
        dismissals.map((d) => ({ ...d, by: d.dismissedBy, at: d.dismissedAt.toISOString() })),
      );
      await deps.records.saveFindings(screeningId, round, ordered);
      return ordered;
    },

    async assessRisk(input) {
      const risk = await deps.risk.assess(input);
      await deps.records.saveRiskAssessment(input.screeningId, input.round, risk);
      return risk;
    },

    async recordApproval({ screeningId, stepKey, approval }) {
      await deps.records.saveApproval(screeningId, stepKey, approval);
    },

    async recordStep({ declaration, approval, audits = [], readModel, notifications = [] }) {
      const digest = declaration ? (await activities.saveDeclaration(declaration)).digest : undefined;
      if (approval) await activities.recordApproval(approval);
      if (audits.length > 0) {
        const events = declaration ? withDigest(audits, declaration.digestInEvent, digest!) : audits;
        await deps.audit.appendAll(audits[0]!.screeningId, events);
      }
      if (readModel) await activities.syncReadModel(readModel);
      for (const notification of notifications) await activities.queueNotification(notification);
      return digest === undefined ? {} : { digest };
    },

    async openScreening({ policy, records }) {
      // The start is on record even when the policy turns out not to be published.
      await activities.recordStep(records);
      return deps.risk.loadPolicy(policy);
    },

    async assessRound({ findings, checksCompleted, risk }) {
      const recorded = await activities.recordFindings(findings);
      await deps.audit.append({
        ...checksCompleted,
        data: { ...checksCompleted.data, findings: findingsSummary(recorded) },
      });
      return { findings: recorded, risk: await activities.assessRisk({ ...risk, findings: recorded }) };
    },
  };
  return activities;
}

/** The step's audit events, the one that records a stored declaration given its digest. */
function withDigest(audits: readonly AuditEventInput[], eventKey: string, digest: string): AuditEventInput[] {
  return audits.map((event) =>
    event.eventKey === eventKey ? { ...event, data: { ...event.data, digest } } : event,
  );
}
