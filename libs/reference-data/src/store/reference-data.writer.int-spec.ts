// The dataset writer fed records directly: how repeated, deleted and cross-table facts end up as
// versioned rows. File handling is covered by reference-import.service.int-spec.ts.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RefEntity } from '../../../contracts/src/index.js';
import { createDataSource } from '../../../persistence/src/index.js';
import type { ImportRecord } from '../parsers/index.js';
import { importReferenceData, type ImportMode } from './reference-data.writer.js';

describe('importReferenceData', () => {
  let db: DataSource;
  let tag: string;
  const id = (name: string) => `${tag}-${name}`;

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
  });
  afterAll(() => db.destroy());
  beforeEach(() => {
    tag = randomUUID().slice(0, 8);
  });

  function entity(name: string, overrides: Partial<RefEntity> = {}): ImportRecord {
    const value: RefEntity = {
      externalId: id(name),
      kind: 'company',
      name: `${name} Ltd`,
      aliases: [],
      country: 'GB',
      identifiers: [],
      topics: [],
      lists: [],
      source: 'https://example.org',
      confidence: 'high',
      ...overrides,
    };
    return { type: 'entity', op: 'upsert', value };
  }

  async function* stream(records: ImportRecord[]): AsyncGenerator<ImportRecord> {
    yield* records;
  }

  function write(
    records: ImportRecord[] | AsyncIterable<ImportRecord>,
    mode: ImportMode = 'snapshot',
    batchSize = 2,
  ) {
    return importReferenceData(db, {
      source: `writer-int-spec-${tag}`,
      format: 'test',
      fileName: 'records',
      sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      records: Array.isArray(records) ? stream(records) : records,
      mode,
      importedBy: 'int-spec',
      batchSize,
    });
  }

  async function rows(table: string, externalId: string) {
    return db.query(
      `SELECT version_from, version_to FROM ${table} WHERE external_id = $1 ORDER BY version_from, id`,
      [externalId],
    );
  }

  it('keeps the last statement of a fact repeated within one import, in one row', async () => {
    const result = await write([
      entity('acme', { name: 'First' }),
      entity('x'),
      entity('y'),
      entity('acme', { name: 'Last' }),
    ]);

    const stored = await db.query('SELECT name, version_to FROM reference_entities WHERE external_id = $1', [
      id('acme'),
    ]);
    expect(stored).toEqual([{ name: 'Last', version_to: null }]);
    const names = await db.query(
      `SELECT n.name FROM reference_names n JOIN reference_entities e ON e.id = n.entity_row_id WHERE e.external_id = $1`,
      [id('acme')],
    );
    expect(names).toEqual([{ name: 'Last' }]);
    expect(result.closed).toBe(0);
  });

  it('closes whichever fact has the id of an untyped delete', async () => {
    const v1 = await write([
      entity('acme'),
      entity('owner'),
      {
        type: 'ownership',
        op: 'upsert',
        value: {
          externalId: id('stake'),
          ownerExternalId: id('owner'),
          ownedExternalId: id('acme'),
          shareExact: 30,
          direct: true,
          source: 'https://example.org',
          confidence: 'medium',
        },
      },
    ]);

    const v2 = await write(
      [
        { type: 'any', op: 'delete', externalId: id('stake') },
        { type: 'any', op: 'delete', externalId: id('acme') },
      ],
      'delta',
    );

    expect(v2.closed).toBe(2);
    expect(await rows('reference_ownership', id('stake'))).toEqual([
      { version_from: v1.version, version_to: v2.version },
    ]);
    expect(await rows('reference_entities', id('acme'))).toEqual([
      { version_from: v1.version, version_to: v2.version },
    ]);
    expect(await rows('reference_entities', id('owner'))).toEqual([
      { version_from: v1.version, version_to: null },
    ]);
  });

  it('lets a later record win over an earlier delete of the same fact, and the other way round', async () => {
    await write([entity('revived'), entity('doomed')]);

    await write(
      [
        { type: 'entity', op: 'delete', externalId: id('revived') },
        entity('revived', { name: 'Revived Again' }),
        entity('doomed', { name: 'Briefly Changed' }),
        { type: 'entity', op: 'delete', externalId: id('doomed') },
      ],
      'delta',
      10,
    );

    const current = await db.query(
      'SELECT external_id, name FROM reference_entities WHERE external_id = ANY($1) AND version_to IS NULL',
      [[id('revived'), id('doomed')]],
    );
    expect(current).toEqual([{ external_id: id('revived'), name: 'Revived Again' }]);
  });

  it('rolls back when the record stream fails mid-way', async () => {
    async function* failing(): AsyncGenerator<ImportRecord> {
      yield entity('one');
      yield entity('two');
      yield entity('three');
      throw new Error('stream broke');
    }

    await expect(write(failing())).rejects.toThrow('stream broke');

    expect(await rows('reference_entities', id('one'))).toEqual([]);
    const datasets = await db.query('SELECT 1 FROM reference_datasets WHERE source = $1', [
      `writer-int-spec-${tag}`,
    ]);
    expect(datasets).toEqual([]);
  });

  it('stores partial dates as the widest period they allow', async () => {
    await write([
      {
        type: 'ownership',
        op: 'upsert',
        value: {
          externalId: id('stake'),
          ownerExternalId: id('a'),
          ownedExternalId: id('b'),
          direct: true,
          startDate: '2019',
          endDate: '2020-02',
          source: 'https://example.org',
          confidence: 'low',
        },
      },
    ]);

    const [stake] = await db.query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end
         FROM reference_ownership WHERE external_id = $1`,
      [id('stake')],
    );
    expect(stake).toEqual({ start: '2019-01-01', end: '2020-02-29' });
  });

  it('reports progress after every batch', async () => {
    const progress: number[] = [];
    await importReferenceData(db, {
      source: `writer-int-spec-${tag}`,
      format: 'test',
      fileName: 'records',
      sha256: '1'.repeat(64),
      records: stream([entity('a'), entity('b'), entity('c'), entity('d'), entity('e')]),
      mode: 'snapshot',
      importedBy: 'int-spec',
      batchSize: 2,
      onProgress: (written) => progress.push(written),
    });

    expect(progress).toEqual([2, 4, 5]);
  });
});
