import { oneEditVariants } from './term-variants.js';

describe('oneEditVariants', () => {
  const variants = oneEditVariants('dahua');

  it.each([
    ['the word itself', 'dahua'],
    ['a deletion', 'dhua'],
    ['a transposition', 'dahau'],
    ['a substitution', 'dagua'],
    ['an insertion', 'dahuah'],
  ])('holds %s', (_, variant) => {
    expect(variants).toContain(variant);
  });

  it('holds nothing two edits away', () => {
    expect(variants).not.toContain('dthau');
  });

  it('covers a word of another script with deletions and transpositions only', () => {
    expect(oneEditVariants('海康威视').sort()).toEqual(
      ['海康威视', '康威视', '海威视', '海康视', '海康威', '康海威视', '海威康视', '海康视威'].sort(),
    );
  });
});
