import type { DecisionReport } from './decision-report.js';
import { escapeHtml, renderDecisionReportHtml } from './decision-report.html.js';

function report(overrides: Partial<DecisionReport> = {}): DecisionReport {
  return {
    reportVersion: 1,
    generatedAt: '2026-03-01T10:00:00.000Z',
    generatedBy: 'auditor.aud',
    screening: {
      id: 'scr_1',
      status: 'approved',
      stage: 'closed',
      startedBy: 'buyer.bob',
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-03T09:00:00.000Z',
    },
    tender: {
      id: 'tnd_1',
      reference: 'ocds-h6vhtk-0001',
      title: 'Town centre CCTV renewal',
      buyer: { name: 'Example Borough Council', type: 'local_authority' },
      cpvCodes: ['35125300'],
      sensitiveSite: false,
      intendedUse: 'video_surveillance',
    },
    supplier: {
      name: 'Acme <Security> & Sons',
      country: 'GB',
      identifiers: [{ scheme: 'GB-COH', id: '0123' }],
    },
    policy: { id: 'uk-local-authority', version: 1 },
    referenceDataVersion: '1',
    declaration: {
      revision: 1,
      submittedAt: '2026-02-02T09:00:00.000Z',
      digest: 'd'.repeat(64),
      owners: [{ name: 'Acme Holdings Ltd', country: 'GB', share: 100 }],
      countriesOfOperation: ['GB'],
      products: [
        {
          brand: 'HiLook',
          model: '<script>alert(1)</script>',
          manufacturer: '杭州海康威视数字技术股份有限公司',
          countryOfOrigin: 'CN',
          components: [{ type: 'chipset', manufacturer: 'HiSilicon' }],
        },
      ],
      subcontractors: [{ name: 'Install Co Ltd', country: 'GB', role: 'installation' }],
      foreignIntelligenceLawExposure: false,
      attestation: { name: 'Jane Smith', role: 'Director', accepted: true, at: '2026-02-02T09:00:00.000Z' },
    },
    findings: [
      {
        key: 'brand:hilook',
        check: 'product',
        code: 'INTELLIGENCE_LAW_JURISDICTION',
        subject: { role: 'brand', name: 'HiLook', country: 'CN' },
        summary: 'HiLook is a Hikvision brand',
        evidence: [
          {
            kind: 'brand',
            path: ['HiLook', 'Hangzhou Hikvision Digital Technology Co., Ltd.'],
            source: 'https://example.org/"onmouseover="x',
            confidence: 'high',
          },
        ],
      },
    ],
    risk: {
      score: 72,
      band: 'high',
      outcome: 'review',
      factors: [
        {
          code: 'INTELLIGENCE_LAW_JURISDICTION',
          points: 40,
          explanation: 'Made by Hikvision (CN)',
          rule: 'PRC-NIL-2017-art7',
          evidence: [],
          findingKeys: ['brand:hilook'],
        },
      ],
      outcomeBasis: {
        ruleId: 'prc-linked-manufacturer',
        rule: 'UK-PA-2023',
        provision: 's.29',
        reason: 'A PRC-NIL-linked manufacturer needs an approver',
        findingKeys: ['brand:hilook'],
        associatedPersonOnly: false,
      },
      requiredApprovals: ['reviewer', 'approver'],
      policy: { id: 'uk-local-authority', version: 1 },
      referenceDataVersion: '1',
    },
    approvals: [
      {
        level: 'reviewer',
        userId: 'reviewer.rita',
        decision: 'approve',
        reason: 'Isolated network',
        at: 'x',
      },
    ],
    decision: {
      outcome: 'approved',
      decidedBy: 'approver.alan',
      at: '2026-02-03T09:00:00.000Z',
      reason: 'OK',
    },
    auditTrail: {
      valid: true,
      events: 1,
      sealed: true,
      headHash: 'a'.repeat(64),
      lastHash: 'a'.repeat(64),
      entries: [
        {
          seq: 1,
          at: '2026-02-01T09:00:00.000Z',
          actor: { userId: 'system', role: 'system' },
          action: 'screening.closed',
          hash: 'a'.repeat(64),
        },
      ],
    },
    ...overrides,
  };
}

describe('renderDecisionReportHtml', () => {
  it('has every section an auditor needs, in order', () => {
    const sut = renderDecisionReportHtml(report());
    const ids = [...sut.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'tender',
      'supplier',
      'declaration',
      'findings',
      'score',
      'approvals',
      'decision',
      'audit-trail',
    ]);
  });

  it('shows findings with evidence paths, cited rules, approvals, the decision and the final hash', () => {
    const sut = renderDecisionReportHtml(report());
    expect(sut).toContain('HiLook → Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(sut).toContain('PRC-NIL-2017-art7');
    expect(sut).toContain('UK-PA-2023, s.29');
    expect(sut).toContain('A PRC-NIL-linked manufacturer needs an approver');
    expect(sut).toContain('reviewer.rita');
    expect(sut).toContain('approver.alan');
    expect(sut).toMatch(/Final hash \(seal\)<\/dt>\s*<dd class="mono">a{64}<\/dd>/);
    expect(sut).toContain('the hash chain is intact and sealed');
    expect(sut).toContain('杭州海康威视数字技术股份有限公司');
  });

  it('escapes everything the supplier or a user wrote', () => {
    const sut = renderDecisionReportHtml(report());
    expect(sut).not.toContain('<script>');
    expect(sut).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sut).toContain('Acme &lt;Security&gt; &amp; Sons');
    expect(sut).toContain('https://example.org/&quot;onmouseover=&quot;x');
  });

  it('says plainly when the trail is broken, and when nothing was declared or decided', () => {
    const sut = renderDecisionReportHtml(
      report({
        declaration: null,
        risk: null,
        decision: null,
        findings: [],
        approvals: [],
        screening: { ...report().screening, status: 'awaiting_declaration' },
        auditTrail: {
          ...report().auditTrail,
          valid: false,
          sealed: false,
          brokenAt: { seq: 3, reason: 'content does not match its hash' },
        },
      }),
    );
    expect(sut).toContain('NOT VERIFIED: the chain breaks at event 3: content does not match its hash.');
    expect(sut).toContain('No declaration was submitted.');
    expect(sut).toContain('No risk assessment was made.');
    expect(sut).toContain('No decision yet: the screening is awaiting_declaration.');
    expect(sut).toMatch(/<dt>Head hash<\/dt>/);
  });
});

describe('escapeHtml', () => {
  it.each([
    [`<a href="x" onclick='y'>&</a>`, '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;'],
    [null, ''],
    [42, '42'],
  ])('%j → %s', (value, expected) => expect(escapeHtml(value)).toBe(expected));
});
