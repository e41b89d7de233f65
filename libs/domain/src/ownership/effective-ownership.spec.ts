import type { OwnershipRelation, RefEntity } from '../../../contracts/src/index.js';
import { resolveOwners } from './effective-ownership.js';
import type { EffectiveOwner, OwnershipAnalysis, ResolveOwnersOptions } from './ownership-analysis.js';
import { company, fullyMeshedGroup, graphOf, owns, person, stateBody } from './ownership-test-data.js';

function analyse(
  relations: OwnershipRelation[],
  entities: RefEntity[] = [],
  options: ResolveOwnersOptions = {},
): OwnershipAnalysis {
  return resolveOwners(graphOf(relations, entities), 'S', options);
}

function ownerOf(analysis: OwnershipAnalysis, id: string): EffectiveOwner {
  const owner = analysis.owners.find((candidate) => candidate.entityId === id);
  if (!owner)
    throw new Error(`${id} is not among the owners: ${analysis.owners.map((o) => o.entityId).join(', ')}`);
  return owner;
}

describe('resolveOwners: effective shares', () => {
  it.each<{
    scenario: string;
    relations: OwnershipRelation[];
    owner: string;
    share: { min: number; max: number; point: number | null; minExclusive?: boolean };
    depth: number;
    pathCount: number;
  }>([
    {
      scenario: 'a diamond sums its two paths',
      relations: [owns('A', 'S', 50), owns('B', 'S', 50), owns('T', 'A', 60), owns('T', 'B', 40)],
      owner: 'T',
      share: { min: 50, max: 50, point: 50 },
      depth: 2,
      pathCount: 2,
    },
    {
      scenario: 'a cross-holding is not walked twice',
      relations: [owns('A', 'S', 60), owns('B', 'A', 50), owns('A', 'B', 10), owns('P', 'B', 90)],
      owner: 'A',
      share: { min: 60, max: 60, point: 60 },
      depth: 1,
      pathCount: 1,
    },
    {
      scenario: 'a cycle above the subject still reaches the top',
      relations: [owns('A', 'S', 60), owns('B', 'A', 50), owns('A', 'B', 10), owns('P', 'B', 90)],
      owner: 'P',
      share: { min: 27, max: 27, point: 27 },
      depth: 3,
      pathCount: 1,
    },
    {
      scenario: 'a PSC band stays a band, exclusive at the bottom',
      relations: [owns('P', 'S', [25, 50])],
      owner: 'P',
      share: { min: 25, max: 50, point: null, minExclusive: true },
      depth: 1,
      pathCount: 1,
    },
    {
      scenario: 'bands multiply bound by bound',
      relations: [owns('H', 'S', [50, 75]), owns('P', 'H', [75, 100])],
      owner: 'P',
      share: { min: 37.5, max: 75, point: null, minExclusive: true },
      depth: 2,
      pathCount: 1,
    },
    {
      scenario: 'an unknown share is the whole range',
      relations: [owns('H', 'S', 40), owns('P', 'H', 'unknown')],
      owner: 'P',
      share: { min: 0, max: 40, point: null, minExclusive: false },
      depth: 2,
      pathCount: 1,
    },
    {
      scenario: 'paths adding up beyond 100 % (inconsistent data) are capped',
      relations: [owns('A', 'S', 80), owns('B', 'S', 80), owns('T', 'A', 100), owns('T', 'B', 100)],
      owner: 'T',
      share: { min: 100, max: 100, point: 100 },
      depth: 2,
      pathCount: 2,
    },
    {
      scenario: 'one holding stated twice (band and exact) counts once, the exact figure winning',
      relations: [
        owns('P', 'S', [25, 50], { externalId: 'psc-band' }),
        owns('P', 'S', 40, { externalId: 'filing' }),
      ],
      owner: 'P',
      share: { min: 40, max: 40, point: 40 },
      depth: 1,
      pathCount: 1,
    },
    {
      scenario: 'an indirect relation summarising a known chain is not added on top',
      relations: [owns('A', 'S', 60), owns('P', 'A', 100), owns('P', 'S', 60, { direct: false })],
      owner: 'P',
      share: { min: 60, max: 60, point: 60 },
      depth: 2,
      pathCount: 1,
    },
    {
      scenario: 'an indirect relation stands in when the chain is missing',
      relations: [owns('A', 'S', 100), owns('P', 'S', 60, { direct: false })],
      owner: 'P',
      share: { min: 60, max: 60, point: 60 },
      depth: 1,
      pathCount: 1,
    },
  ])('$scenario', ({ relations, owner, share, depth, pathCount }) => {
    const found = ownerOf(analyse(relations), owner);
    expect(found.share).toMatchObject(share);
    expect(found.depth).toBe(depth);
    expect(found.pathCount).toBe(pathCount);
  });

  it('never lists the subject among its own owners, even when it holds shares in its parent', () => {
    const analysis = analyse([owns('A', 'S', 100), owns('S', 'A', 20)]);
    expect(analysis.owners.map((owner) => owner.entityId)).toEqual(['A']);
    expect(ownerOf(analysis, 'A').share.point).toBe(100);
  });

  it('ignores relations that ended before the analysis date, and those not yet started', () => {
    const relations = [
      owns('Dahua', 'S', 100, { endDate: '2022-11-24' }),
      owns('Skywatch', 'S', 100, { startDate: '2022-11-24' }),
    ];
    const ids = (asOf: string) =>
      resolveOwners(graphOf(relations, [], asOf), 'S').owners.map((o) => o.entityId);
    expect(ids('2025-06-01')).toEqual(['Skywatch']);
    expect(ids('2022-11-23')).toEqual(['Dahua']);
    // A source that does not filter by date (e.g. a loader) can have the analysis do it.
    const unfiltered = graphOf(relations, [], '2022-11-23');
    expect(resolveOwners(unfiltered, 'S', { asOf: '2025-06-01' }).owners.map((o) => o.entityId)).toEqual([]);
  });

  it('names an owner the reference data does not describe by its id', () => {
    const graph = graphOf([owns('A', 'S', 100)]);
    const sparse = {
      ownersOf: graph.ownersOf.bind(graph),
      entity: (id: string) => (id === 'S' ? graph.entity(id) : undefined),
    };
    expect(resolveOwners(sparse, 'S').owners[0]).toMatchObject({
      entityId: 'A',
      name: 'A',
      entity: undefined,
    });
  });
});

