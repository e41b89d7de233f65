import { ParseReport } from '../parse-report.js';
import { ReferenceParseError } from '../parse-error.js';
import { collect, fixtureStream, valuesOf } from '../__fixtures__/fixtures.js';
import { parseFtm } from './ftm.parser.js';

const externalIdOf = (value: object) => ('externalId' in value ? value.externalId : undefined);

describe('parseFtm', () => {
  it('imports legal entities with names, aliases, country, identifiers, topics, lists, source and confidence', async () => {
    const { records } = await collect(
      parseFtm(fixtureStream('entities.ftm.jsonl'), { file: 'entities.ftm.jsonl', skipInvalid: false }),
    );
    const [acme, jane, ministry] = valuesOf(records, 'entity');
    expect(acme).toEqual({
      externalId: 'acme-holdings',
      kind: 'company',
      name: 'Acme Holdings Ltd',
      aliases: ['Acme Holdings Limited', 'Acme Group', 'Acme Trading Ltd'],
      country: 'GB',
      identifiers: [
        { scheme: 'LEI', id: '529900CHILDENTITY169' },
        { scheme: 'GB-COH', id: '01234567' },
      ],
      topics: ['debarment'],
      lists: [{ listId: 'example_debarment' }],
      source: 'https://example.org/acme',
      confidence: 'high',
    });
    expect(jane).toMatchObject({
      kind: 'person',
      country: 'GB',
      source: 'entities.ftm.jsonl',
      confidence: 'medium',
    });
    expect(ministry).toMatchObject({ kind: 'state_body', name: 'Ministry of Examples', country: 'CN' });
  });

  it('leaves weak aliases out of the aliases', async () => {
    const { records } = await collect(
      parseFtm(fixtureStream('entities.ftm.jsonl'), { file: 'e.jsonl', skipInvalid: false }),
    );
    expect(valuesOf(records, 'entity')[0]!.aliases).not.toContain('AH');
  });

  it('imports ownership ranges, state supervision and directorships as ownership relations', async () => {
    const { records } = await collect(
      parseFtm(fixtureStream('entities.ftm.jsonl'), { file: 'e.jsonl', skipInvalid: false }),
    );
    expect(valuesOf(records, 'ownership')).toEqual([
      {
        externalId: 'own-1',
        ownerExternalId: 'jane-doe',
        ownedExternalId: 'acme-holdings',
        shareMin: 25,
        shareMax: 50,
        direct: true,
        controlOnly: false,
        kind: 'shareholding',
        startDate: '2019-03-01',
        endDate: null,
        source: 'e.jsonl',
        confidence: 'low',
      },
      expect.objectContaining({
        externalId: 'own-2',
        ownerExternalId: 'ministry-x',
        kind: 'state_supervision',
        controlOnly: true,
      }),
      expect.objectContaining({
        externalId: 'dir-1',
        ownerExternalId: 'jane-doe',
        kind: 'director',
        controlOnly: true,
        startDate: '2020',
      }),
    ]);
  });

  it('turns a Sanction into a list membership of its entity', async () => {
    const { records } = await collect(
      parseFtm(fixtureStream('entities.ftm.jsonl'), { file: 'e.jsonl', skipInvalid: false }),
    );
    expect(valuesOf(records, 'list_membership')).toEqual([
      {
        externalId: 'sanction-1',
        entityExternalId: 'acme-holdings',
        listId: 'example_debarment',
        since: '2021-06-03',
        sourceUrl: 'https://example.org/debarment/acme',
        note: 'Example programme; Debarred for fraud',
        source: 'https://example.org/debarment/acme',
        confidence: 'medium',
      },
    ]);
  });

  it('counts unknown schemas instead of failing on them', async () => {
    const report = new ParseReport('e.jsonl');
    await collect(
      parseFtm(fixtureStream('entities.ftm.jsonl'), { file: 'e.jsonl', skipInvalid: false, report }),
    );
    expect(report.ignored).toEqual({ 'schema Vessel': 1 });
    expect(report).toMatchObject({ recordsRead: 8, recordsEmitted: 7, skippedCount: 0 });
  });

  it('stops at the first malformed record, naming file, line and field', async () => {
    const parse = parseFtm(fixtureStream('malformed.ftm.jsonl'), {
      file: 'people.jsonl',
      skipInvalid: false,
    });
    const error = await collect(parse).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReferenceParseError);
    expect(error).toMatchObject({
      file: 'people.jsonl',
      line: 2,
      field: '',
      message: expect.stringMatching(/^people\.jsonl line 2: invalid JSON/),
    });
  });

  it('with skipInvalid imports the rest and reports what it skipped', async () => {
    const { records, report } = await collect(
      parseFtm(fixtureStream('malformed.ftm.jsonl'), { file: 'people.jsonl', skipInvalid: true }),
    );
    expect(valuesOf(records, 'entity').map((entity) => entity.externalId)).toEqual(['good-1', 'good-2']);
    expect(report.skipped).toEqual([
      { line: 2, field: '', message: expect.stringMatching(/^invalid JSON/) },
      { line: 3, field: 'properties.name', message: 'required' },
      {
        line: 4,
        field: 'properties.percentage[0]',
        message: expect.stringMatching(/'about a third' is not a share/),
      },
    ]);
    expect(report.skippedCount).toBe(3);
  });

  it('names the field in the message of a strict failure', async () => {
    const text = '{"id": "x", "schema": "Person", "properties": {"alias": ["X"]}}\n';
    await expect(collect(parseFtm([text], { file: 'people.jsonl', skipInvalid: false }))).rejects.toThrow(
      'people.jsonl line 1, field properties.name: required',
    );
  });

  it('reads delta lines as upserts and deletes', async () => {
    const { records, report } = await collect(
      parseFtm(fixtureStream('delta.ftm.jsonl'), { file: 'delta.json', skipInvalid: true }),
    );
    expect(
      records.map((record) => [
        record.type,
        record.op,
        record.op === 'delete' ? record.externalId : externalIdOf(record.value),
      ]),
    ).toEqual([
      ['entity', 'upsert', 'new-co'],
      ['entity', 'upsert', 'acme-holdings'],
      ['ownership', 'delete', 'own-1'],
      ['list_membership', 'delete', 'sanction-1'],
      ['any', 'delete', 'old-entity'],
    ]);
    expect(report.ignored).toEqual({ 'schema Address': 1 });
    expect(report.skipped).toEqual([
      { line: 7, field: 'op', message: "'MOVE' is not one of ADD, MOD, DEL" },
      { line: 8, field: 'entity.properties.name', message: 'required' },
    ]);
  });
});
