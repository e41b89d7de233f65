import { prepareQuery } from '../../../domain/src/names/index.js';
import {
  planProbes,
  queryWords,
  RARE_TERM_NAMES,
  type TermCount,
  type WordLookup,
} from './retrieval-plan.js';

const RARE = 3;
const COMMON = RARE_TERM_NAMES * 2;

function lookup(
  expansions: Record<string, [string, number][]>,
  supporting: [string, number][] = [],
  joinedFrom: Record<string, [[string, number], [string, number]][]> = {},
): WordLookup {
  const counts = (pairs: [string, number][]): TermCount[] => pairs.map(([term, names]) => ({ term, names }));
  return {
    expansions: new Map(Object.entries(expansions).map(([word, pairs]) => [word, counts(pairs)])),
    supporting: counts(supporting),
    joinedFrom: new Map(
      Object.entries(joinedFrom).map(([word, splits]) => [
        word,
        splits.map(([left, right]) => [counts([left])[0]!, counts([right])[0]!] as const),
      ]),
    ),
  };
}

describe('queryWords', () => {
  it('takes the distinctive words and their joined pairs as identifying, the rest as supporting', () => {
    const words = queryWords(prepareQuery({ name: 'Hangzhou Hik Vision Digital Technology Co., Ltd.' }));

    expect(words.units.map((unit) => unit.word)).toEqual(expect.arrayContaining(['hik', 'hikvision']));
    expect(words.supporting).toEqual(expect.arrayContaining(['hangzhou', 'vision', 'digital', 'technology']));
    expect(words.exactNames[0]).toBe('hangzhou hik vision digital technology');
  });

  it('falls back to every meaningful word when none is distinctive', () => {
    const words = queryWords(prepareQuery({ name: 'International Trading Group Ltd' }));
    expect(words.units.map((unit) => unit.word)).toEqual(
      expect.arrayContaining(['international', 'trading', 'group']),
    );
  });
});

describe('planProbes', () => {
  const words = queryWords(prepareQuery({ name: 'Blousheck Carter Metals Ltd' }));

  it('probes a rare identifying word alone, with its typo variants', () => {
    const plan = planProbes(
      words,
      lookup({
        blousheck: [
          ['blousheck', RARE],
          ['bloushek', 1],
        ],
        carter: [['carter', COMMON]],
      }),
    );

    expect(plan.groups).toEqual([[['blousheck', 'bloushek']]]);
    expect(plan.rankTerms).toEqual(expect.arrayContaining(['blousheck', 'bloushek', 'carter']));
  });

  it('probes two common identifying words together, never one alone', () => {
    const plan = planProbes(
      words,
      lookup({ blousheck: [['blousheck', COMMON]], carter: [['carter', COMMON]] }),
    );
    expect(plan.groups).toEqual([[['blousheck'], ['carter']]]);
  });

  it('narrows a lone common word by the supporting words, and finds the bare word by equality', () => {
    const plan = planProbes(words, lookup({ carter: [['carter', COMMON]] }, [['metals', COMMON]]));

    expect(plan.groups).toEqual([[['carter'], ['metals']]]);
    expect(plan.exactNames).toEqual(expect.arrayContaining(['blousheck carter metals', 'carter']));
  });

  it('probes the two words a run-together query word was made of', () => {
    const joined = queryWords(prepareQuery({ name: 'EmpireSilverlake Ltd' }));
    const plan = planProbes(
      joined,
      lookup({ empiresilverlake: [] }, [], {
        empiresilverlake: [
          [
            ['empire', COMMON],
            ['silverlake', COMMON],
          ],
        ],
      }),
    );
    expect(plan.groups).toEqual([[['empire'], ['silverlake']]]);
  });

  it('plans no word probe when nothing of the query occurs in the reference data', () => {
    expect(planProbes(words, lookup({})).groups).toEqual([]);
  });
});
