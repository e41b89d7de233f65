import { BUYER_TYPES, type Finding, type TenderContext } from '../../../../contracts/src/domain-types.js';
import type { FindingAttributes } from '../../../../contracts/src/finding-attributes.js';
import { routingFor } from '../routing.js';
import { scoreFindings } from '../score.js';
import { BUILT_IN_POLICIES, builtInPolicy, defaultPolicyIdFor } from './index.js';

// Findings written by hand in the shape the checks produce.
function finding(
  fields: Pick<Finding, 'key' | 'check' | 'code' | 'subject' | 'summary'> & {
    attributes?: FindingAttributes;
  },
): Finding {
  return {
    ...fields,
    attributes: { ...fields.attributes },
    evidence: [{ kind: 'entity', path: [fields.subject.name] }],
  };
}

const PRC_NIL = { jurisdiction: 'CN', laws: ['PRC-NIL-2017'] };

const hiLookCameras: Finding[] = [
  finding({
    key: 'product:hilook:jurisdiction',
    check: 'product',
    code: 'INTELLIGENCE_LAW_JURISDICTION',
    subject: { role: 'brand', name: 'HiLook' },
    summary: 'Product brand HiLook is made by Hikvision (CN), subject to the PRC National Intelligence Law',
    attributes: { ...PRC_NIL, coveredCompany: 'hikvision', equipmentCategory: 'video_surveillance' },
  }),
  finding({
    key: 'product:hilook:covered',
    check: 'product',
    code: 'COVERED_EQUIPMENT',
    subject: { role: 'brand', name: 'HiLook' },
    summary: 'HiLook cameras are Hikvision video surveillance equipment named in NDAA s889',
    attributes: {
      coveredCompany: 'hikvision',
      equipmentCategory: 'video_surveillance',
      listIds: ['us-ndaa-889'],
    },
  }),
];

const dahuaCameras: Finding[] = [
  finding({
    key: 'product:dahua:jurisdiction',
    check: 'product',
    code: 'INTELLIGENCE_LAW_JURISDICTION',
    subject: { role: 'manufacturer', name: 'Zhejiang Dahua Technology Co., Ltd.', country: 'CN' },
    summary: 'Cameras made by Dahua (CN), subject to the PRC National Intelligence Law',
    attributes: { ...PRC_NIL, coveredCompany: 'dahua', equipmentCategory: 'video_surveillance' },
  }),
  finding({
    key: 'product:dahua:covered',
    check: 'product',
    code: 'COVERED_EQUIPMENT',
    subject: { role: 'manufacturer', name: 'Zhejiang Dahua Technology Co., Ltd.', country: 'CN' },
    summary: 'Dahua video surveillance equipment is named in NDAA s889',
    attributes: {
      coveredCompany: 'dahua',
      equipmentCategory: 'video_surveillance',
      listIds: ['us-ndaa-889'],
    },
  }),
];

const routerWithHiSiliconChipset: Finding[] = [
  finding({
    key: 'product:router:hisilicon:covered',
    check: 'product',
    code: 'COVERED_EQUIPMENT',
    subject: { role: 'component', name: 'HiSilicon' },
    summary: 'Router chipset by HiSilicon, a Huawei subsidiary: covered telecommunications equipment',
    attributes: { coveredCompany: 'huawei', equipmentCategory: 'telecoms', confidence: 'medium' },
  }),
  finding({
    key: 'product:router:hisilicon:jurisdiction',
    check: 'product',
    code: 'INTELLIGENCE_LAW_JURISDICTION',
    subject: { role: 'component', name: 'HiSilicon' },
    summary: 'HiSilicon (CN) is subject to the PRC National Intelligence Law',
    attributes: { ...PRC_NIL, coveredCompany: 'huawei', equipmentCategory: 'telecoms' },
  }),
];

const debarredSupplier: Finding[] = [
  finding({
    key: 'name:supplier:debarment',
    check: 'name_screening',
    code: 'DEBARRED',
    subject: { role: 'supplier', name: 'Shady Installs Ltd', country: 'GB' },
    summary: 'Shady Installs Ltd matches an entry on the UK debarment list',
    attributes: { topics: ['debarment'], listIds: ['gb-debarment-list'], matchScore: 0.97 },
  }),
];

