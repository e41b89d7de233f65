import type { Declaration, Finding, SupplierRef } from '../../../../../libs/contracts/src/index.js';
import {
  byCode,
  checkInput,
  declaration,
  entity,
  owns,
  readerOf,
  scoreUnder,
  tender,
  withFixture,
} from '../check-test-data.js';
import { OwnershipCheckService } from './ownership-check.service.js';

const sut = new OwnershipCheckService();

const SUPPLIER: SupplierRef = {
  name: 'Brightwatch Installations Ltd',
  country: 'GB',
  identifiers: [{ scheme: 'GB-COH', id: '11111111' }],
};
const brightwatch = entity('t-brightwatch', 'Brightwatch Installations Ltd', {
  country: 'GB',
  identifiers: [{ scheme: 'GB-COH', id: '11111111' }],
});
const holdco = entity('t-holdco', 'Brightwatch Holdings Ltd', { country: 'GB' });
const topco = entity('t-topco', 'Pearl River Security Group Co., Ltd.', { country: 'CN' });
const GROUP = withFixture({
  entities: [brightwatch, holdco, topco],
  relations: [owns('t-holdco', 't-brightwatch', 100), owns('t-topco', 't-holdco', 80)],
});

async function ownershipFindings(
  declared: Partial<Declaration>,
  fixture = GROUP,
  supplier = SUPPLIER,
): Promise<Finding[]> {
  return sut.run(
    checkInput('ownership', { supplier, declaration: declaration(declared) }),
    readerOf(fixture),
  );
}

describe('OwnershipCheckService', () => {
  it('finds nothing to report when the declaration matches the registry', async () => {
    const findings = await ownershipFindings({
      owners: [{ name: 'Brightwatch Holdings Ltd', country: 'GB', share: 100 }],
      ultimateParent: { name: 'Pearl River Security Group Co., Ltd.', country: 'CN' },
    });
    expect(findings).toEqual([]);
  });

  it('reports the undeclared ultimate parent, with the path the registry records', async () => {
    const findings = await ownershipFindings({
      owners: [{ name: 'Brightwatch Holdings Ltd', country: 'GB', share: 100 }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      key: 'ownership:UNDECLARED_OWNER:t-topco',
      code: 'UNDECLARED_OWNER',
      subject: { role: 'parent', name: 'Pearl River Security Group Co., Ltd.', country: 'CN' },
      summary:
        'The registry records Pearl River Security Group Co., Ltd. as the ultimate parent undertaking of ' +
        'Brightwatch Installations Ltd (80%, 2 levels up), but the declaration names no ultimate parent.',
      attributes: { share: 80, depth: 2 },
    });
    expect(findings[0]!.evidence[0]!.path).toEqual([
      'Brightwatch Installations Ltd',
      'Brightwatch Holdings Ltd (100%, medium, https://example.org/registry)',
      'Pearl River Security Group Co., Ltd. (80%, medium, https://example.org/registry)',
    ]);
    // How the supplier was found: by its Companies House number.
    expect(findings[0]!.evidence.at(-1)).toMatchObject({ kind: 'match', detail: { by: 'identifier' } });
  });

  it('reports an undeclared direct owner once, not again as the parent', async () => {
    const findings = await ownershipFindings({ owners: [] });
    expect(findings.map((f) => f.key)).toEqual([
      'ownership:UNDECLARED_OWNER:t-holdco',
      'ownership:UNDECLARED_OWNER:t-topco',
    ]);
    expect(findings.map((f) => f.subject.role)).toEqual(['owner', 'parent']);
  });

  it('calls a declared ultimate parent the registry does not know a parent, not an owner', async () => {
    const findings = await ownershipFindings({
      owners: [{ name: 'Brightwatch Holdings Ltd', country: 'GB', share: 100 }],
      ultimateParent: { name: 'Somebody Else plc', country: 'GB' },
    });
    expect(byCode(findings, 'UNVERIFIED_DECLARATION')).toMatchObject([
      {
        subject: { role: 'parent', name: 'Somebody Else plc' },
        summary: expect.stringContaining('declared as the ultimate parent'),
      },
    ]);
    expect(byCode(findings, 'UNDECLARED_OWNER')[0]!.summary).toContain(
      'names Somebody Else plc as its ultimate parent',
    );
  });

  it('says once that an unknown supplier’s ownership could not be checked, yet screens the owners it declared', async () => {
    const unknown: SupplierRef = { name: 'Nowhere Trading Ltd', country: 'GB', identifiers: [] };
    const findings = await ownershipFindings(
      {
        owners: [
          { name: 'China Electronics Technology Group Corporation', country: 'CN', share: 60 },
          { name: 'A. Person', country: 'GB', share: 40 },
        ],
      },
      GROUP,
      unknown,
    );
    expect(byCode(findings, 'UNVERIFIED_DECLARATION')).toHaveLength(1);
    expect(byCode(findings, 'UNVERIFIED_DECLARATION')[0]).toMatchObject({
      subject: { role: 'supplier', name: 'Nowhere Trading Ltd' },
      summary: expect.stringContaining('not in the reference data'),
    });
    const state = byCode(findings, 'STATE_OWNERSHIP');
    expect(state).toHaveLength(1);
    expect(state[0]!.evidence[0]!.path).toEqual([
      'Nowhere Trading Ltd',
      "China Electronics Technology Group Corporation (60%, medium, supplier's declaration, state, listed)",
      'State-owned Assets Supervision and Administration Commission of the State Council (control, high, https://example.org/registry, state)',
    ]);
  });

  it('flags a controller on a military-company list as a national-security concern, excludable after referral', async () => {
    const fixture = withFixture({
      entities: [brightwatch],
      relations: [owns('seed-cetc', 't-brightwatch', 60)],
    });
    const findings = await ownershipFindings(
      { owners: [{ name: 'China Electronics Technology Group Corporation', country: 'CN', share: 60 }] },
      fixture,
    );
    expect(
      findings
        .filter((f) => f.attributes?.nationalSecurity === true)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['STATE_OWNERSHIP', 'WATCHLIST_MATCH']);
    const risk = scoreUnder('uk-local-authority', findings, tender());
    expect(risk).toMatchObject({
      outcome: 'excludable',
      outcomeBasis: { ruleId: 'national-security-threat' },
    });
  });
});
