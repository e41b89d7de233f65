import { LetterTrigrams } from './letter-trigrams.js';
import { forEachOneEditVariant } from './term-variants.js';

function variantsOf(word: string): { variant: string; mayHold: boolean }[] {
  const found: { variant: string; mayHold: boolean }[] = [];
  const mayHold = sut.variantTest(word);
  forEachOneEditVariant(word, (from, middle, to) =>
    found.push({
      variant: word.slice(0, from) + middle + word.slice(to),
      mayHold: mayHold(from, middle, to),
    }),
  );
  return found;
}

let sut: LetterTrigrams;

describe('LetterTrigrams', () => {
  const terms = ['blackstone', 'osprey', 'a', 'dahua', '3m', 'crème', '海康威视'];

  beforeEach(() => {
    sut = new LetterTrigrams();
    terms.forEach((term) => sut.add(term));
  });

  it.each([
    'blackstone',
    'blakstone',
    'blackstonne',
    'balckstone',
    'ospray',
    'b',
    'dahu',
    'dahuaa',
    '海康威',
  ])('never dismisses a one-edit variant of %s that is a term', (word) => {
    const terms = new Set(['blackstone', 'osprey', 'a', 'dahua', '海康威视']);

    const dismissedTerms = variantsOf(word).filter(({ variant, mayHold }) => terms.has(variant) && !mayHold);

    expect(dismissedTerms).toEqual([]);
  });

  it('dismisses most variants that no term could be', () => {
    const variants = variantsOf('blackstone').filter(({ variant }) => variant !== 'blackstone');

    expect(variants.filter(({ mayHold }) => mayHold).length / variants.length).toBeLessThan(0.1);
  });

  it('dismisses at once the variants of a misspelt word that keep its typo', () => {
    const kept = variantsOf('blqckstone').filter(({ mayHold }) => mayHold);

    expect(kept.map(({ variant }) => variant)).toContain('blackstone');
    expect(kept.filter(({ variant }) => variant.includes('lqc'))).toEqual([]);
  });

  it('never dismisses because of a character it does not track', () => {
    sut = new LetterTrigrams();

    expect(sut.variantTest('海康威视')(0, '', 1)).toBe(true);
    expect(sut.variantTest('3m')(1, '', 2)).toBe(true);
  });
});
