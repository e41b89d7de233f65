import { TermIndex } from './term-index.js';
import { oneEditVariants } from './term-variants.js';

/** Distinct pseudo-random lowercase words, reproducibly. */
function words(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const found = new Set<string>();
  while (found.size < count) {
    const length = 1 + (next() % 12);
    let word = '';
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + (next() % 26));
    found.add(word);
  }
  return [...found];
}

describe('TermIndex', () => {
  const added = words(20_000, 1);
  const sut = new TermIndex(added.length);
  added.forEach((word, i) => sut.set(word, i % 2001));

  it('answers every term with its count', () => {
    expect(added.filter((word, i) => sut.names(word) !== i % 2001)).toEqual([]);
    expect(sut.size).toBe(added.length);
  });

  it('takes no other word for a term', () => {
    const known = new Set(added);
    const absent = words(50_000, 2).filter((word) => !known.has(word));

    expect(absent.filter((word) => sut.names(word) !== undefined)).toEqual([]);
  });

  it('updates the count of a term it holds, without holding it twice', () => {
    const index = new TermIndex(10);
    index.set('carter', 12);
    index.set('carter', 2000);

    expect(index.names('carter')).toBe(2000);
    expect(index.size).toBe(1);
  });

  it('grows past the terms it was sized for, keeping them all', () => {
    const index = new TermIndex(1);
    const many = words(5_000, 3);
    many.forEach((word, i) => index.set(word, i));

    expect(index.capacity).toBeGreaterThanOrEqual(many.length);
    expect(many.filter((word, i) => index.names(word) !== i)).toEqual([]);
  });

  it('lists the terms among some words, each once', () => {
    const index = new TermIndex(10);
    index.set('carter', 3);
    index.set('garcia', 1500);

    expect(index.existing(['garcia', 'blousheck', 'carter', 'garcia'])).toEqual([
      { term: 'garcia', names: 1500 },
      { term: 'carter', names: 3 },
    ]);
  });

  it.each(['dahua', 'pleazist', 'a', '海康威视', '𠀀b'])(
    'finds the one-edit variants of %s that are terms, with their counts, and no other',
    (word) => {
      const variants = oneEditVariants(word);
      const index = new TermIndex(100);
      const kept = variants.filter((_, i) => i % 7 === 0);
      kept.forEach((variant, i) => index.set(variant, i + 1));
      index.set(`${word}zz`, 1);

      const present = index.presentVariants(word);

      expect(present).toHaveLength(kept.length);
      expect(present).toEqual(expect.arrayContaining(kept.map((term, i) => ({ term, names: i + 1 }))));
    },
  );
});
