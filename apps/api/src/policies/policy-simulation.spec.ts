import type { Finding, RiskFactor, TenderContext } from '../../../../libs/contracts/src/index.js';
import {
  builtInPolicy,
  parsePolicy,
  scoreFindings,
  type PolicyDocument,
} from '../../../../libs/domain/src/policy/index.js';
import {
  compareFactors,
  compareScreening,
  compareSimulation,
  type ComparableAssessment,
} from './policy-simulation.js';

function factor(code: string, points: number, explanation = `${code} explanation`): RiskFactor {
  return { code, points, explanation, evidence: [], findingKeys: [] };
}

function assessment(overrides: Partial<ComparableAssessment> = {}): ComparableAssessment {
  return {
    score: 60,
    band: 'high',
    outcome: 'review',
    requiredApprovals: ['reviewer', 'approver'],
    factors: [factor('INTELLIGENCE_LAW_JURISDICTION', 50), factor('WHITE_LABEL_PRODUCT', 10)],
    ...overrides,
  };
}

describe('compareFactors', () => {
  it('reports factors whose points moved, by code, and ignores reworded explanations', () => {
    const before = [factor('WATCHLIST_MATCH', 25), factor('DEBARRED', 0), factor('STATE_OWNERSHIP', 20)];
    const after = [
      factor('WATCHLIST_MATCH', 25, 'Reworded for reviewers.'),
      factor('STATE_OWNERSHIP', 40),
      factor('DEBARRED', 0),
    ];
    expect(compareFactors(before, after)).toEqual([{ code: 'STATE_OWNERSHIP', before: 20, after: 40 }]);
  });

  it('counts a factor missing on one side as 0 points there', () => {
    expect(compareFactors([factor('WHITE_LABEL_PRODUCT', 10)], [factor('SUBCONTRACTOR_RISK', 20)])).toEqual([
      { code: 'SUBCONTRACTOR_RISK', before: 0, after: 20 },
      { code: 'WHITE_LABEL_PRODUCT', before: 10, after: 0 },
    ]);
    expect(compareFactors([], [factor('UNWEIGHTED_CODE', 0)])).toEqual([]);
  });
});

describe('compareScreening', () => {
  const ids = { screeningId: 'scr_1', tenderId: 'tnd_1' };

  it('sees no change when score, band, outcome, approvals and factor points are the same', () => {
    expect(compareScreening({ ...ids, before: assessment(), after: assessment() })).toBeNull();
  });

  it('reports a change of who must sign even when the score stays put', () => {
    const change = compareScreening({
      ...ids,
      before: assessment(),
      after: assessment({ requiredApprovals: ['reviewer'] }),
    });
    expect(change).toEqual({
      ...ids,
      before: { score: 60, band: 'high', outcome: 'review', requiredApprovals: ['reviewer', 'approver'] },
      after: { score: 60, band: 'high', outcome: 'review', requiredApprovals: ['reviewer'] },
      factorsChanged: [],
    });
  });

  it('reports points moving between factors even when the total is the same', () => {
    const change = compareScreening({
      ...ids,
      before: assessment(),
      after: assessment({
        factors: [factor('INTELLIGENCE_LAW_JURISDICTION', 40), factor('WHITE_LABEL_PRODUCT', 20)],
      }),
    });
    expect(change?.factorsChanged).toEqual([
      { code: 'INTELLIGENCE_LAW_JURISDICTION', before: 50, after: 40 },
      { code: 'WHITE_LABEL_PRODUCT', before: 10, after: 20 },
    ]);
  });
});

describe('compareSimulation', () => {
  it('counts outcomes and bands before and after, every bucket present, and lists only the changes', () => {
    const report = compareSimulation([
      { screeningId: 'scr_same', tenderId: 'tnd_1', before: assessment(), after: assessment() },
      {
        screeningId: 'scr_down',
        tenderId: 'tnd_2',
        before: assessment(),
        after: assessment({
          score: 10,
          band: 'low',
          outcome: 'clear',
          requiredApprovals: ['reviewer'],
          factors: [factor('INTELLIGENCE_LAW_JURISDICTION', 0), factor('WHITE_LABEL_PRODUCT', 10)],
        }),
      },
      {
        screeningId: 'scr_out',
        tenderId: 'tnd_2',
        before: assessment({ score: 100, band: 'critical', outcome: 'excluded' }),
        after: assessment({ score: 100, band: 'critical', outcome: 'excluded' }),
      },
    ]);

    expect(report).toMatchObject({ screenings: 3, unchanged: 2 });
    expect(report.changed).toEqual([
      {
        screeningId: 'scr_down',
        tenderId: 'tnd_2',
        before: { score: 60, band: 'high', outcome: 'review', requiredApprovals: ['reviewer', 'approver'] },
        after: { score: 10, band: 'low', outcome: 'clear', requiredApprovals: ['reviewer'] },
        factorsChanged: [{ code: 'INTELLIGENCE_LAW_JURISDICTION', before: 50, after: 0 }],
      },
    ]);
    expect(report.byOutcome).toEqual({
      before: { clear: 0, review: 2, excludable: 0, excluded: 1 },
      after: { clear: 1, review: 1, excludable: 0, excluded: 1 },
    });
    expect(report.byBand).toEqual({
      before: { low: 0, medium: 0, high: 2, critical: 1 },
      after: { low: 1, medium: 0, high: 1, critical: 1 },
    });
  });

  it('reports an empty selection with zero counts rather than missing fields', () => {
    expect(compareSimulation([])).toEqual({
      screenings: 0,
      unchanged: 0,
      changed: [],
      byOutcome: {
        before: { clear: 0, review: 0, excludable: 0, excluded: 0 },
        after: { clear: 0, review: 0, excludable: 0, excluded: 0 },
      },
      byBand: {
        before: { low: 0, medium: 0, high: 0, critical: 0 },
        after: { low: 0, medium: 0, high: 0, critical: 0 },
      },
    });
  });
});

