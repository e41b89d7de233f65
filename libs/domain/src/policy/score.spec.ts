import type { Finding, TenderContext } from '../../../contracts/src/domain-types.js';
import type { FindingAttributes } from '../../../contracts/src/finding-attributes.js';
import { builtInPolicy } from './packs/index.js';
import type { PolicyDocument } from './policy-document.js';
import { routingFor } from './routing.js';
import { scoreFindings } from './score.js';
import { parsePolicy } from './validate-policy.js';

const councilPolicy = builtInPolicy('uk-local-authority')!;

const council: TenderContext = {
  id: 'tnd_1',
  reference: 'ocds-h6vhtk-000001',
  buyerType: 'local_authority',
  sensitiveSite: false,
  intendedUse: 'video_surveillance',
  policyId: 'uk-local-authority',
};

function finding(
  key: string,
  code: string,
  role: Finding['subject']['role'],
  attributes: FindingAttributes = {},
  extra: Partial<Finding> = {},
): Finding {
  return {
    key,
    check: 'product',
    code,
    subject: { role, name: `Subject ${key}` },
    summary: `Summary of ${key}.`,
    evidence: [{ kind: 'entity', entityId: `ent-${key}` }],
    attributes: { ...attributes },
    ...extra,
  };
}

const PRC = { jurisdiction: 'CN', laws: ['PRC-NIL-2017'] };

/** A validated copy of a pack with some fields changed. */
function variant(policy: PolicyDocument, change: (draft: PolicyDocument) => void): PolicyDocument {
  const draft = JSON.parse(JSON.stringify(policy)) as PolicyDocument;
  change(draft);
  return parsePolicy(draft);
}

function score(findings: Finding[], policy = councilPolicy, tender = council) {
  return scoreFindings(findings, policy, tender, 'ref-1');
}

