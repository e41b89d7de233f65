// Reads what a what-if simulation re-scores: for each past screening under a policy, its latest stored
// risk assessment, the findings of that same checks round and the tender context it was scored with.
// Read-only by construction: everything runs in one READ ONLY transaction, so PostgreSQL itself refuses
// any write, and the snapshot is consistent across the queries.
import type { DataSource, EntityManager } from 'typeorm';
import type {
  BuyerType,
  Evidence,
  Finding,
  RiskAssessment,
  ScreeningStatus,
  TenderContext,
} from '../../../contracts/src/index.js';

export interface SimulationFilter {
  tenderId?: string;
  status?: ScreeningStatus;
  /** Screenings started at or after this instant. */
  from?: Date;
  /** Screenings started before this instant. */
  to?: Date;
  limit: number;
}

/** The stored assessment a screening's decision rests on, with what it was computed from. */
export interface AssessedScreening {
  screeningId: string;
  tenderId: string;
  status: string;
  round: number;
  stored: Pick<RiskAssessment, 'score' | 'band' | 'outcome' | 'factors' | 'requiredApprovals' | 'policy'>;
  referenceDataVersion: string;
  tender: TenderContext;
  /** As stored: without `dismissed` (see `dismissals`). */
  findings: Finding[];
  /** Reviewers' dismissals of name hits made before this assessment: the ones it was scored with. */
  dismissals: StoredHitDismissal[];
}

export interface StoredHitDismissal {
  entityExternalId: string;
  subjectKey: string;
  by: string;
  reason: string;
  at: string;
}

export interface AssessedScreenings {
  screenings: AssessedScreening[];
  /** More screenings matched than `filter.limit`. */
  truncated: boolean;
}

interface AssessmentRow {
  screening_id: string;
  tender_id: string;
  status: string;
  round: number;
  score: number;
  band: RiskAssessment['band'];
  outcome: RiskAssessment['outcome'];
  factors: RiskAssessment['factors'];
  required_approvals: RiskAssessment['requiredApprovals'];
  policy_id: string;
  policy_version: number;
  reference_data_version: string;
  tender_reference: string;
  buyer_type: BuyerType;
  sensitive_site: boolean;
  intended_use: string | null;
  tender_policy_id: string;
  assessed_at: Date;
}

interface FindingRow {
  screening_id: string;
  key: string;
  check_name: Finding['check'];
  code: string;
  subject: Finding['subject'];
  summary: string;
  evidence: Evidence[];
  attributes: Record<string, unknown> | null;
}

interface DismissalRow {
  screening_id: string;
  entity_external_id: string;
  subject_key: string;
  reason: string;
  dismissed_by: string;
  dismissed_at: Date;
}

export class SimulationRepository {
  constructor(private readonly db: DataSource) {}

