import type { Declaration, Finding, SupplierRef } from '../../../../../libs/contracts/src/index.js';
import {
  checkInput,
  declaration,
  entity,
  owns,
  readerOf,
  scoreUnder,
  tender,
  withFixture,
} from '../check-test-data.js';
import { JurisdictionCheckService } from './jurisdiction-check.service.js';

const sut = new JurisdictionCheckService();

const SUPPLIER: SupplierRef = {
  name: 'Harbourside Systems Ltd',
  country: 'GB',
  identifiers: [{ scheme: 'GB-COH', id: '22222222' }],
};
const harbourside = entity('t-harbourside', 'Harbourside Systems Ltd', {
  country: 'GB',
  identifiers: [{ scheme: 'GB-COH', id: '22222222' }],
});
const hkHolding = entity('t-hk-holding', 'Victoria Peak Holdings Ltd', { country: 'HK' });
const sgFamily = entity('t-sg-family', 'Lim Family Office Pte Ltd', { country: 'SG' });
/** A UK supplier held 60 % through a Hong Kong intermediary by a Singapore owner: only Hong Kong is in question. */
const HONG_KONG_INTERMEDIARY = withFixture({
  entities: [harbourside, hkHolding, sgFamily],
  relations: [owns('t-hk-holding', 't-harbourside', 60), owns('t-sg-family', 't-hk-holding', 100)],
});

async function jurisdictionFindings(
  declared: Partial<Declaration> = {},
  fixture = HONG_KONG_INTERMEDIARY,
): Promise<Finding[]> {
  return sut.run(
    checkInput('jurisdiction', { supplier: SUPPLIER, declaration: declaration(declared) }),
    readerOf(fixture),
  );
}

describe('JurisdictionCheckService', () => {
  it('reports a Hong Kong intermediary as Hong Kong, leaving its reach to the policy', async () => {
    const findings = await jurisdictionFindings({
      owners: [{ name: 'Victoria Peak Holdings Ltd', country: 'HK', share: 60 }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'jurisdiction:INTELLIGENCE_LAW_JURISDICTION:owner:t-hk-holding:HK',
      code: 'INTELLIGENCE_LAW_JURISDICTION',
      subject: { role: 'owner', name: 'Victoria Peak Holdings Ltd', country: 'HK' },
      attributes: {
        jurisdiction: 'HK',
        laws: ['PRC-NIL-2017'],
        lawsOf: 'CN',
        share: 60,
        declaredExposure: false,
      },
    });
    expect(findings[0]!.summary).toContain("reach HK entities is the policy's choice");
  });

  it.each([
    { hongKongIsPrcJurisdiction: true, points: 50, band: 'high', outcome: 'review' },
    { hongKongIsPrcJurisdiction: false, points: 0, band: 'low', outcome: 'clear' },
  ])(
    'scores the Hong Kong intermediary $points points when hongKongIsPrcJurisdiction is $hongKongIsPrcJurisdiction',
    async ({ hongKongIsPrcJurisdiction, points, band, outcome }) => {
      const findings = await jurisdictionFindings({
        owners: [{ name: 'Victoria Peak Holdings Ltd', country: 'HK', share: 60 }],
      });
      const risk = scoreUnder('uk-local-authority', findings, tender(), { hongKongIsPrcJurisdiction });
      expect(risk).toMatchObject({ score: points, band, outcome });
      const factor = risk.factors.find((f) => f.code === 'INTELLIGENCE_LAW_JURISDICTION');
      expect(factor?.points).toBe(points);
      if (points === 0) expect(factor?.explanation).toContain('Not counted');
    },
  );

  it('names the owner nearest the supplier in a country, not every company above it', async () => {
    const cnFixture = withFixture({
      entities: [harbourside],
      relations: [owns('seed-hikvision', 't-harbourside', 30)],
    });
    const findings = await jurisdictionFindings({}, cnFixture);
    // Hikvision, CETHIK, CETC and SASAC are all in CN: Hikvision carries the link, the rest are its evidence.
    expect(findings.map((f) => f.key)).toEqual([
      'jurisdiction:INTELLIGENCE_LAW_JURISDICTION:owner:seed-hikvision:CN',
    ]);
    expect(findings[0]!.summary).toMatch(
      /^Hangzhou Hikvision Digital Technology Co., Ltd., which holds 30% of Harbourside Systems Ltd directly, is in CN/,
    );
  });

  it('judges countries of operation and owners the registry does not know as declared', async () => {
    const findings = await jurisdictionFindings({
      countriesOfOperation: ['GB', 'CN', 'RU'],
      owners: [
        { name: 'Victoria Peak Holdings Ltd', country: 'HK', share: 60 },
        { name: 'Ivan Petrov', country: 'RU', share: 40 },
      ],
    });
    expect(findings.map((f) => f.key).sort()).toEqual([
      'jurisdiction:INTELLIGENCE_LAW_JURISDICTION:owner:t-hk-holding:HK',
      'jurisdiction:INTELLIGENCE_LAW_JURISDICTION:supplier:operation:CN',
      'jurisdiction:SANCTIONS_JURISDICTION:owner:declaration:owners[1]:RU',
      'jurisdiction:SANCTIONS_JURISDICTION:supplier:operation:RU',
    ]);
    const russian = findings.find((f) => f.key.endsWith('owners[1]:RU'))!;
    expect(russian.summary).toContain('as declared');
    expect(russian.attributes).toMatchObject({ sanctionsRegimes: ['UK-RUSSIA-2019'], share: 40 });
  });
});
