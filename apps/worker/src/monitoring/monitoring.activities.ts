// Continuous monitoring's activities: which approved screenings to re-check, and the re-check itself.
// A re-check runs the screening's five checks on its pinned declaration against the new reference-data
// version, scores them under its pinned policy version, and compares with the assessment it was
// approved (or last re-checked) on. The screening stays approved; a change raises an alert for people,
// written in one transaction with its notifications and its audit event.
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import { SEAL_ACTION, type AuditEventRepository } from '../../../../libs/audit/src/index.js';
import {
  CHECKS,
  type Finding,
  type RecheckOutcome,
  type ReferenceDataMonitoringActivities,
  type RiskBand,
  type RiskOutcome,
} from '../../../../libs/contracts/src/index.js';
import {
  compareAssessments,
  describeChanges,
  monitoredFinding,
  type AssessmentChanges,
  type MonitoredAssessment,
} from '../../../../libs/domain/src/monitoring/index.js';
import { tenderContextOf } from '../../../../libs/persistence/src/index.js';
import type {
  FindingEntity,
  MonitoringAlertEntity,
  MonitoringRepository,
  NotificationOutboxRepository,
  ScreeningEntity,
  ScreeningMonitoringEntity,
  ScreeningRecordsRepository,
  ScreeningRepository,
  TenderEntity,
  TenderRepository,
} from '../../../../libs/persistence/src/index.js';
import type { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { applyDismissals, type HitDismissal } from '../../../../libs/reference-data/src/matching/index.js';
import type { ChecksService } from '../checks/checks.service.js';
import type { RiskAssessmentService } from '../risk/risk-assessment.service.js';

export const ALERT_RAISED_ACTION = 'monitoring.alert_raised';
export const ALERT_NOTIFICATION_KIND = 'monitoring.alert_raised';
/** Who hears of an alert: the buyer who started the screening, and the reviewers' pool. */
const ALERT_AUDIENCES = ['buyer', 'reviewer'] as const;
/** A re-check is not one of the screening's checks rounds; checks take a round only for their records. */
const RECHECK_ROUND = 0;

export interface MonitoringActivityDeps {
  db: DataSource;
  monitoring: MonitoringRepository;
  screenings: ScreeningRepository;
  records: ScreeningRecordsRepository;
  tenders: TenderRepository;
  dismissals: FindingDismissalRepository;
  checks: ChecksService;
  risk: RiskAssessmentService;
  audit: AuditEventRepository;
  outbox: NotificationOutboxRepository;
}

export function createMonitoringActivities(deps: MonitoringActivityDeps): ReferenceDataMonitoringActivities {
  return {
    currentReferenceDataVersion: () => deps.checks.currentReferenceDataVersion(),

    approvedScreeningsToRecheck: ({ referenceDataVersion, afterScreeningId, limit }) =>
      deps.monitoring.approvedToRecheck({
        version: versionNumber(referenceDataVersion),
        afterScreeningId,
        limit,
        sealAction: SEAL_ACTION,
      }),

    recheckApprovedScreening: ({ screeningId, referenceDataVersion }) =>
      recheck(deps, screeningId, referenceDataVersion),
  };
}

async function recheck(
  deps: MonitoringActivityDeps,
  screeningId: string,
  referenceDataVersion: string,
): Promise<RecheckOutcome> {
  const version = versionNumber(referenceDataVersion);
  const skipped = (reason: string): RecheckOutcome => ({ result: 'skipped', reason });
  const screening = await deps.screenings.findById(screeningId);
  if (!screening) return skipped('no such screening');
  if (screening.status !== 'approved') return skipped(`the screening is ${screening.status}`);
  const [tender, declaration, lastCheck, dismissals] = await Promise.all([
    deps.tenders.findById(screening.tenderId),
    deps.records.latestDeclaration(screeningId),
    deps.monitoring.lastCheck(screeningId),
    hitDismissals(deps, screeningId),
  ]);
  if (!tender || !declaration) return skipped('the screening has no tender or no declaration');
  const previous = lastCheck
    ? assessmentOfCheck(lastCheck)
    : await approvedAssessment(deps, screening, dismissals);
  if (!previous) return skipped('the screening has no risk assessment on a known reference-data version');
  if (Number(previous.referenceDataVersion) >= version) {
    return skipped(`already assessed on reference-data version ${previous.referenceDataVersion}`);
  }

  const context = tenderContextOf(tender);
  const policy = { id: screening.policyId, version: screening.policyVersion };
  const perCheck = await Promise.all(
    CHECKS.map((check) =>
      deps.checks.run({
        check,
        screeningId,
        round: RECHECK_ROUND,
        tender: context,
        supplier: {
          name: screening.supplierName,
          country: screening.supplierCountry,
          identifiers: screening.supplierIdentifiers,
        },
        declaration: declaration.data,
        referenceDataVersion,
      }),
    ),
  );
  // Reviewers' dismissals hold here as in a checks round: a dismissed hit neither scores nor alerts.
  const findings = applyDismissals(sortByKey(perCheck.flat()), dismissals);
  const risk = await deps.risk.assess({
    screeningId,
    round: RECHECK_ROUND,
    tender: context,
    policy,
    findings,
    referenceDataVersion,
  });
  const current: MonitoredAssessment = {
    referenceDataVersion,
    findings,
    score: risk.score,
    band: risk.band,
    outcome: risk.outcome,
  };
  const check: ScreeningMonitoringEntity = {
    screeningId,
    referenceDataVersion: version,
    findings: findings.filter((f) => !f.dismissed).map(monitoredFinding),
    score: risk.score,
    band: risk.band,
    outcome: risk.outcome,
    checkedAt: new Date(),
  };
  const changes = compareAssessments(previous, current);
  if (!changes) {
    await deps.monitoring.saveCheck(check);
    return { result: 'unchanged' };
  }
  const alert = await deps.db.transaction((tx) =>
    raiseAlert(deps, tx, { screening, tender, changes, policy, check }),
  );
  return { result: 'alert_raised', alertId: alert.id };
}

interface AlertContext {
  screening: ScreeningEntity;
  tender: TenderEntity;
  changes: AssessmentChanges;
  policy: { id: string; version: number };
  check: ScreeningMonitoringEntity;
}

/**
 * The alert, its notifications, its audit event and the new baseline, all or nothing. The audit append
 * comes first: it locks the screening row, so concurrent writers to the same screening queue behind it.
 * Every write is idempotent on (screening, version), so a retry after a commit changes nothing.
 */
async function raiseAlert(
  deps: MonitoringActivityDeps,
  tx: EntityManager,
  { screening, tender, changes, policy, check }: AlertContext,
): Promise<MonitoringAlertEntity> {
  const { kind, referenceDataVersion: version, previousReferenceDataVersion, ...comparison } = changes;
  const alertId = `alr_${randomBytes(12).toString('base64url')}`;
  const summary = describeChanges(changes);
  const brief = (f: { key: string; code: string; check: string; subject: { name: string } }) => ({
    key: f.key,
    code: f.code,
    check: f.check,
    subject: f.subject.name,
  });
  await deps.audit.append(
    {
      screeningId: screening.id,
      eventKey: `monitor:${version}`,
      occurredAt: new Date().toISOString(),
      actor: { userId: 'system', role: 'system' },
      action: ALERT_RAISED_ACTION,
      data: {
        alertId,
        kind,
        referenceDataVersion: version,
        previousReferenceDataVersion,
        policy,
        outcome: changes.outcome,
        band: changes.band,
        score: changes.score,
        findingsAdded: changes.findingsAdded.map(brief),
        findingsRemoved: changes.findingsRemoved.map(brief),
      },
    },
    tx,
  );
  const { alert, created } = await deps.monitoring.insertAlert(
    {
      id: alertId,
      screeningId: screening.id,
      tenderId: screening.tenderId,
      referenceDataVersion: Number(version),
      previousReferenceDataVersion: Number(previousReferenceDataVersion),
      kind,
      summary,
      changes: { ...comparison, policy },
    },
    tx,
  );
  if (created) {
    for (const audience of ALERT_AUDIENCES) {
      await deps.outbox.enqueue(
        {
          screeningId: screening.id,
          key: `monitor:${version}:${audience}`,
          kind: ALERT_NOTIFICATION_KIND,
          audience,
          recipient: audience === 'buyer' ? `user:${screening.startedBy}` : `role:${audience}`,
          // What changed, in counts and levels: the findings themselves are read in the service.
          data: {
            screeningId: screening.id,
            tenderReference: tender.reference,
            alertId: alert.id,
            kind,
            referenceDataVersion: version,
            previousReferenceDataVersion,
            outcome: changes.outcome,
            band: changes.band,
            findingsAdded: changes.findingsAdded.length,
            findingsRemoved: changes.findingsRemoved.length,
          },
        },
        tx,
      );
    }
  }
  await deps.monitoring.saveCheck(check, tx);
  return alert;
}

/** The assessment the screening was approved on: its last checks round, with dismissals applied. */
async function approvedAssessment(
  deps: MonitoringActivityDeps,
  screening: ScreeningEntity,
  dismissals: HitDismissal[],
): Promise<MonitoredAssessment | null> {
  const risk = screening.risk;
  const version = risk?.referenceDataVersion ?? screening.referenceDataVersion;
  if (!risk || !version || !/^\d+$/.test(version)) return null;
  const rows = await deps.records.findingsOfLatestRound(screening.id);
  return {
    referenceDataVersion: version,
    findings: applyDismissals(sortByKey(rows.map(findingOfRow)), dismissals),
    score: risk.score,
    band: risk.band,
    outcome: risk.outcome,
  };
}

function assessmentOfCheck(check: ScreeningMonitoringEntity): MonitoredAssessment {
  return {
    referenceDataVersion: String(check.referenceDataVersion),
    findings: check.findings,
    score: check.score,
    band: check.band as RiskBand,
    outcome: check.outcome as RiskOutcome,
  };
}

async function hitDismissals(deps: MonitoringActivityDeps, screeningId: string): Promise<HitDismissal[]> {
  return (await deps.dismissals.forScreening(screeningId)).map((d) => ({
    entityExternalId: d.entityExternalId,
    subjectKey: d.subjectKey,
    by: d.dismissedBy,
    reason: d.reason,
    at: d.dismissedAt.toISOString(),
  }));
}

function findingOfRow(row: FindingEntity): Finding {
  return {
    key: row.key,
    check: row.check as Finding['check'],
    code: row.code,
    subject: row.subject as Finding['subject'],
    summary: row.summary,
    evidence: row.evidence,
    attributes: row.attributes as Record<string, unknown>,
  };
}

function sortByKey(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.key.localeCompare(b.key));
}

function versionNumber(version: string): number {
  if (!/^\d+$/.test(version)) {
    throw ApplicationFailure.nonRetryable(
      `"${version}" is not a reference-data version (a dataset number)`,
      'InvalidReferenceDataVersion',
    );
  }
  return Number(version);
}
