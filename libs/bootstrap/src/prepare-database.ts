// Brings a database up to date before the service uses it: migrations, the built-in policy packs, and
// the seed reference data on first start. Every step is idempotent, so every start may run it.
import { BUILT_IN_POLICIES } from '../../domain/src/policy/index.js';
import { createDataSource, PolicyRepository, runMigrations } from '../../persistence/src/index.js';
import { loadSeedReferenceData } from '../../reference-data/src/store/index.js';

export interface PreparedDatabase {
  migrations: string[];
  policiesPublished: string[];
  referenceDataVersion: number;
}

export async function prepareDatabase(
  url: string,
  log: (message: string) => void = () => undefined,
): Promise<PreparedDatabase> {
  const migrations = await runMigrations(url);
  if (migrations.length) log(`applied migrations: ${migrations.join(', ')}`);
  const db = await createDataSource(url).initialize();
  try {
    const policies = new PolicyRepository(db);
    const policiesPublished: string[] = [];
    for (const policy of BUILT_IN_POLICIES) {
      const inserted = await policies.insertIfAbsent({
        id: policy.id,
        version: policy.version,
        title: policy.title,
        document: policy,
        publishedBy: 'system',
      });
      if (inserted) policiesPublished.push(`${policy.id} v${policy.version}`);
    }
    if (policiesPublished.length) log(`published built-in policies: ${policiesPublished.join(', ')}`);
    const referenceDataVersion = await loadSeedReferenceData(db, log);
    return { migrations, policiesPublished, referenceDataVersion };
  } finally {
    await db.destroy();
  }
}
