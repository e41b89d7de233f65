import { fileURLToPath } from 'node:url';
import type { ImportRecord } from './import-record.js';
import { parseSeedDataset } from './seed-files.js';
import { collect, valuesOf } from './__fixtures__/fixtures.js';

const SEED = fileURLToPath(new URL('../../seed/', import.meta.url));

async function seedRecords(): Promise<ImportRecord[]> {
  const { records, report: reports } = await collect(parseSeedDataset(SEED));
  expect(reports.map(({ file, skippedCount, ignored }) => ({ file, skippedCount, ignored }))).toEqual([
    { file: 'entities.ftm.jsonl', skippedCount: 0, ignored: {} },
    { file: 'brands.jsonl', skippedCount: 0, ignored: {} },
    { file: 'jurisdictions.jsonl', skippedCount: 0, ignored: {} },
  ]);
  return records;
}

describe('seed dataset', () => {
  it('parses every seed file with zero errors and nothing ignored', async () => {
    const records = await seedRecords();
    expect(valuesOf(records, 'entity').length).toBeGreaterThanOrEqual(19);
    expect(valuesOf(records, 'brand').length).toBeGreaterThanOrEqual(10);
    expect(valuesOf(records, 'jurisdiction').map((profile) => profile.country)).toEqual([
      'CN',
      'HK',
      'RU',
      'IR',
      'KP',
      'BY',
    ]);
  });

  it('gives every fact a source and a confidence', async () => {
    const records = await seedRecords();
    for (const record of records) {
      if (record.op !== 'upsert') continue;
      expect(record.value.source).toMatch(/^(https?:\/\/\S+|synthetic example for tests)/);
      expect(['high', 'medium', 'low']).toContain(record.value.confidence);
    }
  });

  it('links every relation, membership and brand to a seed entity', async () => {
    const records = await seedRecords();
    const ids = new Set(valuesOf(records, 'entity').map((entity) => entity.externalId));
    for (const relation of valuesOf(records, 'ownership')) {
      expect([
        relation.externalId,
        ids.has(relation.ownerExternalId),
        ids.has(relation.ownedExternalId),
      ]).toEqual([relation.externalId, true, true]);
    }
    for (const membership of valuesOf(records, 'list_membership'))
      expect([membership.externalId, ids.has(membership.entityExternalId)]).toEqual([
        membership.externalId,
        true,
      ]);
    for (const brand of valuesOf(records, 'brand'))
      expect([brand.brand, ids.has(brand.manufacturerExternalId)]).toEqual([brand.brand, true]);
  });

  it('carries the facts the checks rely on', async () => {
    const records = await seedRecords();
    const entities = valuesOf(records, 'entity');
    const hikvision = entities.find((entity) => entity.externalId === 'seed-hikvision');
    expect(hikvision).toMatchObject({
      aliases: expect.arrayContaining(['Hikvision', '杭州海康威视数字技术股份有限公司']),
      identifiers: [{ scheme: 'SZSE', id: '002415' }],
      country: 'CN',
    });
    expect(entities.find((entity) => entity.externalId === 'seed-sasac')).toMatchObject({
      kind: 'state_body',
    });
    const listsOf = (id: string) =>
      valuesOf(records, 'list_membership')
        .filter((m) => m.entityExternalId === id)
        .map((m) => [m.listId, m.since]);
    expect(listsOf('seed-hikvision')).toEqual([
      ['us-ndaa-889', '2018-08-13'],
      ['us-bis-entity-list', '2019-10-09'],
      ['us-fcc-covered-list', '2021-03-12'],
      ['us-dod-1260h', '2020-06-24'],
      ['us-eo-14032', '2021-06-03'],
    ]);
    expect(
      valuesOf(records, 'brand')
        .filter((b) => b.manufacturerExternalId === 'seed-hikvision')
        .map((b) => b.brand),
    ).toEqual(expect.arrayContaining(['Ezviz', 'HiLook', 'HiWatch', 'Hiksemi', 'LTS', 'Interlogix']));
  });

  it('ships unverified figures with low confidence and marks the synthetic debarment entry as such', async () => {
    const records = await seedRecords();
    expect(
      valuesOf(records, 'ownership').find((r) => r.externalId === 'seed-own-cethik-hikvision'),
    ).toMatchObject({ shareExact: 38.88, confidence: 'low' });
    const debarred = valuesOf(records, 'list_membership').find((m) => m.listId === 'uk-debarment-list');
    expect(debarred).toMatchObject({
      source: 'synthetic example for tests',
      confidence: 'low',
      note: expect.stringMatching(/^SYNTHETIC/),
    });
  });
});
