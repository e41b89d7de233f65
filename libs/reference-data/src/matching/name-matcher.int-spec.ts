// Name screening's retrieval and scoring against a real PostgreSQL: entities go in through the FtM
// importer, queries come back scored and explained. The database is shared with the run's other tests:
// every test file run uses freshly invented names.
import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createCompanyNameGenerator, createRng } from '../../../domain/src/names/index.js';
import { createDataSource } from '../../../persistence/src/index.js';
import { importReferenceFile } from '../store/index.js';
import { MatchCandidatesRepository } from './match-candidates.repository.js';
import { NameMatcher } from './name-matcher.js';

const words = createCompanyNameGenerator(createRng(randomInt(2 ** 31)));
const [brand, other, rival, lateBrand, newBrand] = [
  words.freshWord(),
  words.freshWord(),
  words.freshWord(),
  words.freshWord(),
  words.freshWord(),
];
const chineseCore = words.freshChineseCore();
const tag = `${brand.toLowerCase()}-${randomInt(1e9)}`;
const id = (name: string) => `${tag}-${name}`;

function ftm(entityId: string, properties: Record<string, string[]>): string {
  return JSON.stringify({ id: entityId, schema: 'Company', properties, datasets: ['int-spec-list'] });
}

describe('NameMatcher', () => {
  let db: DataSource;
  let sut: NameMatcher;
  let version: number;

  async function importLines(lines: string[], source: string): Promise<number> {
    const result = await importReferenceFile(db, {
      stream: Readable.from(lines.map((line) => `${line}\n`)),
      fileName: `${source}.ftm.jsonl`,
      format: 'ftm',
      source,
      importedBy: 'int-spec',
    });
    return result.version;
  }

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
    sut = new NameMatcher(new MatchCandidatesRepository(db));
    version = await importLines(
      [
        ftm(id('security'), {
          name: [`${brand} ${other} Security Systems Ltd`],
          alias: [`${brand} Security`, `杭州${chineseCore}科技有限公司`],
          jurisdiction: ['gb'],
          registrationNumber: ['07654321'],
          topics: ['sanction'],
        }),
        ftm(id('rival'), { name: [`${rival} Logistics GmbH`], jurisdiction: ['de'], topics: ['debarment'] }),
      ],
      `int-spec-${tag}`,
    );
  });
  afterAll(async () => {
    await sut?.close();
    await db?.destroy();
  });

  const best = async (
    name: string,
    extra: { country?: string; identifiers?: { scheme: string; id: string }[] } = {},
  ) => (await sut.match({ name, ...extra }, { asOfVersion: version }))[0];

  it('finds a name with a typo in its distinctive word, and explains the score', async () => {
    // Two letters swapped; when they are the same letter, one dropped instead: always exactly one edit.
    const typo =
      brand[2] !== brand[3]
        ? `${brand.slice(0, 2)}${brand[3]}${brand[2]}${brand.slice(4)}`
        : `${brand.slice(0, 2)}${brand.slice(3)}`;
    const match = await best(`${typo} ${other} Security Systems Ltd`, { country: 'GB' });

    expect(match).toMatchObject({ entity: { externalId: id('security') }, retrievedBy: 'name' });
    expect(match!.score).toBeGreaterThanOrEqual(sut.threshold);
    // The name alone is short of exact; the country bonus may still lift a long name's score to 1.
    expect(match!.components.name).toBeLessThan(1);
    expect(match!.components).toMatchObject({ country: 1, identifier: 0 });
    expect(match!.explanation.join('\n')).toMatch(/edit/);
  });

  it('finds the same company under another legal form and punctuation', async () => {
    const match = await best(`${brand.toUpperCase()}-${other} SECURITY SYSTEMS LIMITED`);

    expect(match?.entity.externalId).toBe(id('security'));
    expect(match!.score).toBeGreaterThan(0.95);
  });

  it('finds a company by its alias and says which alias matched', async () => {
    const match = await best(`${brand} Security Limited`);

    expect(match).toMatchObject({
      entity: { externalId: id('security') },
      matchedName: `${brand} Security`,
      matchedAlias: true,
    });
  });

  it('finds a company by its identifier, however the supplier typed it, when the name shares nothing', async () => {
    const match = await best(`${lateBrand} Trading Ltd`, {
      identifiers: [{ scheme: 'gb-coh', id: '0765-4321' }],
    });

    expect(match).toMatchObject({
      entity: { externalId: id('security') },
      retrievedBy: 'identifier',
      components: { identifier: 1 },
    });
    expect(match!.score).toBeGreaterThanOrEqual(sut.threshold);
  });

  it('finds a Chinese-script name through the Chinese alias, in Traditional script and another legal form', async () => {
    const match = await best(`杭州${chineseCore}科技股份有限公司`);

    expect(match).toMatchObject({ entity: { externalId: id('security') }, matchedAlias: true });
    expect(match!.matchedName).toBe(`杭州${chineseCore}科技有限公司`);
  });

  it('returns no hit for a near-miss that shares only the sector words and legal form', async () => {
    const matches = await sut.match(
      { name: `${lateBrand} ${other} Security Systems Ltd`, country: 'GB' },
      { asOfVersion: version },
    );

    expect(matches.map((match) => match.entity.externalId)).not.toContain(id('security'));
  });

  it('still scores the near-miss when asked for every candidate, below the threshold', async () => {
    const matches = await sut.match(
      { name: `${lateBrand} ${other} Security Systems Ltd` },
      { asOfVersion: version, threshold: 0 },
    );
    const nearMiss = matches.find((match) => match.entity.externalId === id('security'));

    expect(nearMiss?.score).toBeLessThan(sut.threshold);
  });

  it('reads as of a dataset version: an entity imported later is not matched as of an earlier one', async () => {
    const later = await importLines(
      [ftm(id('late'), { name: [`${lateBrand} Robotics Ltd`], jurisdiction: ['gb'], topics: ['sanction'] })],
      `int-spec-${tag}-late`,
    );

    expect(
      (await sut.match({ name: `${lateBrand} Robotics` }, { asOfVersion: version }))[0]?.entity.externalId,
    ).not.toBe(id('late'));
    expect(
      (await sut.match({ name: `${lateBrand} Robotics` }, { asOfVersion: later }))[0]?.entity.externalId,
    ).toBe(id('late'));
  });

  it('finds a name listed after it started matching at once, typo included (its vocabulary catches up)', async () => {
    // Matching before the import: the in-memory vocabulary is loaded without the new word.
    const typo = `${newBrand.slice(0, 2)}${newBrand.slice(3)}`;
    expect(await sut.match({ name: `${typo} Ventures` }, { asOfVersion: version })).toEqual([]);
    const later = await importLines(
      [ftm(id('new'), { name: [`${newBrand} Ventures Ltd`], jurisdiction: ['gb'], topics: ['sanction'] })],
      `int-spec-${tag}-new`,
    );

    const match = (await sut.match({ name: `${typo} Ventures` }, { asOfVersion: later }))[0];

    expect(match?.entity.externalId).toBe(id('new'));
  });
});