describe('a draft council policy re-scoring a HiLook reseller', () => {
  const council = builtInPolicy('uk-local-authority')!;
  const tender: TenderContext = {
    id: 'tnd_1',
    reference: 'ocds-h6vhtk-000001',
    buyerType: 'local_authority',
    sensitiveSite: false,
    intendedUse: 'video_surveillance',
    policyId: 'uk-local-authority',
  };
  const findings: Finding[] = [
    {
      key: 'product:hilook:intelligence-law',
      check: 'product',
      code: 'INTELLIGENCE_LAW_JURISDICTION',
      subject: { role: 'brand', name: 'HiLook' },
      summary: 'HiLook is made by Hikvision (CN), subject to the PRC National Intelligence Law.',
      evidence: [{ kind: 'brand', path: ['HiLook', 'Hangzhou Hikvision Digital Technology Co., Ltd.'] }],
      attributes: { jurisdiction: 'CN', laws: ['PRC-NIL-2017'] },
    },
    {
      key: 'product:hilook:white-label',
      check: 'product',
      code: 'WHITE_LABEL_PRODUCT',
      subject: { role: 'brand', name: 'HiLook' },
      summary: 'HiLook is a Hikvision brand.',
      evidence: [],
      attributes: { confidence: 'high' },
    },
  ];
  const draft = (change: (policy: PolicyDocument) => void) => {
    const copy = JSON.parse(JSON.stringify(council)) as PolicyDocument;
    change(copy);
    return parsePolicy(copy);
  };
  const rescore = (policy: PolicyDocument, input = findings) => ({
    screeningId: 'scr_1',
    tenderId: 'tnd_1',
    before: scoreFindings(findings, council, tender, 'ref-1'),
    after: scoreFindings(input, policy, tender, 'ref-1'),
  });

  it('sees no change when the draft is the published pack', () => {
    expect(compareSimulation([rescore(council)])).toMatchObject({ screenings: 1, unchanged: 1, changed: [] });
  });

  it('shows the screening leaving approver sign-off when PRC links weigh less', () => {
    const lighter = draft((policy) => {
      policy.factors.INTELLIGENCE_LAW_JURISDICTION!.points = 20;
    });
    const [change] = compareSimulation([rescore(lighter)]).changed;
    expect(change).toMatchObject({
      before: { score: 60, band: 'high', outcome: 'review', requiredApprovals: ['reviewer', 'approver'] },
      after: { score: 30, band: 'medium', outcome: 'clear', requiredApprovals: ['reviewer'] },
      factorsChanged: [{ code: 'INTELLIGENCE_LAW_JURISDICTION', before: 50, after: 20 }],
    });
  });

  it('shows a band change when only the thresholds move', () => {
    const stricter = draft((policy) => {
      policy.bands.critical = 60;
    });
    const [change] = compareSimulation([rescore(stricter)]).changed;
    expect(change).toMatchObject({
      before: { score: 60, band: 'high' },
      after: { score: 60, band: 'critical' },
      factorsChanged: [],
    });
  });

  it('does not score a dismissed finding', () => {
    const dismissed = findings.map((f) =>
      f.code === 'INTELLIGENCE_LAW_JURISDICTION'
        ? {
            ...f,
            dismissed: { by: 'reviewer.rita', reason: 'Different company.', at: '2025-01-01T00:00:00Z' },
          }
        : f,
    );
    const [change] = compareSimulation([rescore(council, dismissed)]).changed;
    expect(change).toMatchObject({ after: { score: 10, band: 'low', outcome: 'clear' } });
  });
});
