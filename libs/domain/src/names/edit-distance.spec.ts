import {
  boundedEditDistance,
  characterMask,
  deletionVariants,
  editDistanceLowerBound,
} from './edit-distance.js';
import { createRng } from './prng.js';

describe('boundedEditDistance', () => {
  it.each([
    ['', '', 2, 0],
    ['hikvision', 'hikvision', 2, 0],
    ['hikvision', 'hikvison', 2, 1],
    ['dahua', 'dahau', 2, 1], // one transposition
    ['huawei', 'huaweii', 2, 1],
    ['kitten', 'sitting', 3, 3],
    ['abc', '', 5, 3],
    ['海康威视', '海康威視', 1, 1],
    // beyond the bound the answer is bound + 1
    ['kitten', 'sitting', 1, 2],
    ['hikvision', 'dahua', 2, 3],
  ])('%j vs %j (at most %i) → %i', (a, b, maxEdits, expected) => {
    expect(boundedEditDistance(a, b, maxEdits)).toBe(expected);
    expect(boundedEditDistance(b, a, maxEdits)).toBe(expected);
  });
});

describe('editDistanceLowerBound', () => {
  it('never exceeds the edit distance', () => {
    const rng = createRng(7);
    const word = () => Array.from({ length: 1 + rng.int(9) }, () => 'abcdefgh'.charAt(rng.int(8))).join('');
    for (let i = 0; i < 5000; i++) {
      const [a, b] = [word(), word()];
      const bound = editDistanceLowerBound(characterMask(a), a.length, characterMask(b), b.length);
      expect(bound).toBeLessThanOrEqual(boundedEditDistance(a, b, 20));
    }
  });

  it('rejects words with different letters without computing the distance', () => {
    expect(editDistanceLowerBound(characterMask('hikvision'), 9, characterMask('qortun'), 6)).toBeGreaterThan(
      2,
    );
  });
});

describe('deletionVariants', () => {
  it('lists the strings left after up to the given number of deletions', () => {
    expect(deletionVariants('abc', 1).sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletionVariants('abc', 2)).toHaveLength(7);
    expect(deletionVariants('abc', 0)).toEqual(['abc']);
  });
});
