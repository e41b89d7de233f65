// The graph repository against a real PostgreSQL: a small hand-made registry written with plain SQL in two
// dataset versions, read back as of each.
import type { DataSource } from 'typeorm';
import { OwnershipGraph, resolveOwners } from '../../../domain/src/ownership/index.js';
import { createDataSource } from '../../../persistence/src/index.js';
import { ReferenceGraphRepository } from './reference-graph.repository.js';

/** Ids of this file only: the database is shared with the run's other tests. */
const id = (name: string) => `rgr-${name}`;

describe('ReferenceGraphRepository', () => {
  let db: DataSource;
  let sut: ReferenceGraphRepository;
  let v1: number;
  let v2: number;

  async function dataset(): Promise<number> {
    const [row] = await db.query(
      `INSERT INTO reference_datasets (source, format, file_name, file_sha256, imported_by)
       VALUES ('graph-int-spec', 'test', 'hand-made', repeat('0', 64), 'test') RETURNING version`,
    );
    return row.version as number;
  }

  async function company(
    name: string,
    version: number,
    extra: { country?: string; identifiers?: { scheme: string; id: string }[]; topics?: string[] } = {},
  ) {
    const identifiers = extra.identifiers ?? [];
    await db.query(
      `INSERT INTO reference_entities (external_id, source, kind, name, aliases, country, identifiers,
         identifier_keys, topics, lists, fact_source, confidence, version_from)
       VALUES ($1, 'graph-int-spec', 'company', $2, '{}', $3, $4::jsonb, $5, $6, '[]'::jsonb, 'test registry', 'high', $7)`,
      [
        id(name),
        name,
        extra.country ?? 'GB',
        JSON.stringify(identifiers),
        identifiers.map((i) => `${i.scheme}:${i.id}`.toUpperCase()),
        extra.topics ?? [],
        version,
      ],
    );
  }

  async function owns(
    owner: string,
    owned: string,
    share: number | [number, number] | null,
    version: number,
    extra: { versionTo?: number; endDate?: string } = {},
  ) {
    const [exact, min, max] = Array.isArray(share) ? [null, ...share] : [share, null, null];
    await db.query(
      `INSERT INTO reference_ownership (external_id, source, owner_external_id, owned_external_id, share_exact,
         share_min, share_max, end_date, fact_source, confidence, version_from, version_to)
       VALUES ($1, 'graph-int-spec', $2, $3, $4, $5, $6, $7, 'test registry', 'medium', $8, $9)`,
      [
        id(`${owner}>${owned}@${version}`),
        id(owner),
        id(owned),
        exact,
        min,
        max,
        extra.endDate ?? null,
        version,
        extra.versionTo ?? null,
      ],
    );
  }

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
    sut = new ReferenceGraphRepository(db);
    v1 = await dataset();
    v2 = await dataset();
    // A chain S ← A ← B ← C ← D; a diamond S ← (L 50 %, R 50 %) ← TOP (60 %, 40 %); a cycle X ⇄ Y above D.
    for (const name of ['S', 'A', 'B', 'C', 'D', 'L', 'R', 'TOP', 'X', 'Y', 'LATE']) await company(name, v1);
    await company('IDENTIFIED', v1, { identifiers: [{ scheme: 'GB-COH', id: '01234567' }] });
    await owns('A', 'S', 10, v1);
    await owns('B', 'A', 100, v1);
    await owns('C', 'B', [25, 50], v1);
    await owns('D', 'C', 100, v1, { endDate: '2024-01-31' });
    await owns('X', 'D', 50, v1);
    await owns('Y', 'X', 50, v1);
    await owns('X', 'Y', 50, v1);
    await owns('L', 'S', 45, v1);
    await owns('R', 'S', 45, v1);
    await owns('TOP', 'L', 60, v1);
    await owns('TOP', 'R', 40, v1, { versionTo: v2 });
    await owns('TOP', 'R', 80, v2);
    await owns('LATE', 'S', 5, v2);
    await db.query(
      `INSERT INTO reference_brands (external_id, source, brand, brand_normalised, manufacturer_external_id, relation,
         valid_from, valid_to, fact_source, confidence, version_from)
       VALUES ($1, 'graph-int-spec', 'Rgrbrand', 'rgrbrand', $2, 'white_label', '2018-01-01', '2022-11-24',
         'test brands', 'medium', $3)`,
      [id('brand'), id('TOP'), v1],
    );
    await db.query(
      `INSERT INTO reference_jurisdictions (country, source, profile, version_from, version_to)
       VALUES ('XQ', 'graph-int-spec', $1::jsonb, $2, NULL)`,
      [
        JSON.stringify({
          country: 'XQ',
          intelligenceLaws: [{ id: 'XQ-LAW', title: 'Test law', source: 'test' }],
          sanctionsRegimes: [],
          source: 'test',
          confidence: 'high',
        }),
        v2,
      ],
    );
  });

  afterAll(() => db?.destroy());

  it('loads owners up to the depth bound plus the relations one step beyond, and the entities they name', async () => {
    const { relations, entities } = await sut.upstreamSubgraph([id('S')], 2, v1);
    const edges = relations.map((r) => `${r.ownerExternalId}>${r.ownedExternalId}`.replaceAll('rgr-', ''));
    // Depth 0: S's owners; depth 1: A's, L's, R's; depth 2 nodes (B, TOP) bring their owners' edges (C>B).
    expect(edges.sort()).toEqual(['A>S', 'B>A', 'C>B', 'L>S', 'R>S', 'TOP>L', 'TOP>R'].sort());
    expect(entities.map((e) => e.externalId.replace('rgr-', '')).sort()).toEqual(
      ['A', 'B', 'C', 'L', 'R', 'S', 'TOP'].sort(),
    );
  });

  it('returns shares as numbers and dates as calendar days', async () => {
    const { relations } = await sut.upstreamSubgraph([id('C')], 1, v1);
    expect(relations.find((r) => r.ownedExternalId === id('C'))).toMatchObject({
      ownerExternalId: id('D'),
      shareExact: 100,
      shareMin: null,
      endDate: '2024-01-31',
      direct: true,
      controlOnly: false,
      kind: 'shareholding',
      source: 'test registry',
      confidence: 'medium',
    });
    const { relations: band } = await sut.upstreamSubgraph([id('B')], 0, v1);
    expect(band).toMatchObject([{ shareExact: null, shareMin: 25, shareMax: 50 }]);
  });

  it('stops at cycles instead of looping', async () => {
    const { relations } = await sut.upstreamSubgraph([id('D')], 10, v1);
    expect(
      relations.map((r) => `${r.ownerExternalId}>${r.ownedExternalId}`.replaceAll('rgr-', '')).sort(),
    ).toEqual(['X>D', 'X>Y', 'Y>X']);
  });

  it('reads each dataset version as it stood, and feeds the effective-ownership maths', async () => {
    const effective = async (version: number) => {
      const { relations, entities } = await sut.upstreamSubgraph([id('S')], 10, version);
      const analysis = resolveOwners(
        OwnershipGraph.build(entities, relations, { asOf: '2025-06-01' }),
        id('S'),
        {
          asOf: '2025-06-01',
        },
      );
      return Object.fromEntries(
        analysis.owners.map((o) => [
          o.entityId.replace('rgr-', ''),
          o.share.point ?? [o.share.min, o.share.max],
        ]),
      );
    };
    // v1: TOP holds 45 % × 60 % + 45 % × 40 % = 45 % through the diamond; D's holding ended in January 2024.
    expect(await effective(v1)).toMatchObject({ TOP: 45, A: 10, B: 10, C: [2.5, 5] });
    expect((await effective(v1)).D).toBeUndefined();
    // v2 replaced R's 40 % with 80 % and added LATE.
    expect(await effective(v2)).toMatchObject({ TOP: 63, LATE: 5 });
    expect((await effective(v1)).LATE).toBeUndefined();
  });

  it('finds entities by identifier whatever the case, brands by normalised name, profiles as of a version', async () => {
    expect(
      (await sut.entitiesByIdentifiers([{ scheme: 'gb-coh', id: '01234567' }], v1)).map((e) => e.externalId),
    ).toEqual([id('IDENTIFIED')]);
    expect(await sut.brandRelations(['rgrbrand'], v1)).toEqual([
      {
        externalId: id('brand'),
        brand: 'Rgrbrand',
        brandNormalised: 'rgrbrand',
        manufacturerExternalId: id('TOP'),
        relation: 'white_label',
        validFrom: '2018-01-01',
        validTo: '2022-11-24',
        source: 'test brands',
        confidence: 'medium',
      },
    ]);
    expect((await sut.jurisdictionProfiles(v1)).map((p) => p.country)).not.toContain('XQ');
    expect((await sut.jurisdictionProfiles(v2)).find((p) => p.country === 'XQ')).toMatchObject({
      intelligenceLaws: [{ id: 'XQ-LAW' }],
    });
  });
});
