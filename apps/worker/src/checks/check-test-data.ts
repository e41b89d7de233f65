// Hand-made reference data shaped like the seed (libs/reference-data/seed), and small builders for the
// checks' specs: a tender, a declaration, a check input, and scoring under a built-in policy pack.
import type {
  BrandRelation,
  Declaration,
  Finding,
  JurisdictionProfile,
  ListMembership,
  OwnershipRelation,
  RefEntity,
  RunCheckInput,
  SupplierRef,
  TenderContext,
} from '../../../../libs/contracts/src/index.js';
import {
  builtInPolicy,
  scoreFindings,
  type PolicyAssessment,
  type PolicyDocument,
} from '../../../../libs/domain/src/policy/index.js';
import { InMemoryReferenceReader, type ReferenceFixture } from './reference/in-memory-reference-reader.js';

export const TODAY = '2025-06-01';

export function entity(externalId: string, name: string, extra: Partial<RefEntity> = {}): RefEntity {
  return {
    externalId,
    kind: 'company',
    name,
    aliases: [],
    country: 'CN',
    identifiers: [],
    topics: [],
    lists: [],
    source: 'https://example.org/source',
    confidence: 'high',
    ...extra,
  };
}

export function owns(
  owner: string,
  owned: string,
  share: number | 'unknown' | 'control',
  extra: Partial<OwnershipRelation> = {},
): OwnershipRelation {
  const shareFields =
    typeof share === 'number'
      ? { shareExact: share }
      : share === 'control'
        ? { controlOnly: true, kind: 'state_supervision' as const }
        : {};
  return {
    externalId: `${owner}->${owned}`,
    ownerExternalId: owner,
    ownedExternalId: owned,
    direct: true,
    kind: 'shareholding',
    source: 'https://example.org/registry',
    confidence: 'medium',
    ...shareFields,
    ...extra,
  };
}

const NDAA_NOTE_VIDEO =
  'John S. McCain National Defense Authorization Act for Fiscal Year 2019, section 889; NDAA FY2019 s889: ' +
  'video surveillance and telecommunications equipment, including subsidiaries and affiliates';
const NDAA_NOTE_TELECOMS =
  'John S. McCain National Defense Authorization Act for Fiscal Year 2019, section 889; NDAA FY2019 s889: ' +
  'telecommunications equipment, including subsidiaries and affiliates';

const ndaa = (note: string): ListMembership => ({
  listId: 'us-ndaa-889',
  since: '2018-08-13',
  sourceUrl: 'https://www.congress.gov/bill/115th-congress/house-bill/5515',
  note,
});
const entityList: ListMembership = { listId: 'us-bis-entity-list', since: '2019-10-09' };

export const HIKVISION = entity('seed-hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', {
  aliases: ['Hikvision'],
  topics: ['export.control', 'mil'],
  lists: [ndaa(NDAA_NOTE_VIDEO), entityList],
});
export const CETHIK = entity('seed-cethik', 'China Electronics Technology HIK Group Co., Ltd.', {
  aliases: ['CETHIK'],
  topics: ['gov.soe'],
});
export const CETC = entity('seed-cetc', 'China Electronics Technology Group Corporation', {
  aliases: ['CETC'],
  topics: ['gov.soe', 'mil'],
  lists: [{ listId: 'us-dod-1260h', since: '2020-06-24' }],
});
export const SASAC = entity(
  'seed-sasac',
  'State-owned Assets Supervision and Administration Commission of the State Council',
  { kind: 'state_body', aliases: ['SASAC'] },
);
export const DAHUA = entity('seed-dahua', 'Zhejiang Dahua Technology Co., Ltd.', {
  aliases: ['Dahua'],
  topics: ['export.control'],
  lists: [ndaa(NDAA_NOTE_VIDEO), entityList],
});
export const HUAWEI = entity('seed-huawei', 'Huawei Technologies Co., Ltd.', {
  aliases: ['Huawei'],
  topics: ['export.control', 'mil'],
  lists: [ndaa(NDAA_NOTE_TELECOMS)],
});
export const HISILICON = entity('seed-hisilicon', 'HiSilicon Technologies Co., Ltd.', {
  aliases: ['HiSilicon'],
});
export const SKYWATCH = entity('seed-skywatch', 'Skywatch', { country: 'TW' });
export const DEBARRED = entity('seed-example-debarred-supplier', 'Example Debarred Supplier Ltd', {
  country: 'GB',
  topics: ['debarment'],
  lists: [{ listId: 'uk-debarment-list', since: '2025-03-01' }],
});

const brand = (
  name: string,
  manufacturer: string,
  relation: BrandRelation['relation'],
  extra: Partial<BrandRelation> = {},
): BrandRelation => ({
  externalId: `brand:${name}:${manufacturer}:${relation}`,
  brand: name,
  manufacturerExternalId: manufacturer,
  relation,
  source: 'https://example.org/brands',
  confidence: 'high',
  ...extra,
});