describe('scoreFindings', () => {
  const mixed = [
    finding('b-brand', 'INTELLIGENCE_LAW_JURISDICTION', 'brand', PRC),
    finding('a-owner', 'UNDECLARED_OWNER', 'owner'),
    finding('c-white', 'WHITE_LABEL_PRODUCT', 'brand', { confidence: 'medium' }),
    finding('d-state', 'STATE_OWNERSHIP', 'manufacturer', { state: true }),
  ];

  it('gives the same assessment for the same findings in any order', () => {
    const findings = [
      ...mixed,
      finding('e-brand', 'INTELLIGENCE_LAW_JURISDICTION', 'brand', PRC),
      finding(
        'f-owner',
        'UNDECLARED_OWNER',
        'owner',
        {},
        { evidence: [{ kind: 'ownership', path: ['A', 'B'] }] },
      ),
    ];
    const forwards = score(findings);

    expect(score([...findings].reverse())).toEqual(forwards);
    expect(
      score([findings[4]!, findings[2]!, findings[5]!, findings[0]!, findings[3]!, findings[1]!]),
    ).toEqual(forwards);
    expect(score(findings)).toEqual(forwards);
  });

  it('lists factors biggest first, summing to the score', () => {
    const assessment = score(mixed);

    expect(assessment.factors.map((f) => [f.code, f.points])).toEqual([
      ['INTELLIGENCE_LAW_JURISDICTION', 50],
      ['STATE_OWNERSHIP', 20],
      ['UNDECLARED_OWNER', 20],
      ['WHITE_LABEL_PRODUCT', 10],
    ]);
    expect(assessment.score).toBe(100);
    expect(assessment.band).toBe('critical');
  });

  it('caps the score at 100', () => {
    const assessment = score([finding('debarred', 'DEBARRED', 'supplier'), ...mixed]);

    expect(assessment.score).toBe(100);
  });

  it('never scores a dismissed finding, nor lets it decide the outcome', () => {
    const dismissed = {
      by: 'usr_reviewer',
      reason: 'Different company with a similar name',
      at: '2025-03-01T10:00:00Z',
    };
    const falseHit = finding('debarred', 'DEBARRED', 'supplier', { topics: ['debarment'] }, { dismissed });

    const assessment = score([falseHit]);

    expect(assessment).toMatchObject({ score: 0, band: 'low', outcome: 'clear', factors: [] });
  });

  it('scores a repeated finding key once', () => {
    const brand = finding('brand', 'INTELLIGENCE_LAW_JURISDICTION', 'brand', PRC);

    expect(score([brand, { ...brand }]).factors[0]).toMatchObject({ points: 50, findingKeys: ['brand'] });
  });

  it('caps a factor at its maximum and says so', () => {
    const brands = ['x', 'y', 'z'].map((key) => finding(key, 'INTELLIGENCE_LAW_JURISDICTION', 'brand', PRC));

    const [factor] = score(brands).factors;

    expect(factor!.points).toBe(60);
    expect(factor!.explanation).toBe(
      'Linked to a company subject to a law that compels cooperation with intelligence services: ' +
        'Summary of x; Summary of y; Summary of z. 3 findings at 50 points each, capped at 60. ' +
        '[UK-WMS-2022 (local authorities may choose to follow)]',
    );
    expect(factor!.rule).toBe('UK-WMS-2022');
    expect(factor!.findingKeys).toEqual(['x', 'y', 'z']);
    expect(factor!.evidence).toEqual(
      ['x', 'y', 'z'].map((key) => ({ kind: 'entity', entityId: `ent-${key}` })),
    );
  });

  it('merges evidence shared by several findings once', () => {
    const sharedPath = {
      kind: 'brand' as const,
      path: ['HiLook', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
    };
    const findings = ['p1', 'p2'].map((key) =>
      finding(key, 'WHITE_LABEL_PRODUCT', 'brand', {}, { evidence: [sharedPath] }),
    );

    expect(score(findings).factors[0]!.evidence).toEqual([sharedPath]);
  });

  it('shows a finding whose code the policy does not weigh, with no points', () => {
    const [factor] = score([finding('odd', 'LOCAL_CONCERN', 'supplier')]).factors;

    expect(factor).toMatchObject({ code: 'LOCAL_CONCERN', points: 0, findingKeys: ['odd'] });
    expect(factor!.explanation).toBe('Not weighted by policy uk-local-authority v1: Summary of odd.');
  });

  it.each([
    ['an owner above significant control', { ...PRC, share: 30 }, 50],
    [
      'an owner whose share range reaches above significant control',
      { ...PRC, shareMin: 25, shareMax: 50 },
      50,
    ],
    ['an owner at exactly significant control', { ...PRC, share: 25 }, 0],
    ['an owner with no known share', PRC, 0],
  ])('counts a PRC-linked owner only with significant control: %s', (_, attributes, points) => {
    const [factor] = score([finding('owner', 'INTELLIGENCE_LAW_JURISDICTION', 'owner', attributes)]).factors;

    expect(factor!.points).toBe(points);
    if (points === 0) expect(factor!.explanation).toContain("Not counted, outside this policy's scope");
  });

  it.each([
    [true, 50],
    [false, 0],
  ])('counts a Hong Kong manufacturer as PRC only when the policy says so (%s)', (hongKongIsPrc, points) => {
    const policy = variant(councilPolicy, (draft) => {
      draft.parameters.hongKongIsPrcJurisdiction = hongKongIsPrc;
    });
    const hongKong = finding('hk', 'INTELLIGENCE_LAW_JURISDICTION', 'manufacturer', { jurisdiction: 'HK' });

    expect(score([hongKong], policy).score).toBe(points);
  });

  it('records the rule that decided and the findings behind it', () => {
    const debarred = finding('debarred', 'DEBARRED', 'supplier', { topics: ['debarment'] });

    const assessment = score([debarred, ...mixed]);

    expect(assessment.outcome).toBe('excluded');
    expect(assessment.outcomeBasis).toEqual({
      ruleId: 'debarment-list-entry',
      rule: 'UK-PA-2023',
      provision: 's57(1)',
      reason: expect.stringContaining('debarment list'),
      findingKeys: ['debarred'],
      associatedPersonOnly: false,
    });
  });

  it('falls back to the band when no rule matches, and says so', () => {
    const assessment = score([finding('owner', 'UNDECLARED_OWNER', 'owner')]);

    expect(assessment).toMatchObject({
      score: 20,
      band: 'low',
      outcome: 'clear',
      requiredApprovals: ['reviewer'],
    });
    expect(assessment.outcomeBasis.reason).toBe(
      'Score 20 is in the low band, which policy uk-local-authority v1 treats as clear.',
    );
  });

  it('applies rules on factors present and on the band', () => {
    const policy = variant(councilPolicy, (draft) => {
      draft.outcomeRules.push({
        id: 'undeclared-owner-review',
        when: { factorsPresent: ['UNDECLARED_OWNER'], bandAtLeast: 'medium' },
        outcome: 'review',
        rule: 'UK-PA-2023',
        reason: 'An undeclared owner in a medium-risk case needs a second look.',
      });
    });
    const undeclared = finding('owner', 'UNDECLARED_OWNER', 'owner');
    const whiteLabel = finding('brand', 'WHITE_LABEL_PRODUCT', 'brand');

    expect(score([undeclared], policy).outcome).toBe('clear'); // 20 points: low band
    expect(score([undeclared, whiteLabel], policy)).toMatchObject({ band: 'medium', outcome: 'review' });
    expect(score([whiteLabel, { ...whiteLabel, key: 'brand-2' }], policy).outcome).toBe('clear');
  });
});

describe('routingFor', () => {
  it('lets the supplier replace a debarred sub-contractor (s26)', () => {
    const subcontractor = finding('sub', 'DEBARRED', 'subcontractor', {
      topics: ['debarment'],
      associatedPersonOnly: true,
    });

    const assessment = score([subcontractor]);

    expect(routingFor(assessment, councilPolicy)).toEqual({
      levels: ['reviewer', 'approver'],
      representationsRequired: false,
      ministerialReferralRequired: false,
      overrideAllowed: false,
      replacementAllowed: true,
    });
  });

  it('refuses to route an assessment under another policy version', () => {
    const assessment = score([]);
    const version2 = variant(councilPolicy, (draft) => {
      draft.version = 2;
    });

    expect(() => routingFor(assessment, version2)).toThrow(
      'Assessment was scored under policy uk-local-authority v1 and cannot be routed under uk-local-authority v2',
    );
  });
});
