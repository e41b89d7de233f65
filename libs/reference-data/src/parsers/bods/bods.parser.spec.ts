import { ReferenceParseError } from '../parse-error.js';
import { collect, fixtureStream, textInput, valuesOf } from '../__fixtures__/fixtures.js';
import { parseBods } from './bods.parser.js';

describe('parseBods', () => {
  describe('0.4 statements in a JSON array', () => {
    it('streams entity, person and relationship records', async () => {
      const { records, report } = await collect(
        parseBods(fixtureStream('statements-0.4.json', 16), { file: 'bods.json', skipInvalid: false }),
      );
      const [company, person, anonymous] = valuesOf(records, 'entity');
      expect(company).toEqual({
        externalId: 'c359f58d2977',
        kind: 'company',
        name: 'Example Cameras Ltd',
        aliases: ['Example Cameras'],
        country: 'GB',
        identifiers: [{ scheme: 'GB-COH', id: '09506232' }],
        topics: [],
        lists: [],
        source: 'https://find-and-update.company-information.service.gov.uk/company/09506232',
        confidence: 'high',
      });
      expect(person).toMatchObject({
        kind: 'person',
        name: 'Amy Example',
        aliases: ['Amelia Example'],
        country: 'GB',
        confidence: 'medium',
      });
      expect(anonymous).toMatchObject({
        externalId: 'anon-1',
        kind: 'legal_entity',
        name: 'Anonymous entity (Nominee)',
      });
      expect(report.ignored).toEqual({ 'relationship with an unspecified party': 1 });
    });

    it('takes the share from the shareholding interest, with its direct/indirect flag and dates', async () => {
      const { records } = await collect(
        parseBods(fixtureStream('statements-0.4.json'), { file: 'bods.json', skipInvalid: false }),
      );
      expect(valuesOf(records, 'ownership')).toEqual([
        {
          externalId: '93b0a8ad1a39',
          ownerExternalId: '10478c6cf6de',
          ownedExternalId: 'c359f58d2977',
          shareMin: 25,
          shareMax: 50,
          direct: false,
          controlOnly: false,
          kind: 'shareholding',
          startDate: '2016-04-06',
          endDate: null,
          source: 'bods.json',
          confidence: 'medium',
        },
      ]);
    });

    it('deletes closed records', async () => {
      const { records } = await collect(
        parseBods(fixtureStream('statements-0.4.json'), { file: 'bods.json', skipInvalid: false }),
      );
      expect(records).toContainEqual({ type: 'ownership', op: 'delete', externalId: 'old-relationship' });
    });

    it('yields the first statement before the array is closed', async () => {
      let restRequested = false;
      async function* input() {
        yield '[{"recordId": "e1", "recordType": "entity", "recordDetails": {"entityType": {"type": "registeredEntity"}, "name": "First Ltd"}},';
        restRequested = true;
        yield ']';
      }
      const first = await parseBods(input(), { file: 'bods.json', skipInvalid: false }).next();
      expect(first.value).toMatchObject({ type: 'entity', value: { name: 'First Ltd' } });
      expect(restRequested).toBe(false);
    });
  });

  describe('0.2/0.3 statements in JSON lines', () => {
    it('links statements by id, reads both interest-level spellings and replaces statements', async () => {
      const { records, report } = await collect(
        parseBods(fixtureStream('statements-0.2.jsonl'), { file: 'bods.jsonl', skipInvalid: true }),
      );
      expect(records[0]).toEqual({ type: 'entity', op: 'delete', externalId: 'entity-0' });
      expect(
        valuesOf(records, 'entity').map(({ externalId, kind, country }) => ({ externalId, kind, country })),
      ).toEqual([
        { externalId: 'entity-1', kind: 'company', country: 'CN' },
        { externalId: 'person-1', kind: 'person', country: 'CN' },
        { externalId: 'state-1', kind: 'state_body', country: null },
      ]);
      expect(valuesOf(records, 'ownership')).toEqual([
        expect.objectContaining({
          externalId: 'ooc-1',
          ownerExternalId: 'person-1',
          ownedExternalId: 'entity-1',
          shareExact: 38.88,
          direct: true,
          source: 'https://example.org/filing',
          confidence: 'medium',
        }),
        expect.objectContaining({
          externalId: 'ooc-2',
          ownerExternalId: 'state-1',
          shareMin: 25,
          shareMax: 50,
          direct: false,
          kind: 'control',
        }),
      ]);
      expect(report.ignored).toEqual({ 'relationship with an unspecified party': 1 });
      expect(report.skipped).toEqual([
        { line: 7, field: 'interests[0].share', message: 'share 140 is outside 0-100' },
        { line: 8, field: 'statementID', message: 'required' },
      ]);
    });
  });

  it('stops at a malformed statement, naming file, line and field', async () => {
    const text =
      '[\n  {"recordId": "r1", "recordType": "entity", "recordDetails": {"entityType": {"type": "registeredEntity"}}}\n]';
    await expect(
      collect(parseBods(textInput(text), { file: 'bods.json', skipInvalid: false })),
    ).rejects.toThrow(new ReferenceParseError('bods.json', 2, 'recordDetails.name', 'required'));
  });

  it('refuses a record that is not a BODS statement', async () => {
    await expect(
      collect(parseBods(['{"id": 1}\n'], { file: 'bods.jsonl', skipInvalid: false })),
    ).rejects.toThrow(
      'bods.jsonl line 1: not a BODS statement: neither recordType (0.4) nor statementType (0.2/0.3)',
    );
  });
});
