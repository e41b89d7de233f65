import { ReferenceParseError } from '../parse-error.js';
import { collect, fixtureStream, valuesOf } from '../__fixtures__/fixtures.js';
import { parseGleifRr } from './gleif-rr.parser.js';

const CHILD = '529900CHILDENTITY169';
const PARENT = '529900PARENTCOMPA140';
const ULTIMATE = '529900ULTIMATEPAR116';

describe('parseGleifRr', () => {
  it('reads API pages: direct and ultimate parents, relationship period, other types counted', async () => {
    const { records, report } = await collect(
      parseGleifRr(fixtureStream('gleif-rr-api.json'), { file: 'rr.json', skipInvalid: true }),
    );
    expect(valuesOf(records, 'ownership')).toEqual([
      {
        externalId: `GLEIF-RR:${CHILD}:DIRECT:${PARENT}`,
        ownerExternalId: `LEI:${PARENT}`,
        ownedExternalId: `LEI:${CHILD}`,
        direct: true,
        controlOnly: true,
        kind: 'parent',
        startDate: '2018-06-01',
        endDate: null,
        source: `https://search.gleif.org/#/record/${CHILD}`,
        confidence: 'high',
      },
      expect.objectContaining({ ownerExternalId: `LEI:${ULTIMATE}`, direct: false, startDate: null }),
    ]);
    expect(report.ignored).toEqual({ 'relationship type IS_INTERNATIONAL_BRANCH_OF': 1 });
    expect(report.skipped).toEqual([
      {
        line: 50,
        field: 'attributes.relationship.startNode.id',
        message: "'529900CHILDENTITY160' is not a valid LEI",
      },
    ]);
  });

  it('reads the golden-copy CSV by column name', async () => {
    const { records, report } = await collect(
      parseGleifRr(fixtureStream('gleif-rr.csv'), {
        file: 'rr.csv',
        skipInvalid: true,
        source: 'https://www.gleif.org/en/lei-data/gleif-golden-copy',
      }),
    );
    expect(valuesOf(records, 'ownership')).toEqual([
      expect.objectContaining({
        ownedExternalId: `LEI:${CHILD}`,
        ownerExternalId: `LEI:${PARENT}`,
        direct: true,
        startDate: '2018-06-01',
        source: 'https://www.gleif.org/en/lei-data/gleif-golden-copy',
      }),
      expect.objectContaining({ ownerExternalId: `LEI:${ULTIMATE}`, direct: false }),
    ]);
    expect(report.ignored).toEqual({ 'inactive relationship': 1, 'relationship type IS_FUND-MANAGED_BY': 1 });
    expect(report.skipped).toEqual([
      { line: 6, field: 'Relationship.StartNode.NodeID', message: "'not-an-lei' is not a valid LEI" },
    ]);
  });

  it('refuses a CSV that is not a relationship-record file', async () => {
    await expect(
      collect(parseGleifRr(['LEI,Name\n'], { file: 'lei.csv', skipInvalid: true })),
    ).rejects.toThrow(
      new ReferenceParseError(
        'lei.csv',
        1,
        '',
        'not a GLEIF relationship-record CSV: no Relationship.StartNode.NodeID column',
      ),
    );
  });
});
