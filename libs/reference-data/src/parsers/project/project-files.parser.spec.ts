import { collect, fixtureStream, valuesOf } from '../__fixtures__/fixtures.js';
import { parseBrands } from './brands.parser.js';
import { parseJurisdictions } from './jurisdictions.parser.js';

describe('parseBrands', () => {
  it('imports brand relations with validity, confidence and source', async () => {
    const { records } = await collect(
      parseBrands(fixtureStream('brands.jsonl'), { file: 'brands.jsonl', skipInvalid: true }),
    );
    expect(valuesOf(records, 'brand')).toEqual([
      {
        externalId: 'brand:hilook:maker-1:own_brand',
        brand: 'HiLook',
        manufacturerExternalId: 'maker-1',
        relation: 'own_brand',
        validFrom: null,
        validTo: null,
        source: 'https://example.org/hilook',
        confidence: 'high',
      },
      expect.objectContaining({
        externalId: 'brand:lorex:maker-2:former_subsidiary:2018-01-01',
        validFrom: '2018-01-01',
        validTo: '2022-11-24',
      }),
    ]);
  });

  it('reports unknown relations, missing sources and reversed periods', async () => {
    const { report } = await collect(
      parseBrands(fixtureStream('brands.jsonl'), { file: 'brands.jsonl', skipInvalid: true }),
    );
    expect(report.skipped).toEqual([
      {
        line: 3,
        field: 'relation',
        message: "'rebadge' is not one of own_brand, oem, white_label, former_subsidiary, component_maker",
      },
      { line: 4, field: 'source', message: 'required' },
      { line: 5, field: 'validTo', message: '2021-01-01 is before validFrom 2022-01-01' },
    ]);
  });

  it('stops at the first malformed line when not skipping', async () => {
    await expect(
      collect(parseBrands(fixtureStream('brands.jsonl'), { file: 'brands.jsonl', skipInvalid: false })),
    ).rejects.toThrow("brands.jsonl line 3, field relation: 'rebadge' is not one of");
  });
});

describe('parseJurisdictions', () => {
  it('imports profiles with their laws, articles and regimes', async () => {
    const { records, report } = await collect(
      parseJurisdictions(fixtureStream('jurisdictions.jsonl'), { file: 'j.jsonl', skipInvalid: true }),
    );
    expect(valuesOf(records, 'jurisdiction')).toEqual([
      {
        country: 'XX',
        intelligenceLaws: [
          {
            id: 'XX-LAW-1',
            title: 'Example Intelligence Law',
            articles: ['7', '14'],
            source: 'https://example.org/law',
          },
        ],
        sanctionsRegimes: [],
        source: 'https://example.org/law',
        confidence: 'high',
      },
      {
        country: 'YY',
        intelligenceLaws: [],
        sanctionsRegimes: [
          { id: 'YY-REGIME', title: 'Example regime', source: 'https://example.org/regime' },
        ],
        source: 'https://example.org/regime',
        confidence: 'medium',
      },
    ]);
    expect(report.skipped).toEqual([
      { line: 3, field: 'country', message: "'Nowhere' is not an ISO 3166-1 alpha-2 code" },
      { line: 4, field: 'intelligenceLaws[0].title', message: 'required' },
    ]);
  });
});