describe('resolveOwners: thresholds', () => {
  // P holds 15 % directly, 12 % through A and 24 % through B: no single path passes 25 %, the sum passes 50 %.
  const aggregateOnly = [
    owns('P', 'S', 15),
    owns('A', 'S', 20),
    owns('P', 'A', 60),
    owns('B', 'S', 30),
    owns('P', 'B', 80),
  ];

  it.each<{
    scenario: string;
    relations: OwnershipRelation[];
    owner: string;
    significant: string;
    majority: string;
  }>([
    {
      scenario: 'crossing 25 % and 50 % only in aggregate',
      relations: aggregateOnly,
      owner: 'P',
      significant: 'yes',
      majority: 'yes',
    },
    {
      scenario: 'exactly 25 % is not "more than 25 %"',
      relations: [owns('P', 'S', 25)],
      owner: 'P',
      significant: 'no',
      majority: 'no',
    },
    {
      scenario: 'a band (25, 50] is more than 25 % but not a majority',
      relations: [owns('P', 'S', [25, 50])],
      owner: 'P',
      significant: 'yes',
      majority: 'no',
    },
    {
      scenario: 'a band (50, 75] is a majority',
      relations: [owns('P', 'S', [50, 75])],
      owner: 'P',
      significant: 'yes',
      majority: 'yes',
    },
    {
      scenario: 'an unknown share might be anything',
      relations: [owns('P', 'S', 'unknown')],
      owner: 'P',
      significant: 'possible',
      majority: 'possible',
    },
  ])('$scenario', ({ relations, owner, significant, majority }) => {
    const found = ownerOf(analyse(relations), owner);
    expect(found.aboveSignificantControl).toBe(significant);
    expect(found.aboveMajority).toBe(majority);
  });

  it('takes thresholds as parameters', () => {
    const found = ownerOf(analyse(aggregateOnly, [], { significantControlPct: 60, majorityPct: 75 }), 'P');
    expect([found.aboveSignificantControl, found.aboveMajority]).toEqual(['no', 'no']);
  });
});

