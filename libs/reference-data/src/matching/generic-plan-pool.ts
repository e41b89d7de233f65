// A few connections beside the application's pool, on which PostgreSQL plans a named statement once
// and keeps that plan (plan_cache_mode = force_generic_plan), for the candidate statement of name
// screening (candidate-query.ts): left to choose, PostgreSQL plans it anew for every query, since its
// custom plans look cheaper than the generic one, and the planning costs a third of the statement's
// CPU. A setting of these connections' sessions only: every other statement of the service, on the
// application's pool, keeps its custom plans.
import type { Pool, PoolConfig } from 'pg';
import type { DataSource } from 'typeorm';

const GENERIC_PLANS = '-c plan_cache_mode=force_generic_plan';

/** A pool like the data source's (same server, credentials and settings), of `max` generic-plan connections. */
export function genericPlanPool(db: DataSource, max: number): Pool {
  const application = (db.driver as unknown as { master: Pool }).master;
  const config = (application as unknown as { options: PoolConfig }).options;
  const pool = new (application.constructor as new (config: PoolConfig) => Pool)({
    ...config,
    // Not copied by the spread: the pool keeps it non-enumerable, so that it is never logged.
    password: config.password,
    max,
    options: [config.options, GENERIC_PLANS].filter(Boolean).join(' '),
    // Idle connections never keep the process alive: one that forgot to close the pool still exits.
    allowExitOnIdle: true,
  });
  // An idle connection the server closed: the pool drops it and connects anew when next asked; a
  // lasting failure reaches the next query. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  return pool;
}
