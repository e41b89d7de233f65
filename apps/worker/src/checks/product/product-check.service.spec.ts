import type { DeclaredProduct, Finding } from '../../../../../libs/contracts/src/index.js';
import { byCode, checkInput, declaration, readerOf, scoreUnder, tender } from '../check-test-data.js';
import { ProductCheckService } from './product-check.service.js';

const sut = new ProductCheckService();

async function productFindings(products: DeclaredProduct[], tenderContext = tender()): Promise<Finding[]> {
  return sut.run(
    checkInput('product', { declaration: declaration({ products }), tender: tenderContext }),
    readerOf(),
  );
}

function only(findings: Finding[], code: string): Finding {
  const matching = byCode(findings, code);
  if (matching.length !== 1) {
    throw new Error(`expected one ${code}, got ${matching.length}: ${findings.map((f) => f.key).join(', ')}`);
  }
  return matching[0]!;
}

describe('ProductCheckService', () => {
  it('traces an own brand to its manufacturer and up the state chain, as the evidence path shows', async () => {
    const findings = await productFindings([
      { brand: 'HiLook', model: 'IPC-B140H', manufacturer: 'Unknown' },
    ]);

    expect(findings.map((f) => f.code).sort()).toEqual([
      'COVERED_EQUIPMENT',
      'INTELLIGENCE_LAW_JURISDICTION',
    ]);
    const law = only(findings, 'INTELLIGENCE_LAW_JURISDICTION');
    expect(law).toMatchObject({
      check: 'product',
      subject: {
        role: 'manufacturer',
        name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
        country: 'CN',
      },
      attributes: {
        jurisdiction: 'CN',
        laws: ['PRC-NIL-2017'],
        equipmentCategory: 'video_surveillance',
        state: true,
      },
    });
    expect(law.evidence[0]!.path).toEqual([
      'HiLook IPC-B140H',
      'Hangzhou Hikvision Digital Technology Co., Ltd. (CN, own brand, high, https://example.org/brands)',
      'China Electronics Technology HIK Group Co., Ltd. (38.88%, low, https://example.org/registry, state)',
      'China Electronics Technology Group Corporation (share unknown, medium, https://example.org/registry, state, listed)',
      'State-owned Assets Supervision and Administration Commission of the State Council (control, high, https://example.org/registry, state)',
    ]);
    expect(law.summary).toContain('HiLook IPC-B140H (own brand) is made by Hangzhou Hikvision');
  });

  it.each([
    {
      case: 'a white-label brand whose manufacturer is listed',
      product: { brand: 'LTS', model: 'CMIP3042', manufacturer: 'LTS Security' },
      expected: {
        WHITE_LABEL_PRODUCT: {
          subject: { role: 'brand', name: 'LTS' },
          attributes: { relation: 'white_label', confidence: 'medium' },
        },
        INTELLIGENCE_LAW_JURISDICTION: { attributes: { jurisdiction: 'CN', confidence: 'medium' } },
        COVERED_EQUIPMENT: {
          attributes: { coveredCompany: 'hikvision', equipmentCategory: 'video_surveillance' },
        },
        UNVERIFIED_DECLARATION: { subject: { role: 'manufacturer', name: 'LTS Security' } },
      },
    },
    {
      case: 'a HiSilicon chipset inside a camera of a brand the data does not know',
      product: {
        brand: 'NoName',
        model: 'X1',
        components: [{ type: 'chipset', manufacturer: 'HiSilicon' }],
      },
      expected: {
        COVERED_EQUIPMENT: {
          subject: { role: 'component', name: 'Huawei Technologies Co., Ltd.' },
          // Huawei is listed for telecoms only: its chipset is Huawei telecoms equipment whatever the tender buys.
          attributes: { coveredCompany: 'huawei', equipmentCategory: 'telecoms', confidence: 'medium' },
        },
        INTELLIGENCE_LAW_JURISDICTION: {
          subject: { role: 'component' },
          attributes: { equipmentCategory: 'telecoms' },
        },
        MISSING_INFORMATION: { subject: { role: 'brand', name: 'NoName' } },
      },
    },
    {
      case: 'a brand whose old owner sold it: Lorex is Skywatch (TW) since 2022-11-24',
      product: { brand: 'Lorex', model: 'E892AB', manufacturer: 'Skywatch' },
      expected: {},
    },
    {
      case: 'a brand the data knows only in the past: IndigoVision was a Dahua OEM until 2021-04',
      product: { brand: 'IndigoVision', model: 'BX', countryOfOrigin: 'GB' },
      expected: {
        MISSING_INFORMATION: {
          summary: expect.stringContaining(
            'Zhejiang Dahua Technology Co., Ltd. (OEM brand until 2021-04-30)',
          ),
        },
      },
    },
  ])('$case', async ({ product, expected }) => {
    const findings = await productFindings([product]);
    expect(findings.map((f) => f.code).sort()).toEqual(Object.keys(expected).sort());
    for (const [code, shape] of Object.entries(expected)) expect(only(findings, code)).toMatchObject(shape);
  });

  it('names the real manufacturer when the declared one contradicts the brand', async () => {
    const findings = await productFindings([
      { brand: 'HiLook', manufacturer: 'Zhejiang Dahua Technology Co., Ltd.' },
    ]);
    expect(only(findings, 'UNVERIFIED_DECLARATION').summary).toBe(
      'HiLook is declared as made by Zhejiang Dahua Technology Co., Ltd., but the reference data records it as made by ' +
        'Hangzhou Hikvision Digital Technology Co., Ltd. (CN) (own brand).',
    );
    // Both manufacturers are screened: the one the data names and the one the supplier named.
    expect(
      byCode(findings, 'COVERED_EQUIPMENT')
        .map((f) => f.attributes?.coveredCompany)
        .sort(),
    ).toEqual(['dahua', 'hikvision']);
  });

  it('does not stay silent about an unknown brand made in China', async () => {
    const findings = await productFindings([
      { brand: 'Acme Vision', model: 'A1', manufacturer: 'Unknown', countryOfOrigin: 'CN' },
    ]);
    expect(findings.map((f) => f.code).sort()).toEqual([
      'INTELLIGENCE_LAW_JURISDICTION',
      'MISSING_INFORMATION',
    ]);
    expect(only(findings, 'INTELLIGENCE_LAW_JURISDICTION')).toMatchObject({
      attributes: { jurisdiction: 'CN', confidence: 'low', basis: 'country of origin' },
    });
  });

  it('lists every item of one manufacturer in one finding, so a larger order does not score twice', async () => {
    const findings = await productFindings([
      { brand: 'HiLook', model: 'IPC-B140H' },
      { brand: 'Hikvision', model: 'DS-2CD2143' },
    ]);
    expect(byCode(findings, 'INTELLIGENCE_LAW_JURISDICTION')).toHaveLength(1);
    expect(
      only(findings, 'INTELLIGENCE_LAW_JURISDICTION').evidence.filter((e) => e.kind === 'brand'),
    ).toHaveLength(2);
  });

  describe('scored under the built-in packs', () => {
    it('a HiSilicon-chipset router for a public-safety network is excluded for a US federal buyer', async () => {
      const usTender = tender({
        buyerType: 'us_federal',
        policyId: 'us-federal-889',
        intendedUse: 'public_safety',
      });
      const findings = await productFindings(
        [
          {
            brand: 'NetEdge',
            model: 'R-200',
            manufacturer: 'Unknown',
            components: [{ type: 'chipset', manufacturer: 'HiSilicon' }],
          },
        ],
        usTender,
      );
      const risk = scoreUnder('us-federal-889', findings, usTender);
      expect(risk).toMatchObject({ outcome: 'excluded', outcomeBasis: { ruleId: 'huawei-zte-telecoms' } });
    });

    it('LTS cameras (white-labelled Hikvision) for a council are high risk for an approver, not excluded', async () => {
      const councilTender = tender();
      const findings = await productFindings([{ brand: 'LTS', model: 'CMIP3042' }], councilTender);
      const risk = scoreUnder('uk-local-authority', findings, councilTender);
      expect(risk).toMatchObject({
        score: 70,
        band: 'high',
        outcome: 'review',
        requiredApprovals: ['reviewer', 'approver'],
      });
    });
  });
});