describe('resolveOwners: ultimate, state and listed owners', () => {
  const hikvisionChain = [
    owns('CETHIK', 'HIK', 38.88, { confidence: 'medium', source: 'IPVM 2018' }),
    owns('CETC', 'CETHIK', 'unknown', { confidence: 'medium' }),
    owns('SASAC', 'CETC', 'control', { kind: 'state_supervision' }),
    owns('GONG', 'HIK', 10.3),
  ];
  const hikvisionEntities = [
    company('HIK', { country: 'CN' }),
    company('CETHIK'),
    company('CETC'),
    stateBody('SASAC'),
    person('GONG'),
  ];

  it('finds a state body four levels up the chain (Hikvision → CETHIK → CETC → SASAC)', () => {
    const analysis = resolveOwners(graphOf(hikvisionChain, hikvisionEntities), 'HIK');
    const state = analysis.owners.filter((owner) => owner.state);
    expect(state.map((owner) => owner.entityId)).toEqual(['SASAC']);
    expect(state[0]).toMatchObject({ depth: 3, ultimate: true, controlOnly: true, shareUnknown: true });
    expect(state[0].share).toMatchObject({ min: 0, max: 38.88 });
    expect(state[0].paths[0].edges.map((edge) => edge.ownerId)).toEqual(['CETHIK', 'CETC', 'SASAC']);
    expect(analysis.owners.filter((owner) => owner.ultimate).map((owner) => owner.entityId)).toEqual([
      'SASAC',
      'GONG',
    ]);
  });

  it('treats the gov.soe topic as state ownership, not the name', () => {
    const entities = [
      ...hikvisionEntities.filter((e) => e.externalId !== 'CETC'),
      company('CETC', { topics: ['gov.soe'] }),
      company('SASAC-like name Ltd'),
    ];
    const analysis = resolveOwners(graphOf(hikvisionChain, entities), 'HIK');
    expect(
      analysis.owners
        .filter((owner) => owner.state)
        .map((owner) => owner.entityId)
        .sort(),
    ).toEqual(['CETC', 'SASAC']);
  });

  it.each<{
    scenario: string;
    relations: OwnershipRelation[];
    entities: RefEntity[];
    listed: string[];
    rule: string;
    aggregate: number;
  }>([
    {
      scenario: 'one listed owner with 30 %',
      relations: [owns('L', 'S', 30), owns('P', 'S', 70)],
      entities: [company('L', { lists: [{ listId: 'us-bis-entity-list' }] })],
      listed: ['L'],
      rule: 'no',
      aggregate: 30,
    },
    {
      scenario: 'two listed owners reaching 50 % together',
      relations: [owns('L', 'S', 30), owns('M', 'S', 20), owns('P', 'S', 50)],
      entities: [
        company('L', { lists: [{ listId: 'us-bis-entity-list' }] }),
        company('M', { topics: ['sanction'] }),
      ],
      listed: ['L', 'M'],
      rule: 'yes',
      aggregate: 50,
    },
    {
      // OFAC counts A as blocked (50 % by X), so A's 50 % blocks S, although X holds only 25 % effectively.
      scenario: 'a chain of 50 % holdings under a listed owner (OFAC does not multiply)',
      relations: [owns('A', 'S', 50), owns('X', 'A', 50), owns('P', 'S', 50)],
      entities: [company('X', { topics: ['sanction'] })],
      listed: ['X'],
      rule: 'yes',
      aggregate: 50,
    },
    {
      scenario: 'an unknown holding by a listed owner might reach 50 %',
      relations: [owns('X', 'S', 'unknown')],
      entities: [company('X', { lists: [{ listId: 'ofac-sdn' }] })],
      listed: ['X'],
      rule: 'possible',
      aggregate: 0,
    },
    {
      scenario: 'control without ownership does not count for the 50 % rule',
      relations: [owns('X', 'S', 'control')],
      entities: [company('X', { lists: [{ listId: 'ofac-sdn' }] })],
      listed: ['X'],
      rule: 'no',
      aggregate: 0,
    },
  ])('listed owners: $scenario', ({ relations, entities, listed, rule, aggregate }) => {
    const analysis = analyse(relations, entities);
    expect(analysis.owners.filter((owner) => owner.listed).map((owner) => owner.entityId)).toEqual(listed);
    expect(analysis.usFiftyPercentRule.applies).toBe(rule);
    expect(analysis.usFiftyPercentRule.aggregate.min).toBe(aggregate);
  });

  it('reports the share a listed owner holds and its lists', () => {
    const analysis = analyse(
      [owns('H', 'S', 80), owns('L', 'H', 50)],
      [company('L', { lists: [{ listId: 'us-fcc-covered-list' }] })],
    );
    expect(ownerOf(analysis, 'L')).toMatchObject({
      listed: true,
      listIds: ['us-fcc-covered-list'],
      share: { point: 40 },
    });
  });
});