  /** Newest first (by screening start), at most `filter.limit`; screenings never assessed are left out. */
  async latestAssessments(policyId: string, filter: SimulationFilter): Promise<AssessedScreenings> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const rows = await this.assessmentRows(manager, policyId, filter);
      const truncated = rows.length > filter.limit;
      const kept = rows.slice(0, filter.limit);
      const findings = await this.findingsOf(manager, kept);
      const dismissals = await this.dismissalsOf(manager, kept);
      return {
        truncated,
        screenings: kept.map((row) => ({
          screeningId: row.screening_id,
          tenderId: row.tender_id,
          status: row.status,
          round: row.round,
          stored: {
            score: row.score,
            band: row.band,
            outcome: row.outcome,
            factors: row.factors,
            requiredApprovals: row.required_approvals,
            policy: { id: row.policy_id, version: row.policy_version },
          },
          referenceDataVersion: row.reference_data_version,
          tender: {
            id: row.tender_id,
            reference: row.tender_reference,
            buyerType: row.buyer_type,
            sensitiveSite: row.sensitive_site,
            intendedUse: row.intended_use,
            policyId: row.tender_policy_id,
          },
          findings: findings.get(row.screening_id) ?? [],
          dismissals: dismissals.get(row.screening_id) ?? [],
        })),
      };
    });
  }

  private assessmentRows(
    manager: EntityManager,
    policyId: string,
    filter: SimulationFilter,
  ): Promise<AssessmentRow[]> {
    const params: unknown[] = [policyId];
    const where = ['s.policy_id = $1'];
    const bind = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.tenderId !== undefined) bind('s.tender_id = ?', filter.tenderId);
    if (filter.status !== undefined) bind('s.status = ?', filter.status);
    if (filter.from !== undefined) bind('s.created_at >= ?', filter.from);
    if (filter.to !== undefined) bind('s.created_at < ?', filter.to);
    params.push(filter.limit + 1);
    // LATERAL picks each screening's latest round through the (screening_id, round) unique index.
    return manager.query(
      `SELECT s.id AS screening_id, s.tender_id, s.status,
              ra.round, ra.score, ra.band, ra.outcome, ra.factors, ra.required_approvals,
              ra.policy_id, ra.policy_version, ra.reference_data_version, ra.created_at AS assessed_at,
              t.reference AS tender_reference, t.buyer_type, t.sensitive_site, t.intended_use,
              t.policy_id AS tender_policy_id
         FROM screenings s
         JOIN tenders t ON t.id = s.tender_id
         JOIN LATERAL (
              SELECT * FROM risk_assessments r
               WHERE r.screening_id = s.id
               ORDER BY r.round DESC
               LIMIT 1) ra ON true
        WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.id ASC
        LIMIT $${params.length}`,
      params,
    );
  }

  private async findingsOf(
    manager: EntityManager,
    rows: readonly AssessmentRow[],
  ): Promise<Map<string, Finding[]>> {
    const byScreening = new Map<string, Finding[]>();
    if (rows.length === 0) return byScreening;
    const found: FindingRow[] = await manager.query(
      `SELECT f.screening_id, f.key, f.check_name, f.code, f.subject, f.summary, f.evidence, f.attributes
         FROM findings f
         JOIN unnest($1::text[], $2::int[]) AS latest(screening_id, round)
           ON f.screening_id = latest.screening_id AND f.round = latest.round
        ORDER BY f.screening_id, f.key`,
      [rows.map((row) => row.screening_id), rows.map((row) => row.round)],
    );
    for (const row of found) {
      const list = byScreening.get(row.screening_id) ?? [];
      list.push(toFinding(row));
      byScreening.set(row.screening_id, list);
    }
    return byScreening;
  }

  private async dismissalsOf(
    manager: EntityManager,
    rows: readonly AssessmentRow[],
  ): Promise<Map<string, StoredHitDismissal[]>> {
    const byScreening = new Map<string, StoredHitDismissal[]>();
    if (rows.length === 0) return byScreening;
    // The worker applied the dismissals standing when it recorded the round's findings, just before
    // scoring; a later dismissal would show as a change the draft did not make.
    const found: DismissalRow[] = await manager.query(
      `SELECT d.screening_id, d.entity_external_id, d.subject_key, d.reason, d.dismissed_by, d.dismissed_at
         FROM finding_dismissals d
         JOIN unnest($1::text[], $2::timestamptz[]) AS assessed(screening_id, at)
           ON d.screening_id = assessed.screening_id AND d.dismissed_at <= assessed.at
        ORDER BY d.screening_id, d.dismissed_at, d.id`,
      [rows.map((row) => row.screening_id), rows.map((row) => row.assessed_at)],
    );
    for (const row of found) {
      const list = byScreening.get(row.screening_id) ?? [];
      list.push({
        entityExternalId: row.entity_external_id,
        subjectKey: row.subject_key,
        by: row.dismissed_by,
        reason: row.reason,
        at: new Date(row.dismissed_at).toISOString(),
      });
      byScreening.set(row.screening_id, list);
    }
    return byScreening;
  }
}

function toFinding(row: FindingRow): Finding {
  return {
    key: row.key,
    check: row.check_name,
    code: row.code,
    subject: row.subject,
    summary: row.summary,
    evidence: row.evidence,
    attributes: row.attributes ?? {},
    dismissed: null,
  };
}
