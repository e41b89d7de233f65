import { identifierLookupKeys } from './identifier-keys.js';

describe('identifierLookupKeys', () => {
  it.each([
    ['an identifier as the importer stores it', [{ scheme: 'SZSE', id: '002415' }], ['SZSE:002415']],
    ['other case', [{ scheme: 'gb-coh', id: 'sc123456' }], ['GB-COH:SC123456']],
    [
      'separators a supplier typed, also without them',
      [{ scheme: 'szse', id: '002-415' }],
      ['SZSE:002-415', 'SZSE:002415'],
    ],
    ['blank parts, which identify nothing', [{ scheme: ' ', id: '123' }], []],
    ['no identifiers', undefined, []],
  ])('%s', (_, identifiers, expected) => {
    expect(identifierLookupKeys(identifiers)).toEqual(expected);
  });
});