const CN: JurisdictionProfile = {
  country: 'CN',
  intelligenceLaws: [
    {
      id: 'PRC-NIL-2017',
      title: 'National Intelligence Law of the PRC',
      articles: ['7', '14'],
      source: 'https://www.chinalawtranslate.com/',
    },
  ],
  sanctionsRegimes: [],
  source: 'https://www.chinalawtranslate.com/',
  confidence: 'high',
};
const HK: JurisdictionProfile = {
  country: 'HK',
  intelligenceLaws: [],
  sanctionsRegimes: [],
  source: 'https://example.org/hk',
  confidence: 'medium',
};
const RU: JurisdictionProfile = {
  country: 'RU',
  intelligenceLaws: [],
  sanctionsRegimes: [
    {
      id: 'UK-RUSSIA-2019',
      title: 'The Russia (Sanctions) (EU Exit) Regulations 2019',
      source: 'https://www.legislation.gov.uk/uksi/2019/855',
    },
  ],
  source: 'https://www.legislation.gov.uk/uksi/2019/855',
  confidence: 'high',
};

/** The seed's shape: Hikvision's state chain, Dahua, Huawei and HiSilicon, and the brands behind them. */
export const SEED_LIKE: ReferenceFixture = {
  entities: [HIKVISION, CETHIK, CETC, SASAC, DAHUA, HUAWEI, HISILICON, SKYWATCH, DEBARRED],
  relations: [
    owns('seed-cethik', 'seed-hikvision', 38.88, { confidence: 'low' }),
    owns('seed-cetc', 'seed-cethik', 'unknown'),
    owns('seed-sasac', 'seed-cetc', 'control', { confidence: 'high' }),
    owns('seed-huawei', 'seed-hisilicon', 'unknown'),
  ],
  brands: [
    brand('HiLook', 'seed-hikvision', 'own_brand'),
    brand('LTS', 'seed-hikvision', 'white_label', { confidence: 'medium' }),
    brand('Lorex', 'seed-dahua', 'former_subsidiary', { validFrom: '2018-01-01', validTo: '2022-11-24' }),
    brand('Lorex', 'seed-skywatch', 'own_brand', { validFrom: '2022-11-24' }),
    brand('IndigoVision', 'seed-dahua', 'oem', { validTo: '2021-04-30', confidence: 'medium' }),
    brand('HiSilicon', 'seed-huawei', 'component_maker', { confidence: 'medium' }),
  ],
  jurisdictions: [CN, HK, RU],
};

export function readerOf(fixture: ReferenceFixture = SEED_LIKE, asOf = TODAY): InMemoryReferenceReader {
  return new InMemoryReferenceReader(fixture, asOf);
}

export function withFixture(extra: Partial<ReferenceFixture>): ReferenceFixture {
  return {
    entities: [...SEED_LIKE.entities, ...(extra.entities ?? [])],
    relations: [...(SEED_LIKE.relations ?? []), ...(extra.relations ?? [])],
    brands: [...(SEED_LIKE.brands ?? []), ...(extra.brands ?? [])],
    jurisdictions: [...(SEED_LIKE.jurisdictions ?? []), ...(extra.jurisdictions ?? [])],
  };
}

export function tender(overrides: Partial<TenderContext> = {}): TenderContext {
  return {
    id: 'tnd_test',
    reference: 'ocds-h6vhtk-test',
    buyerType: 'local_authority',
    sensitiveSite: false,
    intendedUse: 'video_surveillance',
    policyId: 'uk-local-authority',
    ...overrides,
  };
}

export function declaration(overrides: Partial<Declaration> = {}): Declaration {
  return {
    owners: [],
    ultimateParent: null,
    countriesOfOperation: ['GB'],
    products: [],
    subcontractors: [],
    foreignIntelligenceLawExposure: false,
    attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
    ...overrides,
  };
}

export const UK_RESELLER: SupplierRef = { name: 'Acme Security Systems Ltd', country: 'GB', identifiers: [] };

export function checkInput(
  check: RunCheckInput['check'],
  parts: { declaration?: Declaration; tender?: TenderContext; supplier?: SupplierRef } = {},
): RunCheckInput {
  return {
    check,
    screeningId: 'scr_test',
    round: 1,
    tender: parts.tender ?? tender(),
    supplier: parts.supplier ?? UK_RESELLER,
    declaration: parts.declaration ?? declaration(),
    referenceDataVersion: '1',
  };
}

/** Scores under a built-in pack, optionally with some of its parameters changed (a copy: packs are frozen). */
export function scoreUnder(
  policyId: string,
  findings: Finding[],
  tenderContext: TenderContext,
  parameters: Partial<PolicyDocument['parameters']> = {},
): PolicyAssessment {
  const pack = builtInPolicy(policyId);
  if (!pack) throw new Error(`no built-in policy ${policyId}`);
  const policy: PolicyDocument = {
    ...structuredClone(pack),
    parameters: { ...pack.parameters, ...parameters },
  };
  return scoreFindings(findings, policy, tenderContext, '1');
}

export function byCode(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((finding) => finding.code === code);
}