const nationalSecurityConcern: Finding[] = [
  finding({
    key: 'ownership:owner:mil',
    check: 'ownership',
    code: 'WATCHLIST_MATCH',
    subject: { role: 'owner', name: 'Northern Defence Industries', country: 'XX' },
    summary: 'Owner Northern Defence Industries is a military end user on an export-control list',
    attributes: { topics: ['mil', 'export.control'], nationalSecurity: true, share: 30 },
  }),
];

const cleanInstaller: Finding[] = [];

function tender(overrides: Partial<TenderContext>): TenderContext {
  return {
    id: 'tnd_1',
    reference: 'ocds-h6vhtk-000001',
    buyerType: 'local_authority',
    sensitiveSite: false,
    intendedUse: 'video_surveillance',
    policyId: 'uk-local-authority',
    ...overrides,
  };
}

const council = tender({ buyerType: 'local_authority' });
const department = tender({ buyerType: 'central_government', policyId: 'uk-central-government' });
const sensitiveSite = { ...department, sensitiveSite: true };
const federal = tender({ buyerType: 'us_federal', policyId: 'us-federal-889', intendedUse: 'public_safety' });

interface Case {
  name: string;
  policyId: string;
  tender: TenderContext;
  findings: Finding[];
  outcome: string;
  band: string;
  factorCodes: string[];
  approvals: string[];
  route?: {
    ministerialReferralRequired?: boolean;
    representationsRequired?: boolean;
    overrideAllowed?: boolean;
  };
}

