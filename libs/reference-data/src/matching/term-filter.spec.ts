import { TermFilter } from './term-filter.js';
import { oneEditVariants } from './term-variants.js';

/** Distinct pseudo-random lowercase words, reproducibly. */
function words(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const found = new Set<string>();
  while (found.size < count) {
    const length = 5 + (next() % 8);
    let word = '';
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + (next() % 26));
    found.add(word);
  }
  return [...found];
}

describe('TermFilter', () => {
  const added = words(20_000, 1);
  const filter = new TermFilter(added.length);
  added.forEach((word) => filter.add(word));

  it('never takes an added word for absent', () => {
    expect(added.filter((word) => !filter.mightContain(word))).toEqual([]);
  });

  it('takes few absent words for present at capacity', () => {
    const known = new Set(added);
    const absent = words(50_000, 2).filter((word) => !known.has(word));
    const passed = absent.filter((word) => filter.mightContain(word)).length;

    expect(passed / absent.length).toBeLessThan(0.001);
  });

  it('counts distinct words, and holds at least the words it was sized for', () => {
    const small = new TermFilter(10);
    small.add('carter');
    small.add('carter');

    expect(small.size).toBe(1);
    expect(small.capacity).toBeGreaterThanOrEqual(10);
  });

  it.each(['dahua', 'pleazist', 'a', '海康威视'])(
    'finds the one-edit variants of %s that were added, and no other',
    (word) => {
      const variants = oneEditVariants(word);
      const some = new TermFilter(100);
      const kept = variants.filter((_, i) => i % 7 === 0);
      kept.forEach((variant) => some.add(variant));

      const present = some.presentVariants(word);

      expect(present.sort()).toEqual(variants.filter((variant) => some.mightContain(variant)).sort());
      expect(present).toEqual(expect.arrayContaining(kept));
    },
  );
});
