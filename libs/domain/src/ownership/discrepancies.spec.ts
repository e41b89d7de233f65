import type { DeclaredOwner, OwnershipRelation, RefEntity } from '../../../contracts/src/index.js';
import { compareDeclaredOwners, type CompareDeclarationOptions } from './discrepancies.js';
import { resolveOwners } from './effective-ownership.js';
import { normaliseOwnerName } from './owner-name-comparison.js';
import { company, graphOf, owns, person } from './ownership-test-data.js';

const acmeHoldings = company('ACME-H', {
  name: 'Acme Holdings Ltd.',
  identifiers: [{ scheme: 'GB-COH', id: '01234567' }],
});
const acmeGroup = company('ACME-G', { name: 'Acme Group plc' });
const registry = [owns('ACME-H', 'S', 100), owns('ACME-G', 'ACME-H', 100)];

function compare(
  declared: DeclaredOwner[],
  relations: OwnershipRelation[] = registry,
  entities: RefEntity[] = [acmeHoldings, acmeGroup],
  options?: CompareDeclarationOptions,
) {
  const result = compareDeclaredOwners(resolveOwners(graphOf(relations, entities), 'S'), declared, options);
  return {
    undeclared: result.undeclared.map((gap) => gap.owner.entityId),
    unverified: result.unverified.map((owner) => owner.name),
    matches: result.matches.map((match) => [match.declared.name, match.ownerId, match.by]),
    result,
  };
}

describe('compareDeclaredOwners', () => {
  it.each<{
    scenario: string;
    declared: DeclaredOwner[];
    undeclared: string[];
    unverified: string[];
    matches: Array<[string, string, string]>;
  }>([
    {
      scenario: 'an undeclared parent',
      declared: [],
      undeclared: ['ACME-H'],
      unverified: [],
      matches: [],
    },
    {
      scenario: 'a declared owner the registry cannot find',
      declared: [
        { name: 'Acme Holdings Limited', country: 'GB', share: 100 },
        { name: 'Ghost Nominees Ltd', country: 'GB', share: 5 },
      ],
      undeclared: [],
      unverified: ['Ghost Nominees Ltd'],
      matches: [['Acme Holdings Limited', 'ACME-H', 'name']],
    },
    {
      scenario: 'a name written differently but the same register number',
      declared: [{ name: 'ACME HLDGS', country: 'GB', identifiers: [{ scheme: 'gb-coh', id: '0123 4567' }] }],
      undeclared: [],
      unverified: [],
      matches: [['ACME HLDGS', 'ACME-H', 'identifier']],
    },
    {
      scenario: 'the same name with a different register number is another company',
      declared: [
        { name: 'Acme Holdings Ltd', country: 'GB', identifiers: [{ scheme: 'GB-COH', id: '99999999' }] },
      ],
      undeclared: ['ACME-H'],
      unverified: ['Acme Holdings Ltd'],
      matches: [],
    },
    {
      scenario: 'the same name in another country is another company',
      declared: [{ name: 'Acme Holdings Ltd', country: 'US' }],
      undeclared: ['ACME-H'],
      unverified: ['Acme Holdings Ltd'],
      matches: [],
    },
    {
      scenario: 'declaring only the ultimate parent leaves the direct holder undeclared',
      declared: [{ name: 'ACME GROUP PLC', country: 'GB', share: 100 }],
      undeclared: ['ACME-H'],
      unverified: [],
      matches: [['ACME GROUP PLC', 'ACME-G', 'name']],
    },
  ])('$scenario', ({ declared, undeclared, unverified, matches }) => {
    const outcome = compare(declared);
    expect(outcome.undeclared).toEqual(undeclared);
    expect(outcome.unverified).toEqual(unverified);
    expect(outcome.matches).toEqual(matches);
  });

  it('matches Chinese-script declarations through registry aliases', () => {
    const hikvision = company('HIK', {
      name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
      aliases: ['杭州海康威视数字技术股份有限公司'],
      country: 'CN',
    });
    const outcome = compare(
      [{ name: '杭州海康威视数字技术有限公司', country: 'CN' }],
      [owns('HIK', 'S', 100)],
      [hikvision],
    );
    expect(outcome.matches).toEqual([['杭州海康威视数字技术有限公司', 'HIK', 'name']]);
  });

  it('uses the injected name matcher', () => {
    const outcome = compare([{ name: 'Acme', country: 'GB' }], registry, [acmeHoldings, acmeGroup], {
      sameName: (a, b) => b.startsWith(a),
    });
    expect(outcome.matches).toEqual([['Acme', 'ACME-H', 'name']]);
  });

  it('leaves small holdings out when the declaration only asks for larger ones', () => {
    const relations = [owns('BIG', 'S', 60), owns('SMALL', 'S', 5), owns('BAND', 'S', [0, 10])];
    const outcome = compare([], relations, [person('BIG'), person('SMALL'), person('BAND')], {
      minSharePct: 10,
    });
    expect(outcome.undeclared).toEqual(['BIG']);
  });

  it.each<[number | undefined, boolean | null]>([
    [100, true],
    [99.5, true],
    [60, false],
    [undefined, null],
  ])('checks a declared share of %s against the registry', (share, consistent) => {
    const { result } = compare([{ name: 'Acme Holdings Ltd', country: 'GB', share }]);
    expect(result.matches[0].shareConsistent).toBe(consistent);
  });
});

describe('normaliseOwnerName', () => {
  it.each([
    ['Hangzhou Hikvision Digital Technology Co., Ltd.', 'hangzhou hikvision digital technology'],
    ['ACME HOLDINGS LIMITED', 'acme holdings'],
    ['Société Générale S.A.', 'societe generale'],
    ['Müller GmbH', 'muller'],
    ['中国电子科技集团有限公司', '中国电子科技集团'],
    ['杭州海康威视数字技术股份有限公司', '杭州海康威视数字技术'],
    ['Limited', 'limited'],
  ])('%s → %s', (name, expected) => {
    expect(normaliseOwnerName(name)).toBe(expected);
  });
});
