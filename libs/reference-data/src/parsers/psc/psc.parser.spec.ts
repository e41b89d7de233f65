import { ParseReport } from '../parse-report.js';
import { collect, fixtureStream, valuesOf } from '../__fixtures__/fixtures.js';
import { parsePsc } from './psc.parser.js';
import { summariseNatures } from './psc-natures.js';

describe('summariseNatures', () => {
  it.each([
    [
      ['ownership-of-shares-25-to-50-percent'],
      { shareMin: 25, shareMax: 50, direct: true, controlOnly: false, kind: 'shareholding' },
    ],
    [
      ['ownership-of-shares-50-to-75-percent'],
      { shareMin: 50, shareMax: 75, direct: true, controlOnly: false, kind: 'shareholding' },
    ],
    [
      ['ownership-of-shares-75-to-100-percent'],
      { shareMin: 75, shareMax: 100, direct: true, controlOnly: false, kind: 'shareholding' },
    ],
    [
      ['voting-rights-25-to-50-percent'],
      { shareMin: 25, shareMax: 50, direct: true, controlOnly: false, kind: 'control' },
    ],
    [
      ['voting-rights-75-to-100-percent-as-trust'],
      { shareMin: 75, shareMax: 100, direct: false, controlOnly: false, kind: 'control' },
    ],
    [
      ['ownership-of-shares-25-to-50-percent-as-firm'],
      { shareMin: 25, shareMax: 50, direct: false, controlOnly: false, kind: 'shareholding' },
    ],
    [
      ['ownership-of-shares-more-than-25-percent-as-trust-registered-overseas-entity'],
      { shareMin: 25, shareMax: 100, direct: false, controlOnly: false, kind: 'shareholding' },
    ],
    [
      ['right-to-share-surplus-assets-25-to-50-percent-limited-liability-partnership'],
      { shareMin: 25, shareMax: 50, direct: true, controlOnly: false, kind: 'shareholding' },
    ],
    [['right-to-appoint-and-remove-directors'], { direct: true, controlOnly: true, kind: 'control' }],
    [['significant-influence-or-control-as-trust'], { direct: false, controlOnly: true, kind: 'control' }],
  ])('%j → %j', (natures, summary) => {
    expect(summariseNatures(natures)).toEqual(summary);
  });

  it('prefers the shares band to the votes band of the same person', () => {
    expect(
      summariseNatures(['voting-rights-75-to-100-percent', 'ownership-of-shares-25-to-50-percent']),
    ).toMatchObject({
      shareMin: 25,
      shareMax: 50,
      kind: 'shareholding',
    });
  });
});

