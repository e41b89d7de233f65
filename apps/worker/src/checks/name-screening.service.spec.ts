import type {
  EntityMatch,
  MatchRequest,
  NameMatcher,
  NameMatchQuery,
} from '../../../../libs/reference-data/src/matching/index.js';
import { NameScreeningService } from './name-screening.service.js';

function match(externalId: string, topics: string[], lists: string[] = []): EntityMatch {
  return {
    entity: {
      rowId: '1',
      externalId,
      kind: 'company',
      name: 'Zhejiang Dahua Technology Co., Ltd.',
      aliases: ['Dahua'],
      country: 'CN',
      identifiers: [],
      topics,
      lists: lists.map((listId) => ({ listId })),
      source: 'https://example.org/list',
      confidence: 'high',
    },
    score: 0.91234,
    matchedName: 'Dahua',
    matchedAlias: true,
    components: { name: 0.9, identifier: 0, country: 1 },
    explanation: ["alias 'Dahua' matched with similarity 0.90", 'country CN matches'],
    retrievedBy: 'name',
  };
}

/** The matcher's contract, answered from a table: what the service does with hits is under test here. */
function matcherAnswering(answers: Record<string, EntityMatch[]>) {
  const asked: { query: NameMatchQuery; request: MatchRequest }[] = [];
  const matcher = {
    threshold: 0.8,
    match: async (query: NameMatchQuery, request: MatchRequest) => {
      asked.push({ query, request });
      return answers[query.name] ?? [];
    },
  } as unknown as NameMatcher;
  return { matcher, asked };
}

describe('NameScreeningService', () => {
  it('turns a hit on a listed entity into a finding with the score, its components and the explanation', async () => {
    const { matcher, asked } = matcherAnswering({
      'Dahua Tech': [match('os-dahua', ['export.control'], ['us-fcc'])],
    });
    const sut = new NameScreeningService(matcher);

    const [finding] = await sut.screen(
      [{ role: 'manufacturer', name: 'Dahua Tech', country: 'CN', declaredAt: 'products[0].manufacturer' }],
      7,
    );

    expect(asked[0]).toEqual({
      query: { name: 'Dahua Tech', country: 'CN', identifiers: undefined },
      request: { asOfVersion: 7 },
    });
    expect(finding).toMatchObject({
      key: 'name_screening:WATCHLIST_MATCH:products[0].manufacturer:os-dahua',
      check: 'name_screening',
      code: 'WATCHLIST_MATCH',
      subject: { role: 'manufacturer', name: 'Dahua Tech', country: 'CN' },
      attributes: { topics: ['export.control'], listIds: ['us-fcc'], matchScore: 0.912, confidence: 'high' },
      evidence: [
        {
          kind: 'match',
          entityId: 'os-dahua',
          path: ['Dahua Tech', 'Dahua', 'Zhejiang Dahua Technology Co., Ltd.'],
          detail: {
            matchedAlias: true,
            score: 0.912,
            threshold: 0.8,
            components: { name: 0.9, identifier: 0, country: 1 },
            explanation: ["alias 'Dahua' matched with similarity 0.90", 'country CN matches'],
          },
        },
        { kind: 'list', listId: 'us-fcc' },
      ],
    });
    expect(finding!.summary).toContain('through its alias "Dahua"');
  });

  it('makes a debarment hit DEBARRED, and ignores entities on no list', async () => {
    const { matcher } = matcherAnswering({
      'Shady Installs': [match('gb-debarred', ['debarment']), match('os-unlisted', [])],
    });
    const sut = new NameScreeningService(matcher);

    const findings = await sut.screen(
      [{ role: 'supplier', name: 'Shady Installs', declaredAt: 'supplier' }],
      1,
    );

    expect(findings.map((f) => [f.code, f.evidence[0]!.entityId])).toEqual([['DEBARRED', 'gb-debarred']]);
  });

  it('does not screen names a supplier gives when it does not know', async () => {
    const { matcher, asked } = matcherAnswering({});
    await new NameScreeningService(matcher).screen(
      [{ role: 'component', name: 'Unknown', declaredAt: 'x' }],
      1,
    );
    expect(asked).toEqual([]);
  });
});
