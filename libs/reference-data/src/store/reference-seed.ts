// Loads the seed dataset shipped in libs/reference-data/seed, one source per file. Each file is a
// snapshot hashed like any import, so loading it again (every start) is a no-op until the file changes.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { SEED_DIRECTORY, SEED_FILES } from '../parsers/index.js';
import { ReferenceLookupRepository } from './reference-lookup.repository.js';
import { importReferenceFile } from './reference-import.service.js';

/** Imports the seed files (entities first: brands name them as manufacturers). Returns the current version. */
export async function loadSeedReferenceData(
  db: DataSource,
  log: (message: string) => void = () => undefined,
): Promise<number> {
  const directory = seedDirectory();
  for (const { file, format } of SEED_FILES) {
    const result = await importReferenceFile(db, {
      path: join(directory, file),
      format,
      source: seedSource(file),
      importedBy: 'system',
    });
    if (!result.noop) {
      log(`loaded seed reference data ${file}: version ${result.version}, ${result.recordsWritten} records`);
    }
  }
  return new ReferenceLookupRepository(db).currentVersion();
}

/** "entities.ftm.jsonl" → "seed-entities". */
export function seedSource(file: string): string {
  return `seed-${file.split('.')[0]}`;
}

/**
 * Next to the sources (ts-jest, or a build that copies the folder), else the repository's copy, found
 * from the compiled module in dist/ by walking up to the folder holding package.json.
 */
export function seedDirectory(moduleUrl = import.meta.url): string {
  const moduleDirectory = dirname(fileURLToPath(moduleUrl));
  const beside = join(moduleDirectory, '..', '..', 'seed');
  if (existsSync(join(beside, SEED_FILES[0].file))) return beside;
  for (let directory = moduleDirectory; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return join(directory, SEED_DIRECTORY);
    if (dirname(directory) === directory) {
      throw new Error(
        `seed reference data not found: no ${SEED_DIRECTORY} beside or above ${moduleDirectory}`,
      );
    }
  }
}
