// The screening's child records, each written idempotently so an activity retry changes nothing:
// declarations by revision, findings and risk assessments by checks round, approvals by step key.
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Approval, Declaration, Finding, RiskAssessment } from '../../../contracts/src/index.js';
import { ApprovalEntity } from '../entities/approval.entity.js';
import { DeclarationEntity } from '../entities/declaration.entity.js';
import { FindingEntity } from '../entities/finding.entity.js';
import { RiskAssessmentEntity } from '../entities/risk-assessment.entity.js';

export class ScreeningRecordsRepository {
  constructor(private readonly db: DataSource) {}

  async saveDeclaration(
    screeningId: string,
    revision: number,
    data: Declaration,
    digest: string,
    submittedAt: Date,
  ) {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(DeclarationEntity)
      .values({ screeningId, revision, data, digest, submittedAt })
      .orIgnore()
      .execute();
  }

  latestDeclaration(screeningId: string): Promise<DeclarationEntity | null> {
    return this.db
      .getRepository(DeclarationEntity)
      .findOne({ where: { screeningId }, order: { revision: 'DESC' } });
  }

  async saveFindings(screeningId: string, round: number, findings: Finding[]): Promise<void> {
    if (findings.length === 0) return;
    await this.db
      .createQueryBuilder()
      .insert()
      .into(FindingEntity)
      .values(
        findings.map((f) => ({
          screeningId,
          round,
          key: f.key,
          check: f.check,
          code: f.code,
          subject: f.subject,
          summary: f.summary,
          evidence: f.evidence,
          attributes: f.attributes ?? {},
        })) as QueryDeepPartialEntity<FindingEntity>[],
      )
      .orIgnore()
      .execute();
  }

  async findingsOfLatestRound(screeningId: string): Promise<FindingEntity[]> {
    const latest = await this.db
      .getRepository(FindingEntity)
      .createQueryBuilder('f')
      .select('MAX(f.round)', 'round')
      .where('f.screening_id = :screeningId', { screeningId })
      .getRawOne<{ round: number | null }>();
    if (!latest?.round) return [];
    return this.db
      .getRepository(FindingEntity)
      .find({ where: { screeningId, round: latest.round }, order: { check: 'ASC', key: 'ASC' } });
  }

  async saveRiskAssessment(screeningId: string, round: number, risk: RiskAssessment): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(RiskAssessmentEntity)
      .values({
        screeningId,
        round,
        score: risk.score,
        band: risk.band,
        outcome: risk.outcome,
        factors: risk.factors,
        requiredApprovals: risk.requiredApprovals,
        policyId: risk.policy.id,
        policyVersion: risk.policy.version,
        referenceDataVersion: risk.referenceDataVersion,
      } as QueryDeepPartialEntity<RiskAssessmentEntity>)
      .orIgnore()
      .execute();
  }

  async saveApproval(screeningId: string, stepKey: string, approval: Approval): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ApprovalEntity)
      .values({
        screeningId,
        stepKey,
        level: approval.level,
        userId: approval.userId,
        decision: approval.decision,
        reason: approval.reason,
        decidedAt: new Date(approval.at),
      })
      .orIgnore()
      .execute();
  }
}
