import { RecordIssue } from './parse-error.js';
import { parseShareText } from './share-range.js';

describe('parseShareText', () => {
  it.each([
    ['38.88', { shareExact: 38.88 }],
    ['38,88 %', { shareExact: 38.88 }],
    ['100%', { shareExact: 100 }],
    ['25-50%', { shareMin: 25, shareMax: 50 }],
    ['20 – 30', { shareMin: 20, shareMax: 30 }],
    ['25 to 50', { shareMin: 25, shareMax: 50 }],
    ['<25', { shareMin: 0, shareMax: 25 }],
    ['more than 50%', { shareMin: 50, shareMax: 100 }],
    ['>=75', { shareMin: 75, shareMax: 100 }],
  ])('reads %s', (text, share) => {
    expect(parseShareText(text, 'percentage')).toEqual(share);
  });

  it('reads blank text as no share', () => {
    expect(parseShareText('  ', 'percentage')).toBeUndefined();
  });

  it.each(['about a third', '150', '50-25'])('refuses %s, naming the field', (text) => {
    expect(() => parseShareText(text, 'properties.percentage[0]')).toThrow(RecordIssue);
    try {
      parseShareText(text, 'properties.percentage[0]');
    } catch (error) {
      expect((error as RecordIssue).field).toBe('properties.percentage[0]');
    }
  });
});
