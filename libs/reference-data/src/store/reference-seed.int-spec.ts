// The seed dataset shipped in the repository loads cleanly, once, and its brand relations name
// manufacturers that are in it.
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../persistence/src/index.js';
import { SEED_FILES } from '../parsers/index.js';
import { loadSeedReferenceData, seedDirectory, seedSource } from './reference-seed.js';

describe('loadSeedReferenceData', () => {
  let db: DataSource;
  const seedSources = SEED_FILES.map(({ file }) => seedSource(file));

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
  });
  afterAll(() => db.destroy());

  async function seedDatasets(): Promise<{ source: string; version: number; skipped_count: number }[]> {
    return db.query(
      'SELECT source, version, skipped_count FROM reference_datasets WHERE source = ANY($1) ORDER BY version',
      [seedSources],
    );
  }

  it('imports every seed file without skipping a record, and a second load changes nothing', async () => {
    const version = await loadSeedReferenceData(db);
    const loaded = await seedDatasets();

    const again = await loadSeedReferenceData(db);

    expect(loaded.map((dataset) => dataset.source).sort()).toEqual([...seedSources].sort());
    expect(loaded.every((dataset) => dataset.skipped_count === 0)).toBe(true);
    expect(await seedDatasets()).toEqual(loaded);
    expect(again).toBe(version);
  });

  it('links every brand to a manufacturer among the seed entities', async () => {
    await loadSeedReferenceData(db);

    const brands = await db.query(
      `SELECT b.brand, b.manufacturer_external_id, e.external_id AS entity
         FROM reference_brands b
         LEFT JOIN reference_entities e ON e.external_id = b.manufacturer_external_id AND e.version_to IS NULL
        WHERE b.source = 'seed-brands' AND b.version_to IS NULL`,
    );
    expect(brands.length).toBeGreaterThan(0);
    expect(brands.filter((brand: { entity: string | null }) => brand.entity === null)).toEqual([]);
    expect(brands.map((brand: { brand: string }) => brand.brand)).toEqual(
      expect.arrayContaining(['Ezviz', 'HiLook', 'HiWatch']),
    );
  });

  it('finds the seed folder from the compiled module in dist/ as well as from the sources', () => {
    const fromSources = seedDirectory();
    const fromDist = seedDirectory(
      new URL('../../../../dist/libs/reference-data/src/store/reference-seed.js', import.meta.url).href,
    );

    expect(fromDist).toBe(fromSources);
  });
});
