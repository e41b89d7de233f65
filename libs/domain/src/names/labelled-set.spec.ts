import { buildLabelledSet } from './labelled-set.js';
import { addNoise } from './name-noise.js';
import { normaliseName } from './normalise.js';
import { createRng } from './prng.js';
import { SEED_LISTED_ENTITIES } from './seed-listed-entities.js';
import { createCompanyNameGenerator, syntheticEntities } from './synthetic-names.js';

const small = { syntheticListedCount: 200, positiveCount: 300, negativeCount: 300 };

describe('buildLabelledSet', () => {
  const set = buildLabelledSet(small);
  const positives = set.queries.filter((query) => query.expectedEntityId !== null);
  const negatives = set.queries.filter((query) => query.expectedEntityId === null);

  it('is the same for the same seed and different for another', () => {
    expect(buildLabelledSet(small)).toEqual(set);
    expect(buildLabelledSet({ ...small, seed: 2 }).queries).not.toEqual(set.queries);
  });

  it('lists the seed entities and the synthetic ones', () => {
    const ids = set.listed.map((entity) => entity.entityId);

    expect(ids).toEqual(expect.arrayContaining(SEED_LISTED_ENTITIES.map((entity) => entity.entityId)));
    expect(set.listed.length).toBe(SEED_LISTED_ENTITIES.length + 1 + small.syntheticListedCount);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the requested numbers of positives and negatives, positives pointing at listed entities', () => {
    const ids = new Set(set.listed.map((entity) => entity.entityId));

    expect(positives).toHaveLength(small.positiveCount);
    expect(negatives).toHaveLength(small.negativeCount);
    expect(positives.every((query) => ids.has(query.expectedEntityId as string))).toBe(true);
  });

  it('queries every seed entity, in Latin and Chinese script', () => {
    for (const entity of SEED_LISTED_ENTITIES) {
      const queries = positives.filter((query) => query.expectedEntityId === entity.entityId);
      expect(queries.length).toBeGreaterThanOrEqual(10);
    }
    expect(positives.some((query) => /\p{Script=Han}/u.test(query.query.name))).toBe(true);
  });

  it('mostly changes the names it queries', () => {
    const listedNames = new Set(set.listed.flatMap((entity) => [entity.name, ...entity.aliases]));
    const verbatim = positives.filter((query) => listedNames.has(query.query.name));

    expect(verbatim.length).toBeLessThan(positives.length * 0.1);
  });

  it('includes near-misses, and no negative is a listed name', () => {
    const listedNames = new Set(
      set.listed.flatMap((entity) => [entity.name, ...entity.aliases].map(normaliseName)),
    );

    expect(negatives.map((query) => query.query.name)).toContain('Standard Life Ltd');
    expect(negatives.filter((query) => query.origin.startsWith('near-miss')).length).toBeGreaterThan(50);
    expect(negatives.filter((query) => listedNames.has(normaliseName(query.query.name)))).toEqual([]);
  });
});

describe('addNoise', () => {
  it('reports the noise it applied', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const { name, noise } = addNoise('Hangzhou Hikvision Digital Technology Co., Ltd.', 2, rng);
      expect(noise.length).toBeGreaterThan(0);
      expect(name).not.toBe('Hangzhou Hikvision Digital Technology Co., Ltd.');
      expect(new Set(noise).size).toBe(noise.length);
    }
  });

  it('writes Chinese names in Traditional script', () => {
    const rng = createRng(1);
    const variants = Array.from({ length: 30 }, () => addNoise('华为技术有限公司', 1, rng));
    const traditional = variants.find((variant) => variant.noise[0] === 'traditional-script');

    expect(traditional?.name).toBe('華為技術有限公司');
  });
});

describe('synthetic companies', () => {
  it('have distinct identifying words while unique', () => {
    const generator = createCompanyNameGenerator(createRng(5));
    const keys = Array.from({ length: 500 }, () => generator.next().distinctiveWords.join(' ').toLowerCase());

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stream deterministically for the speed benchmark', () => {
    const first = [...syntheticEntities(createRng(9), 100)];

    expect(first).toHaveLength(100);
    expect([...syntheticEntities(createRng(9), 100)]).toEqual(first);
    expect(first.every((entity) => normaliseName(entity.name) !== '')).toBe(true);
  });
});
