// Importing reference-data files against a real PostgreSQL: versions, no-op repeats, snapshots that
// close what they no longer state (while older versions still read as they were), deltas, and malformed
// files. The database is shared with the run's other tests: every test uses its own ids and source.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../persistence/src/index.js';
import { ReferenceParseError, UnknownReferenceFormatError } from '../parsers/index.js';
import { ReferenceLookupRepository } from './reference-lookup.repository.js';
import { importReferenceFile } from './reference-import.service.js';

interface FtmOptions {
  schema?: string;
  datasets?: string[];
  [property: string]: unknown;
}

/** One FtM entity line; properties are given as single values or lists. */
function ftm(id: string, { schema = 'Company', datasets, ...properties }: FtmOptions): string {
  const listed = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, Array.isArray(value) ? value : [value]]),
  );
  return JSON.stringify({ id, schema, properties: listed, ...(datasets && { datasets }) });
}

describe('importReferenceFile', () => {
  let db: DataSource;
  let lookup: ReferenceLookupRepository;
  let directory: string;
  /** This test's ids and source, apart from every other test's. */
  let tag: string;
  let source: string;
  const id = (name: string) => `${tag}-${name}`;

  beforeAll(async () => {
    db = await createDataSource(process.env.TEST_DATABASE_URL!).initialize();
    lookup = new ReferenceLookupRepository(db);
    directory = mkdtempSync(join(tmpdir(), 'reference-import-'));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(() => {
    tag = randomUUID().slice(0, 8);
    source = `int-spec-${tag}`;
  });

  function file(name: string, lines: string[]): string {
    const path = join(directory, `${tag}-${name}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }

  const importFtm = (path: string, options: { skipInvalid?: boolean } = {}) =>
    importReferenceFile(db, { path, format: 'ftm', source, importedBy: 'int-spec', ...options });

  async function datasetsOfSource(): Promise<
    { version: number; record_count: number; skipped_count: number }[]
  > {
    return db.query(
      'SELECT version, record_count, skipped_count FROM reference_datasets WHERE source = $1 ORDER BY version',
      [source],
    );
  }

  async function currentRows(table: string, externalId: string): Promise<Record<string, unknown>[]> {
    return db.query(`SELECT * FROM ${table} WHERE external_id = $1 AND version_to IS NULL`, [externalId]);
  }

  it('imports a file as a new version with its entities, names and ownership', async () => {
    const path = file('first.ftm.jsonl', [
      ftm(id('acme'), {
        name: 'Acme Holdings Ltd',
        alias: 'Acme Group',
        jurisdiction: 'gb',
        leiCode: '529900T8BM49AURSDO55',
      }),
      ftm(id('jane'), { schema: 'Person', name: 'Jane Doe', nationality: 'gb' }),
      ftm(id('own'), { schema: 'Ownership', owner: id('jane'), asset: id('acme'), percentage: '25-50%' }),
    ]);

    const result = await importFtm(path);

    expect(result).toMatchObject({
      noop: false,
      recordsWritten: 3,
      skippedCount: 0,
      closed: 0,
      mode: 'snapshot',
    });
    expect(await datasetsOfSource()).toEqual([
      { version: result.version, record_count: 3, skipped_count: 0 },
    ]);
    const [acme] = await lookup.findByExternalIds([id('acme')], result.version);
    expect(acme).toMatchObject({ name: 'Acme Holdings Ltd', aliases: ['Acme Group'], country: 'GB' });
    const names = await db.query(
      `SELECT n.name, n.name_normalised, n.is_alias FROM reference_names n
         JOIN reference_entities e ON e.id = n.entity_row_id WHERE e.external_id = $1 ORDER BY n.is_alias`,
      [id('acme')],
    );
    expect(names).toEqual([
      { name: 'Acme Holdings Ltd', name_normalised: 'acme holdings', is_alias: false },
      { name: 'Acme Group', name_normalised: 'acme group', is_alias: true },
    ]);
    const [ownership] = await currentRows('reference_ownership', id('own'));
    expect(ownership).toMatchObject({
      share_min: '25.0000',
      share_max: '50.0000',
      version_from: result.version,
    });
  });

  it('treats a second import of the same file as a no-op returning the existing version', async () => {
    const path = file('same.ftm.jsonl', [ftm(id('acme'), { name: 'Acme Ltd' })]);
    const first = await importFtm(path);

    const second = await importFtm(path);

    expect(second).toMatchObject({ noop: true, version: first.version, recordsWritten: 0 });
    expect(await datasetsOfSource()).toHaveLength(1);
  });

  it('vacuums the name indexes after a large import, and not after a repeat', async () => {
    const path = file('large.ftm.jsonl', [ftm(id('large'), { name: 'Largeimport Holdings Ltd' })]);
    const settling: string[] = [];
    const settled = (name: string) => () => settling.push(name);
    const options = { path, format: 'ftm', source, importedBy: 'int-spec', settleAfterRecords: 1 };

    const first = await importReferenceFile(db, { ...options, onSettling: settled('first') });
    await importReferenceFile(db, { ...options, onSettling: settled('repeat') });

    expect(first.noop).toBe(false);
    expect(settling).toEqual(['first']);
    const [stats] = await db.query(
      `SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = 'reference_name_terms'`,
    );
    expect(stats).toEqual({ vacuumed: true });
  });

  it('recognises a repeated upload read from a stream, and writes nothing the second time', async () => {
    const content = `${ftm(id('streamed'), { name: 'Streamed Ltd' })}\n`;
    const upload = () =>
      importReferenceFile(db, {
        stream: Readable.from([Buffer.from(content)]),
        fileName: 'upload.ftm.jsonl',
        format: 'ftm',
        source,
        importedBy: 'int-spec',
      });

    const first = await upload();
    const second = await upload();

    expect(first.noop).toBe(false);
    expect(second).toMatchObject({ noop: true, version: first.version });
    expect(await datasetsOfSource()).toHaveLength(1);
  });

  it('closes what a new snapshot changed or left out, while the previous version still reads as it was', async () => {
    const v1 = await importFtm(
      file('v1.ftm.jsonl', [
        ftm(id('kept'), { name: 'Kept Ltd', jurisdiction: 'gb' }),
        ftm(id('renamed'), { name: 'Old Name Ltd', jurisdiction: 'gb' }),
        ftm(id('removed'), { name: 'Removed Ltd', jurisdiction: 'gb' }),
      ]),
    );
    const keptRow = await currentRows('reference_entities', id('kept'));

    const v2 = await importFtm(
      file('v2.ftm.jsonl', [
        ftm(id('kept'), { name: 'Kept Ltd', jurisdiction: 'gb' }),
        ftm(id('renamed'), { name: 'New Name Ltd', jurisdiction: 'gb' }),
      ]),
    );

    expect(v2).toMatchObject({ noop: false, closed: 2 });
    const ids = [id('kept'), id('renamed'), id('removed')];
    const asOfV1 = await lookup.findByExternalIds(ids, v1.version);
    const asOfV2 = await lookup.findByExternalIds(ids, v2.version);
    expect(asOfV1.map((e) => [e.externalId, e.name]).sort()).toEqual([
      [id('kept'), 'Kept Ltd'],
      [id('removed'), 'Removed Ltd'],
      [id('renamed'), 'Old Name Ltd'],
    ]);
    expect(asOfV2.map((e) => [e.externalId, e.name]).sort()).toEqual([
      [id('kept'), 'Kept Ltd'],
      [id('renamed'), 'New Name Ltd'],
    ]);
    // An unchanged fact keeps its row: versions share it rather than copy it.
    expect(await currentRows('reference_entities', id('kept'))).toEqual(keptRow);
    const byOldName = await lookup.findByNormalisedNames(['old name'], v2.version);
    expect(byOldName.filter((hit) => hit.externalId === id('renamed'))).toEqual([]);
  });

  it('applies an FtM delta: DEL closes the fact, MOD replaces it, and nothing else is touched', async () => {
    const v1 = await importFtm(
      file('base.ftm.jsonl', [
        ftm(id('acme'), { name: 'Acme Ltd' }),
        ftm(id('other'), { name: 'Other Ltd' }),
        ftm(id('own'), { schema: 'Ownership', owner: id('other'), asset: id('acme'), percentage: '60' }),
      ]),
    );
    const delta = file('delta.ftm.jsonl', [
      JSON.stringify({ op: 'MOD', entity: JSON.parse(ftm(id('acme'), { name: 'Acme PLC' })) }),
      JSON.stringify({ op: 'DEL', entity: { id: id('own'), schema: 'Ownership' } }),
    ]);

    const v2 = await importFtm(delta);

    expect(v2).toMatchObject({ mode: 'delta', closed: 2 });
    expect(await currentRows('reference_ownership', id('own'))).toEqual([]);
    const asOfV1 = await db.query(
      `SELECT external_id FROM reference_ownership
        WHERE external_id = $1 AND version_from <= $2 AND (version_to IS NULL OR version_to > $2)`,
      [id('own'), v1.version],
    );
    expect(asOfV1).toHaveLength(1);
    const [acme] = await lookup.findByExternalIds([id('acme')], v2.version);
    expect(acme!.name).toBe('Acme PLC');
    expect(await lookup.findByExternalIds([id('other')], v2.version)).toHaveLength(1);
  });

  it('writes nothing when a line is malformed: no dataset, no facts, the error names file and line', async () => {
    const path = file('broken.ftm.jsonl', [
      ftm(id('good'), { name: 'Good Ltd' }),
      '{"id": "broken", "schema": "Company", "properties": {"name": ["Bro',
      ftm(id('after'), { name: 'After Ltd' }),
    ]);

    const failure = importFtm(path);

    await expect(failure).rejects.toThrow(ReferenceParseError);
    await expect(failure).rejects.toMatchObject({ file: `${tag}-broken.ftm.jsonl`, line: 2 });
    expect(await datasetsOfSource()).toEqual([]);
    expect(await currentRows('reference_entities', id('good'))).toEqual([]);
  });

  it('rolls back batches already written when the file turns out malformed further on', async () => {
    const lines = Array.from({ length: 2500 }, (_, i) => ftm(id(`bulk-${i}`), { name: `Bulk ${i} Ltd` }));
    lines.push(ftm(id('nameless'), { alias: 'No Primary Name' }));

    await expect(importFtm(file('bulk.ftm.jsonl', lines))).rejects.toMatchObject({
      line: 2501,
      field: 'properties.name',
    });

    expect(await currentRows('reference_entities', id('bulk-0'))).toEqual([]);
    expect(await datasetsOfSource()).toEqual([]);
  });

  it('with skipInvalid, imports the well-formed records and reports each skipped one', async () => {
    const path = file('partly.ftm.jsonl', [
      ftm(id('good'), { name: 'Good Ltd' }),
      ftm(id('nameless'), { alias: 'No Name' }),
      ftm(id('own'), {
        schema: 'Ownership',
        owner: id('good'),
        asset: id('good'),
        percentage: 'about a third',
      }),
      ftm(id('also-good'), { schema: 'Organization', name: 'Also Good' }),
    ]);

    const result = await importFtm(path, { skipInvalid: true });

    expect(result).toMatchObject({ noop: false, recordsWritten: 2, skippedCount: 2 });
    expect(result.skipped).toEqual([
      { line: 2, field: 'properties.name', message: 'required' },
      { line: 3, field: 'properties.percentage[0]', message: expect.any(String) },
    ]);
    expect(await datasetsOfSource()).toEqual([
      { version: result.version, record_count: 2, skipped_count: 2 },
    ]);
    expect(await lookup.findByExternalIds([id('good'), id('also-good')], result.version)).toHaveLength(2);
  });

  it('attaches list memberships stated before their entity, and withdraws them when a delta deletes them', async () => {
    const sanction = (name: string, entity: string, list: string) =>
      ftm(id(name), { schema: 'Sanction', entity: id(entity), datasets: [list], startDate: '2021-06-03' });
    const v1 = await importFtm(
      file('listed.ftm.jsonl', [
        sanction('sanction-1', 'acme', 'us-ndaa-889'),
        ftm(id('acme'), { name: 'Acme Ltd', datasets: ['example_debarment'] }),
        sanction('sanction-2', 'acme', 'us-bis-entity-list'),
        sanction('sanction-3', 'nobody', 'us-bis-entity-list'),
      ]),
    );

    const [listed] = await lookup.findByExternalIds([id('acme')], v1.version);
    expect(v1.unattachedMemberships).toBe(1);
    expect(listed!.lists.map((list) => list.listId)).toEqual([
      'example_debarment',
      'us-ndaa-889',
      'us-bis-entity-list',
    ]);
    expect(listed!.lists[1]).toMatchObject({ since: '2021-06-03' });

    const v2 = await importFtm(
      file('unlisted.ftm.jsonl', [
        JSON.stringify({ op: 'DEL', entity: { id: id('sanction-1'), schema: 'Sanction' } }),
      ]),
    );

    const [now] = await lookup.findByExternalIds([id('acme')], v2.version);
    const [before] = await lookup.findByExternalIds([id('acme')], v1.version);
    expect(now!.lists.map((list) => list.listId)).toEqual(['example_debarment', 'us-bis-entity-list']);
    expect(before!.lists).toHaveLength(3);
  });

  it('re-importing an unchanged snapshot that states memberships keeps every row', async () => {
    const lines = [
      ftm(id('acme'), { name: 'Acme Ltd' }),
      ftm(id('sanction'), { schema: 'Sanction', entity: id('acme'), datasets: ['us-ndaa-889'] }),
    ];
    await importFtm(file('a.ftm.jsonl', lines));
    const before = await currentRows('reference_entities', id('acme'));

    // The same records in another file (a new download): a new version, but no fact changed.
    const again = await importFtm(file('b.ftm.jsonl', [...lines, '']));

    expect(again).toMatchObject({ noop: false, closed: 0 });
    expect(await currentRows('reference_entities', id('acme'))).toEqual(before);
  });

  it('keeps the memberships of an entity that a delta modifies', async () => {
    await importFtm(
      file('listed.ftm.jsonl', [
        ftm(id('acme'), { name: 'Acme Ltd' }),
        ftm(id('sanction'), { schema: 'Sanction', entity: id('acme'), datasets: ['us-ndaa-889'] }),
      ]),
    );

    const v2 = await importFtm(
      file('renamed.ftm.jsonl', [
        JSON.stringify({ op: 'MOD', entity: JSON.parse(ftm(id('acme'), { name: 'Acme PLC' })) }),
      ]),
    );

    const [now] = await lookup.findByExternalIds([id('acme')], v2.version);
    expect(now).toMatchObject({
      name: 'Acme PLC',
      lists: [expect.objectContaining({ listId: 'us-ndaa-889' })],
    });
  });

  it('withdraws a membership that a new snapshot of its source no longer states', async () => {
    const acme = ftm(id('acme'), { name: 'Acme Ltd' });
    await importFtm(
      file('with-sanction.ftm.jsonl', [
        acme,
        ftm(id('sanction'), { schema: 'Sanction', entity: id('acme'), datasets: ['us-ndaa-889'] }),
      ]),
    );

    const v2 = await importFtm(file('without-sanction.ftm.jsonl', [acme]));

    const [now] = await lookup.findByExternalIds([id('acme')], v2.version);
    expect(now!.lists).toEqual([]);
    expect(v2.closed).toBe(1);
  });

  it('refuses an unknown format with the formats it knows', async () => {
    const path = file('x.txt', ['anything']);

    await expect(importReferenceFile(db, { path, format: 'xml', importedBy: 'int-spec' })).rejects.toThrow(
      UnknownReferenceFormatError,
    );
    await expect(importReferenceFile(db, { path, format: 'xml', importedBy: 'int-spec' })).rejects.toThrow(
      /use one of ftm .*bods.*psc/,
    );
  });
});
