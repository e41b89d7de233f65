import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry when full', () => {
    const sut = new LruCache<string, number>(2);
    sut.set('a', 1);
    sut.set('b', 2);
    expect(sut.get('a')).toBe(1); // 'b' is now the least recently used
    sut.set('c', 3);

    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('a')).toBe(1);
    expect(sut.get('c')).toBe(3);
    expect(sut.size).toBe(2);
  });

  it('replaces the value of a key that is set again, without growing', () => {
    const sut = new LruCache<string, number>(2);
    sut.set('a', 1);
    sut.set('a', 2);

    expect(sut.get('a')).toBe(2);
    expect(sut.size).toBe(1);
  });

  it('refuses a capacity that could not hold anything', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