const cases: Case[] = [
  {
    name: 'council buying CCTV from a reseller of HiLook cameras: high, approver signs, not excluded',
    policyId: 'uk-local-authority',
    tender: council,
    findings: hiLookCameras,
    outcome: 'review',
    band: 'high',
    factorCodes: ['INTELLIGENCE_LAW_JURISDICTION', 'COVERED_EQUIPMENT'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'council supplier on a debarment list: excluded',
    policyId: 'uk-local-authority',
    tender: council,
    findings: debarredSupplier,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['DEBARRED'],
    approvals: ['reviewer', 'approver'],
    route: { overrideAllowed: false },
  },
  {
    name: 'council supplier with a national-security concern: excludable after ministerial referral',
    policyId: 'uk-local-authority',
    tender: council,
    findings: nationalSecurityConcern,
    outcome: 'excludable',
    band: 'medium',
    factorCodes: ['WATCHLIST_MATCH'],
    approvals: ['reviewer', 'approver'],
    route: { ministerialReferralRequired: true, representationsRequired: true },
  },
  {
    name: 'department buying Dahua cameras for a sensitive site: excluded',
    policyId: 'uk-central-government',
    tender: sensitiveSite,
    findings: dahuaCameras,
    outcome: 'excluded',
    band: 'high',
    factorCodes: ['INTELLIGENCE_LAW_JURISDICTION', 'COVERED_EQUIPMENT'],
    approvals: ['reviewer', 'approver'],
    route: { overrideAllowed: true, ministerialReferralRequired: false },
  },
  {
    name: 'department buying Dahua cameras for a non-sensitive site: high, consider',
    policyId: 'uk-central-government',
    tender: department,
    findings: dahuaCameras,
    outcome: 'review',
    band: 'high',
    factorCodes: ['INTELLIGENCE_LAW_JURISDICTION', 'COVERED_EQUIPMENT'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'department supplier on a debarment list: excluded',
    policyId: 'uk-central-government',
    tender: department,
    findings: debarredSupplier,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['DEBARRED'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'department supplier with a national-security concern: excludable, no referral (a department decides)',
    policyId: 'uk-central-government',
    tender: department,
    findings: nationalSecurityConcern,
    outcome: 'excludable',
    band: 'medium',
    factorCodes: ['WATCHLIST_MATCH'],
    approvals: ['reviewer', 'approver'],
    route: { ministerialReferralRequired: false, representationsRequired: true },
  },
  {
    name: 'US federal buyer offered a router with a HiSilicon chipset for a public-safety network: excluded',
    policyId: 'us-federal-889',
    tender: federal,
    findings: routerWithHiSiliconChipset,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['COVERED_EQUIPMENT', 'INTELLIGENCE_LAW_JURISDICTION'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'US federal buyer offered the same router for office use: still excluded (Huawei telecoms, any use)',
    policyId: 'us-federal-889',
    tender: { ...federal, intendedUse: 'office_network' },
    findings: routerWithHiSiliconChipset,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['COVERED_EQUIPMENT', 'INTELLIGENCE_LAW_JURISDICTION'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'US federal buyer offered Dahua cameras for public safety: excluded',
    policyId: 'us-federal-889',
    tender: federal,
    findings: dahuaCameras,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['COVERED_EQUIPMENT', 'INTELLIGENCE_LAW_JURISDICTION'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'US federal buyer offered Dahua cameras outside the covered uses: review',
    policyId: 'us-federal-889',
    tender: { ...federal, intendedUse: 'wildlife_monitoring' },
    findings: dahuaCameras,
    outcome: 'review',
    band: 'critical',
    factorCodes: ['COVERED_EQUIPMENT', 'INTELLIGENCE_LAW_JURISDICTION'],
    approvals: ['reviewer', 'approver'],
  },
  {
    name: 'US federal supplier on a debarment list: excluded',
    policyId: 'us-federal-889',
    tender: federal,
    findings: debarredSupplier,
    outcome: 'excluded',
    band: 'critical',
    factorCodes: ['DEBARRED'],
    approvals: ['reviewer', 'approver'],
  },
  ...[
    ['uk-local-authority', council],
    ['uk-central-government', sensitiveSite],
    ['us-federal-889', federal],
  ].map(([policyId, context]): Case => ({
    name: `clean UK installer using a non-listed manufacturer: clear under ${policyId as string}`,
    policyId: policyId as string,
    tender: context as TenderContext,
    findings: cleanInstaller,
    outcome: 'clear',
    band: 'low',
    factorCodes: [],
    approvals: ['reviewer'],
    route: { representationsRequired: false, ministerialReferralRequired: false, overrideAllowed: false },
  })),
];

describe('built-in policy packs', () => {
  it.each(cases)('$name', (c) => {
    const policy = builtInPolicy(c.policyId)!;

    const assessment = scoreFindings(c.findings, policy, c.tender, 'ref-2025-01');

    expect(assessment.outcome).toBe(c.outcome);
    expect(assessment.band).toBe(c.band);
    expect(assessment.factors.map((factor) => factor.code)).toEqual(c.factorCodes);
    expect(assessment.requiredApprovals).toEqual(c.approvals);
    expect(assessment.policy).toEqual({ id: c.policyId, version: 1 });
    if (c.route) expect(routingFor(assessment, policy)).toMatchObject(c.route);
  });

  it('cites a source rule for every point scored and for the outcome rule that decided', () => {
    const policy = builtInPolicy('uk-central-government')!;

    const assessment = scoreFindings(dahuaCameras, policy, sensitiveSite, 'ref-2025-01');

    expect(assessment.factors.map((factor) => [factor.code, factor.rule])).toEqual([
      ['INTELLIGENCE_LAW_JURISDICTION', 'UK-WMS-2022'],
      ['COVERED_EQUIPMENT', 'US-889'],
    ]);
    expect(assessment.factors[0]!.explanation).toContain('Cameras made by Dahua (CN)');
    expect(assessment.outcomeBasis).toMatchObject({
      ruleId: 'prc-surveillance-on-sensitive-site',
      rule: 'UK-WMS-2022',
      findingKeys: ['product:dahua:jurisdiction'],
    });
  });

  it('names exactly one default policy for every buyer type', () => {
    for (const buyerType of BUYER_TYPES) {
      const matching = BUILT_IN_POLICIES.filter((policy) => policy.appliesTo.includes(buyerType));
      expect({ buyerType, count: matching.length }).toEqual({ buyerType, count: 1 });
    }
    expect(defaultPolicyIdFor('local_authority')).toBe('uk-local-authority');
    expect(defaultPolicyIdFor('central_government')).toBe('uk-central-government');
    expect(defaultPolicyIdFor('us_federal')).toBe('us-federal-889');
  });

  it('refuses changes to a published pack', () => {
    const policy = builtInPolicy('uk-local-authority')!;

    expect(() => {
      policy.bands.high = 10;
    }).toThrow(TypeError);
  });
});
