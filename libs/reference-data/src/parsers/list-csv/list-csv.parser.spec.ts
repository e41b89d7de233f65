import { ReferenceParseError } from '../parse-error.js';
import { collect, fixtureStream, textInput, valuesOf } from '../__fixtures__/fixtures.js';
import { parseListCsv } from './list-csv.parser.js';

describe('parseListCsv', () => {
  describe('OpenSanctions targets.simple.csv', () => {
    it('reads quoted cells with commas, quotes and line breaks, and ;-joined values', async () => {
      const { records } = await collect(
        parseListCsv(fixtureStream('targets.simple.csv'), { file: 'targets.simple.csv', skipInvalid: true }),
      );
      expect(valuesOf(records, 'entity')[0]).toEqual({
        externalId: 'NK-abc123',
        kind: 'company',
        name: 'Example Trading Co., Ltd.',
        aliases: ['Example Trading', '"The" Example Co', '示例贸易有限公司'],
        country: 'CN',
        identifiers: [
          { scheme: 'UNKNOWN', id: '91330000733796106P' },
          { scheme: 'LEI', id: '529900CHILDENTITY169' },
        ],
        topics: [],
        lists: [
          {
            listId: 'us-example-sanctions-list',
            note: 'US Example Sanctions List: Blocked - Example Programme',
          },
          { listId: 'US-EXAMPLE' },
        ],
        source: 'https://www.opensanctions.org/entities/NK-abc123/',
        confidence: 'medium',
      });
    });

    it('keeps every dataset of a row as a list, and invents no topics', async () => {
      const { records } = await collect(
        parseListCsv(fixtureStream('targets.simple.csv'), { file: 't.csv', skipInvalid: true }),
      );
      expect(valuesOf(records, 'entity')[1]).toMatchObject({
        kind: 'person',
        aliases: ['Иван Пример'],
        country: 'RU',
        topics: [],
        lists: [
          { listId: 'example-pep-list', note: 'Example PEP List' },
          { listId: 'example-sanctions-list', note: 'Example Sanctions List' },
        ],
      });
    });

    it('counts other schemas and reports short rows and missing names on their lines', async () => {
      const { records, report } = await collect(
        parseListCsv(fixtureStream('targets.simple.csv'), { file: 't.csv', skipInvalid: true }),
      );
      expect(records).toHaveLength(2);
      expect(report.ignored).toEqual({ 'schema Vessel': 1 });
      expect(report.skipped).toEqual([
        { line: 6, field: '', message: 'expected 16 fields as in the header, found 3' },
        { line: 7, field: 'name', message: 'required' },
      ]);
    });
  });

  describe('generic list CSV', () => {
    it('reads one membership per row with since date and source URL', async () => {
      const { records, report } = await collect(
        parseListCsv(fixtureStream('generic-list.csv'), { file: 'debarment.csv', skipInvalid: true }),
      );
      expect(valuesOf(records, 'entity')).toEqual([
        {
          externalId: 'uk-debarment-list:example-debarred-supplier-ltd',
          kind: 'legal_entity',
          name: 'Example Debarred Supplier Ltd',
          aliases: ['Example Debarred Supplier Limited', 'EDS Ltd'],
          country: 'GB',
          identifiers: [{ scheme: 'GB-COH', id: '00000001' }],
          topics: ['debarment'],
          lists: [
            {
              listId: 'uk-debarment-list',
              since: '2025-03-01',
              sourceUrl: 'https://example.org/debarment/1',
            },
          ],
          source: 'https://example.org/debarment/1',
          confidence: 'medium',
        },
      ]);
      expect(report.skipped).toEqual([{ line: 3, field: 'country', message: "'Narnia' is not a country" }]);
    });

    it('stops at the first malformed row, naming file, line and column', async () => {
      await expect(
        collect(
          parseListCsv(fixtureStream('generic-list.csv'), { file: 'debarment.csv', skipInvalid: false }),
        ),
      ).rejects.toThrow(new ReferenceParseError('debarment.csv', 3, 'country', "'Narnia' is not a country"));
    });
  });

  it('refuses a header it does not know, saying which columns it expects', async () => {
    await expect(
      collect(parseListCsv(textInput('company,where\nAcme,GB\n'), { file: 'x.csv', skipInvalid: true })),
    ).rejects.toThrow(
      /x\.csv line 1: unrecognised list CSV header: expected OpenSanctions columns \(id, schema, name, \.\.\.\) or generic list columns \(name, list_id, \.\.\.\)/,
    );
  });
});
