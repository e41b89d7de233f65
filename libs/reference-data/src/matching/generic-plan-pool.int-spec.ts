import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../persistence/src/index.js';
import { genericPlanPool } from './generic-plan-pool.js';

describe('genericPlanPool', () => {
  let db: DataSource;
  let sut: Pool;

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
    sut = genericPlanPool(db, 2);
  });

  afterAll(async () => {
    await sut?.end();
    await db?.destroy();
  });

  async function setting(query: (sql: string) => Promise<unknown>, name: string): Promise<string> {
    const result = (await query(`SELECT current_setting('${name}') AS value`)) as
      { rows: { value: string }[] } | { value: string }[];
    return Array.isArray(result) ? result[0]!.value : result.rows[0]!.value;
  }

  it('plans named statements once on its own connections, and only there', async () => {
    expect(await setting((sql) => sut.query(sql), 'plan_cache_mode')).toBe('force_generic_plan');
    expect(await setting((sql) => db.query(sql), 'plan_cache_mode')).toBe('auto');
  });

  it('connects to the same database, as the same application', async () => {
    expect(await setting((sql) => sut.query(sql), 'application_name')).toBe(
      await setting((sql) => db.query(sql), 'application_name'),
    );
    const [{ name }] = await db.query('SELECT current_database() AS name');
    expect((await sut.query('SELECT current_database() AS name')).rows[0].name).toBe(name);
  });

  it('keeps at most the connections it was given', () => {
    expect(sut.options.max).toBe(2);
  });
});