describe('parsePsc', () => {
  it('imports the company once, the PSC and the banded relation from snapshot lines', async () => {
    const { records } = await collect(
      parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: true }),
    );
    const source =
      'https://find-and-update.company-information.service.gov.uk/company/09145694/persons-with-significant-control';
    expect(records.slice(0, 3)).toEqual([
      {
        type: 'entity',
        op: 'upsert',
        value: {
          externalId: 'GB-COH:09145694',
          kind: 'company',
          name: 'Company 09145694',
          aliases: [],
          country: 'GB',
          identifiers: [{ scheme: 'GB-COH', id: '09145694' }],
          topics: [],
          lists: [],
          source,
          confidence: 'high',
        },
      },
      {
        type: 'entity',
        op: 'upsert',
        value: {
          externalId: 'GB-COH-PSC:abcDEF123',
          kind: 'person',
          name: 'Mr John Andrew Smith',
          aliases: ['John Andrew Smith'],
          country: 'GB',
          identifiers: [],
          topics: [],
          lists: [],
          source,
          confidence: 'high',
        },
      },
      {
        type: 'ownership',
        op: 'upsert',
        value: {
          externalId: 'GB-COH-PSC-REL:abcDEF123',
          ownerExternalId: 'GB-COH-PSC:abcDEF123',
          ownedExternalId: 'GB-COH:09145694',
          shareMin: 25,
          shareMax: 50,
          direct: true,
          controlOnly: false,
          kind: 'shareholding',
          startDate: '2016-04-06',
          endDate: null,
          source,
          confidence: 'high',
        },
      },
    ]);
    expect(
      valuesOf(records, 'entity').filter((entity) => entity.externalId === 'GB-COH:09145694'),
    ).toHaveLength(1);
  });

  it('gives a UK corporate PSC its Companies House id, so chains of companies join up', async () => {
    const { records } = await collect(
      parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: true }),
    );
    expect(valuesOf(records, 'entity')).toContainEqual(
      expect.objectContaining({
        externalId: 'GB-COH:01234567',
        kind: 'company',
        name: 'Acme Holdings Ltd',
        identifiers: [{ scheme: 'GB-COH', id: '01234567' }],
      }),
    );
    expect(valuesOf(records, 'ownership')).toContainEqual(
      expect.objectContaining({
        ownerExternalId: 'GB-COH:01234567',
        shareMin: 50,
        shareMax: 75,
        direct: false,
        endDate: '2020-12-31',
      }),
    );
  });

  it('keeps a foreign corporate PSC keyed by its PSC id with its own registration number', async () => {
    const { records } = await collect(
      parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: true }),
    );
    expect(valuesOf(records, 'entity')).toContainEqual(
      expect.objectContaining({
        externalId: 'GB-COH-PSC:cn1',
        country: 'CN',
        identifiers: [{ scheme: 'CN-REG', id: '91330000733796106P' }],
      }),
    );
    expect(valuesOf(records, 'ownership')).toContainEqual(
      expect.objectContaining({
        ownerExternalId: 'GB-COH-PSC:cn1',
        ownedExternalId: 'GB-COH:SC123456',
        shareMin: 75,
        shareMax: 100,
        direct: true,
      }),
    );
  });

  it('reads control without a share and overseas-entity bands', async () => {
    const { records } = await collect(
      parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: true }),
    );
    const ownership = valuesOf(records, 'ownership');
    expect(ownership).toContainEqual(
      expect.objectContaining({ ownerExternalId: 'GB-COH-PSC:lp1', controlOnly: true, kind: 'control' }),
    );
    expect(ownership).toContainEqual(
      expect.objectContaining({
        ownedExternalId: 'GB-COH:OE000123',
        shareMin: 25,
        shareMax: 100,
        kind: 'control',
      }),
    );
  });

  it('counts statements, super-secure PSCs and the totals line, and reports a PSC without natures', async () => {
    const report = new ParseReport('psc.txt');
    await collect(
      parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: true, report }),
    );
    expect(report.ignored).toEqual({
      'psc statement': 1,
      'super-secure psc (details withheld)': 1,
      'snapshot totals': 1,
    });
    expect(report.skipped).toEqual([{ line: 8, field: 'data.natures_of_control', message: 'required' }]);
  });

  it('stops at a malformed PSC, naming file, line and field', async () => {
    await expect(
      collect(parsePsc(fixtureStream('psc-snapshot.jsonl'), { file: 'psc.txt', skipInvalid: false })),
    ).rejects.toThrow('psc.txt line 8, field data.natures_of_control: required');
  });

  it('reads API items, taking the company number from links.self', async () => {
    const { records } = await collect(
      parsePsc(fixtureStream('psc-api-items.json'), { file: 'psc-api.json', skipInvalid: false }),
    );
    expect(valuesOf(records, 'ownership')).toEqual([
      expect.objectContaining({
        ownerExternalId: 'GB-COH-PSC:api1',
        ownedExternalId: 'GB-COH:00445790',
        shareMin: 75,
        shareMax: 100,
        startDate: '2019-02-01',
      }),
    ]);
    expect(valuesOf(records, 'entity')).toContainEqual(
      expect.objectContaining({ name: 'Ms Alice Example', country: 'GB' }),
    );
  });
});
