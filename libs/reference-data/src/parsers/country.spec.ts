import { countryCode } from './country.js';

describe('countryCode', () => {
  it.each([
    ['cn', 'CN'],
    ['GB-ENG', 'GB'],
    ['England', 'GB'],
    ['Northern Ireland', 'GB'],
    ['British', 'GB'],
    ['China', 'CN'],
    ['Germany', 'DE'],
    ['Hong Kong', 'HK'],
    ['Taiwan', 'TW'],
    ['zz', null],
    ['suhh', null],
    ['Narnia', null],
  ])('%s → %s', (value, code) => {
    expect(countryCode(value)).toBe(code);
  });
});
