import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';

describe('schema', () => {
  let sut: DataSource;

  beforeAll(async () => {
    sut = createDataSource(process.env.TEST_DATABASE_URL!);
    await sut.initialize();
  });
  afterAll(() => sut.destroy());

  it('migrations and entities agree (no pending schema change)', async () => {
    const pending = await sut.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no migration left to run', async () => {
    expect(await sut.showMigrations()).toBe(false);
  });
});