describe('resolveOwners: depth bound', () => {
  const chain = Array.from({ length: 12 }, (_, i) => owns(`C${i + 1}`, i === 0 ? 'S' : `C${i}`, 100));

  it('stops at the bound and says the data went on', () => {
    const analysis = analyse(chain);
    expect(analysis.owners).toHaveLength(10);
    expect(analysis.truncated).toBe(true);
    expect(ownerOf(analysis, 'C10').ultimate).toBe(false);
  });

  it('is not truncated when the data ends within the bound', () => {
    const analysis = analyse(chain, [], { maxDepth: 12 });
    expect(analysis.owners).toHaveLength(12);
    expect(analysis.truncated).toBe(false);
    expect(ownerOf(analysis, 'C12').ultimate).toBe(true);
  });

  it('aggregates a diamond-heavy group without walking its 177,147 paths, keeping the strongest few', () => {
    const analysis = analyse(fullyMeshedGroup(12, 3), [], { maxDepth: 12 });
    const top = ownerOf(analysis, 'L12-0');
    expect(top.pathCount).toBe(3 ** 11);
    expect(top.share.min).toBeCloseTo(100 / 3, 5);
    expect(top.paths).toHaveLength(3);
    expect(top.paths[0].edges).toHaveLength(12);
    expect(analysis.truncated).toBe(false);
  });

  it('keeps a budget on paths inside large ownership cycles and says when it ran out', () => {
    // Every node of the level above also holds a little of every node below: one large cycle.
    const meshed = fullyMeshedGroup(6, 4);
    const crossHoldings = meshed
      .filter((r) => r.ownedExternalId !== 'S')
      .map((r) => owns(r.ownedExternalId, r.ownerExternalId, 1));
    const analysis = analyse([...meshed, ...crossHoldings], [], { cyclePathBudget: 1_000 });
    expect(analysis.pathLimitReached).toBe(true);
    expect(analysis.owners.length).toBeGreaterThan(0);
  });
});

describe('resolveOwners: connected persons (Procurement Act Sch 6 para 45)', () => {
  it.each<{ scenario: string; relations: OwnershipRelation[]; expected: Array<[string, string, string]> }>([
    {
      scenario: 'a person with more than 25 % has significant control',
      relations: [owns('P', 'S', 30), owns('Q', 'S', 20)],
      expected: [['P', 'significant_control', 'yes']],
    },
    {
      scenario: 'control rights without shares are significant control',
      relations: [owns('T', 'S', 'control')],
      expected: [
        ['T', 'significant_control', 'yes'],
        ['T', 'parent_undertaking', 'possible'],
      ],
    },
    {
      scenario: "a parent's parent is a parent even below 50 % effective (60 % × 60 %)",
      relations: [owns('H', 'S', 60), owns('G', 'H', 60)],
      expected: [
        ['H', 'significant_control', 'yes'],
        ['H', 'parent_undertaking', 'yes'],
        ['G', 'significant_control', 'yes'],
        ['G', 'parent_undertaking', 'yes'],
      ],
    },
    {
      scenario: 'directors are connected persons, not owners',
      relations: [owns('D', 'S', 'control', { kind: 'director', controlOnly: true })],
      expected: [['D', 'director', 'yes']],
    },
    {
      scenario: 'subsidiaries come from the reverse direction when the source has it',
      relations: [owns('S', 'SUB', 75), owns('S', 'MINOR', 10)],
      expected: [['SUB', 'subsidiary_undertaking', 'yes']],
    },
  ])('$scenario', ({ relations, expected }) => {
    const analysis = analyse(relations);
    expect(analysis.connectedPersons.map((c) => [c.entityId, c.basis, c.certainty])).toEqual(expected);
    expect(analysis.owners.some((owner) => owner.entityId === 'D')).toBe(false);
  });
});
