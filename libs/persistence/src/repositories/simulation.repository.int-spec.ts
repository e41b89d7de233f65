// What a what-if simulation reads, on a real PostgreSQL: the latest assessed round of each screening
// under a policy, with that round's findings, the dismissals it was scored with and its tender context,
// picked by the filter.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Finding, RiskAssessment } from '../../../contracts/src/index.js';
import { createDataSource } from '../data-source.js';
import { FindingDismissalRepository } from './finding-dismissal.repository.js';
import { ScreeningRecordsRepository } from './screening-records.repository.js';
import { ScreeningRepository } from './screening.repository.js';
import { SimulationRepository } from './simulation.repository.js';
import { TenderRepository } from './tender.repository.js';

describe('SimulationRepository', () => {
  let db: DataSource;
  let sut: SimulationRepository;
  let records: ScreeningRecordsRepository;

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
    sut = new SimulationRepository(db);
    records = new ScreeningRecordsRepository(db);
  });
  afterAll(() => db?.destroy());

  const suffix = () => randomBytes(5).toString('hex');

  async function newTender(policyId: string, sensitiveSite = false): Promise<string> {
    const id = `tnd_sim_${suffix()}`;
    await new TenderRepository(db).insert({
      id,
      reference: `sim-int-${id}`,
      title: 'Simulation test tender',
      buyerName: 'Example Borough Council',
      buyerType: 'local_authority',
      sensitiveSite,
      intendedUse: 'video_surveillance',
      policyId,
      createdBy: 'buyer.bob',
    });
    return id;
  }

  async function newScreening(
    tenderId: string,
    policyId: string,
    options: { status?: string; createdAt?: string } = {},
  ): Promise<string> {
    const id = `scr_sim_${suffix()}`;
    await new ScreeningRepository(db).insertOrGetExisting({
      id,
      tenderId,
      supplierName: 'Acme Security Systems Ltd',
      supplierCountry: 'GB',
      supplierKey: `acme|GB|${id}`,
      status: options.status ?? 'awaiting_review',
      stage: 'review',
      startedBy: 'buyer.bob',
      policyId,
      policyVersion: 1,
      invitationExpiresAt: new Date(Date.now() + 86_400_000),
    });
    if (options.createdAt) {
      await db.query('UPDATE screenings SET created_at = $2 WHERE id = $1', [id, options.createdAt]);
    }
    return id;
  }

  function finding(key: string, attributes: Record<string, unknown> = {}): Finding {
    return {
      key,
      check: 'product',
      code: 'INTELLIGENCE_LAW_JURISDICTION',
      subject: { role: 'brand', name: 'HiLook' },
      summary: `Finding ${key}`,
      evidence: [{ kind: 'brand', path: ['HiLook', 'Hikvision'] }],
      attributes,
    };
  }

  function risk(policyId: string, score: number, referenceDataVersion = 'ref-1'): RiskAssessment {
    return {
      score,
      band: score >= 50 ? 'high' : 'low',
      outcome: score >= 50 ? 'review' : 'clear',
      factors: [
        {
          code: 'INTELLIGENCE_LAW_JURISDICTION',
          points: score,
          explanation: 'x',
          evidence: [],
          findingKeys: [],
        },
      ],
      requiredApprovals: score >= 50 ? ['reviewer', 'approver'] : ['reviewer'],
      policy: { id: policyId, version: 1 },
      referenceDataVersion,
    };
  }

  it("reads each screening's latest assessed round with that round's findings and its tender", async () => {
    const policyId = `sim-${suffix()}`;
    const tenderId = await newTender(policyId, true);
    const screeningId = await newScreening(tenderId, policyId);
    await records.saveFindings(screeningId, 1, [finding('round-1')]);
    await records.saveRiskAssessment(screeningId, 1, risk(policyId, 50, 'ref-1'));
    await records.saveFindings(screeningId, 2, [finding('round-2-b'), finding('round-2-a')]);
    await records.saveRiskAssessment(screeningId, 2, risk(policyId, 60, 'ref-2'));
    // A third round whose checks are still running has findings but no assessment yet: not compared.
    await records.saveFindings(screeningId, 3, [finding('round-3')]);

    const { screenings, truncated } = await sut.latestAssessments(policyId, { limit: 10 });

    expect(truncated).toBe(false);
    expect(screenings).toEqual([
      {
        screeningId,
        tenderId,
        status: 'awaiting_review',
        round: 2,
        stored: {
          score: 60,
          band: 'high',
          outcome: 'review',
          factors: risk(policyId, 60).factors,
          requiredApprovals: ['reviewer', 'approver'],
          policy: { id: policyId, version: 1 },
        },
        referenceDataVersion: 'ref-2',
        tender: {
          id: tenderId,
          reference: `sim-int-${tenderId}`,
          buyerType: 'local_authority',
          sensitiveSite: true,
          intendedUse: 'video_surveillance',
          policyId,
        },
        findings: [
          { ...finding('round-2-a'), dismissed: null },
          { ...finding('round-2-b'), dismissed: null },
        ],
        dismissals: [],
      },
    ]);
  });

  it('hands over the dismissals made before the assessment, not those made since', async () => {
    const policyId = `sim-${suffix()}`;
    const screeningId = await newScreening(await newTender(policyId), policyId);
    const dismissals = new FindingDismissalRepository(db);
    const dismiss = (entityExternalId: string) =>
      dismissals.insertOrGetExisting({
        screeningId,
        entityExternalId,
        subjectKey: 'supplier:acme security systems',
        findingKey: `name_screening:supplier:${entityExternalId}`,
        round: 1,
        subject: { role: 'supplier', name: 'Acme Security Systems Ltd' },
        reason: 'A different Acme.',
        dismissedBy: 'reviewer.rita',
        dismissedByRole: 'reviewer',
      });
    await dismiss('acme-before');
    await records.saveFindings(screeningId, 1, [finding('live')]);
    await records.saveRiskAssessment(screeningId, 1, risk(policyId, 10));
    await dismiss('acme-after');

    const [screening] = (await sut.latestAssessments(policyId, { limit: 10 })).screenings;

    expect(screening!.findings.map((f) => f.dismissed)).toEqual([null]);
    expect(screening!.dismissals).toEqual([
      {
        entityExternalId: 'acme-before',
        subjectKey: 'supplier:acme security systems',
        by: 'reviewer.rita',
        reason: 'A different Acme.',
        at: expect.any(String),
      },
    ]);
  });

  it('picks screenings by policy, tender, status and start time, newest first, up to the limit', async () => {
    const policyId = `sim-${suffix()}`;
    const tenderA = await newTender(policyId);
    const tenderB = await newTender(policyId);
    const assessed = async (tenderId: string, status: string, createdAt: string) => {
      const id = await newScreening(tenderId, policyId, { status, createdAt });
      await records.saveRiskAssessment(id, 1, risk(policyId, 20));
      return id;
    };
    const january = await assessed(tenderA, 'approved', '2025-01-15T00:00:00Z');
    const march = await assessed(tenderA, 'awaiting_review', '2025-03-15T00:00:00Z');
    const may = await assessed(tenderB, 'approved', '2025-05-15T00:00:00Z');
    await newScreening(tenderA, policyId, { status: 'awaiting_declaration' }); // never assessed
    const otherPolicy = `sim-${suffix()}`;
    const elsewhere = await newScreening(await newTender(otherPolicy), otherPolicy);
    await records.saveRiskAssessment(elsewhere, 1, risk(otherPolicy, 20));

    const ids = async (filter: Partial<Parameters<SimulationRepository['latestAssessments']>[1]>) => {
      const result = await sut.latestAssessments(policyId, { limit: 10, ...filter });
      return { ids: result.screenings.map((s) => s.screeningId), truncated: result.truncated };
    };
    expect(await ids({})).toEqual({ ids: [may, march, january], truncated: false });
    expect(await ids({ tenderId: tenderA })).toEqual({ ids: [march, january], truncated: false });
    expect(await ids({ status: 'approved' })).toEqual({ ids: [may, january], truncated: false });
    expect(
      await ids({ from: new Date('2025-03-15T00:00:00Z'), to: new Date('2025-05-15T00:00:00Z') }),
    ).toEqual({ ids: [march], truncated: false });
    expect(await ids({ limit: 2 })).toEqual({ ids: [may, march], truncated: true });
    expect(await ids({ limit: 3 })).toEqual({ ids: [may, march, january], truncated: false });
  });
});
