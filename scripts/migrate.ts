// `npm run migrate`: applies migrations, publishes the built-in policies and loads the seed reference
// data into DATABASE_URL. Safe to re-run; the one-shot job of the Docker topology.
import { loadConfig } from '../libs/config/src/index.js';
import { prepareDatabase } from '../libs/bootstrap/src/index.js';

try {
  const config = loadConfig();
  if (!config.DATABASE_URL)
    throw new Error('migrate needs DATABASE_URL (postgres://user:password@host:5432/database).');
  const result = await prepareDatabase(config.DATABASE_URL, (m) => console.log(m));
  console.log(
    `database ready: ${result.migrations.length} migration(s) applied, reference data version ${result.referenceDataVersion}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
