import { candidateStatement, type CandidateSearch } from './candidate-query.js';
import type { ProbePlan } from './retrieval-plan.js';

function search(plan: Partial<ProbePlan>, identifierKeys: string[] = []): CandidateSearch {
  return {
    plan: { exactNames: [], groups: [], rankTerms: [], ...plan },
    identifierKeys,
    asOfVersion: 7,
    limit: 25,
  };
}

describe('candidateStatement', () => {
  it('gives plans of every kind one statement, so that PostgreSQL prepares and plans it once', () => {
    const statements = [
      search({ exactNames: ['carter garcia'], groups: [[['carter']]], rankTerms: ['carter'] }),
      search({ exactNames: ['global trading'], groups: [[['global'], ['trading', 'tradings']]] }),
      search({
        groups: [
          [['hik'], ['vision']],
          [['hikv'], ['ision']],
          [['a'], ['b']],
          [['c'], ['d']],
        ],
      }),
      search({}, ['GB-COH:07654321']),
    ].map((s) => candidateStatement(s)!);

    expect(new Set(statements.map((s) => s.name)).size).toBe(1);
    expect(new Set(statements.map((s) => s.text)).size).toBe(1);
  });

  it('passes an empty array for every probe a plan does not use', () => {
    const statement = candidateStatement(
      search({ exactNames: ['global trading'], groups: [[['global'], ['trading']]], rankTerms: ['global'] }),
    )!;

    expect(statement.values).toEqual([
      7,
      ['global trading'],
      [],
      ['global'],
      ['trading'],
      ...Array(6).fill([]),
      ['global'],
      [],
    ]);
  });

  it('looks all the rare words up at once, each once', () => {
    const statement = candidateStatement(search({ groups: [[['carter']], [['garcia', 'carter']]] }))!;

    expect(statement.values[2]).toEqual(['carter', 'garcia']);
  });

  it('has nothing to run for a plan with no probe and no identifier', () => {
    expect(candidateStatement(search({ rankTerms: ['carter'] }))).toBeNull();
  });

  it('gives a plan with more pairs than the usual statement holds a statement of its own', () => {
    const pairs = Array.from({ length: 5 }, (_, i) => [[`left${i}`], [`right${i}`]]);

    const usual = candidateStatement(search({ groups: pairs.slice(0, 4) }))!;
    const larger = candidateStatement(search({ groups: pairs }))!;

    expect(larger.name).not.toBe(usual.name);
    expect(larger.values).toEqual(expect.arrayContaining([['left4'], ['right4']]));
    expect(larger.text).toContain('$15::text[]');
    expect(usual.text).not.toContain('$15::text[]');
  });

  it('writes the limits in the statement, where a generic plan can size by them', () => {
    const fewer = candidateStatement({ ...search({ exactNames: ['carter'] }), limit: 10 })!;

    expect(fewer.text).toMatch(/LIMIT 10$/);
    expect(fewer.name).not.toBe(candidateStatement(search({ exactNames: ['carter'] }))!.name);
    expect(() => candidateStatement({ ...search({ exactNames: ['carter'] }), limit: 0 })).toThrow(RangeError);
  });
});
