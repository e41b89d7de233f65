import { checkSupplierRows, parseSupplierCsv } from './supplier-rows.js';

describe('supplier rows of a screening batch', () => {
  it('reads CSV with quoted commas, identifiers as scheme:id pairs, and CRLF line ends', () => {
    const sut = parseSupplierCsv(
      'name,country,identifiers,contactEmail\r\n"Hill, Vale & ""Sons"" Ltd",GB,GB-COH:01234567;LEI:5493001KJTIIGC8Y1R12,a@b.example\r\n',
    );
    expect(sut).toEqual([
      {
        rowNumber: 1,
        error: null,
        supplier: {
          name: 'Hill, Vale & "Sons" Ltd',
          country: 'GB',
          identifiers: [
            { scheme: 'GB-COH', id: '01234567' },
            { scheme: 'LEI', id: '5493001KJTIIGC8Y1R12' },
          ],
          contactEmail: 'a@b.example',
        },
      },
    ]);
  });

  it.each([
    ['a missing name', ',GB,,', 'name is missing'],
    [
      'a lower-case country',
      'Acme Ltd,gb,,',
      'country must be an ISO 3166-1 alpha-2 code such as GB; got "gb"',
    ],
    ['an identifier without a scheme', 'Acme Ltd,GB,01234567,', 'must be scheme:id'],
    ['a bad e-mail address', 'Acme Ltd,GB,,nobody', 'contactEmail must be an e-mail address'],
    ['a short row', 'Acme Ltd,GB', 'expected 4 fields, found 2'],
  ])('reports %s with its row number and keeps going', (_, line, reason) => {
    const sut = parseSupplierCsv(
      `name,country,identifiers,contactEmail\nGood Ltd,GB,,\n${line}\nAlso Good Ltd,FR,,`,
    );
    expect(sut).toHaveLength(3);
    const rows = sut as Exclude<typeof sut, string>;
    expect(rows[1]).toMatchObject({ rowNumber: 2, supplier: null, error: expect.stringContaining(reason) });
    expect(rows[2]).toMatchObject({ rowNumber: 3, error: null });
  });

  it('refuses a CSV whose header lacks the name or country column', () => {
    expect(parseSupplierCsv('supplier,nation\nAcme,GB')).toEqual(expect.stringContaining('header must name'));
    expect(parseSupplierCsv('')).toEqual(expect.stringContaining('empty'));
  });

  it('lists a supplier given twice once, pointing the repeat at the first row', () => {
    const sut = checkSupplierRows([
      { name: 'Acme Security Ltd', country: 'GB' },
      { name: 'ACME SECURITY LIMITED', country: 'GB' },
      { name: 'Acme Security Ltd', country: 'IE' },
    ]);
    expect(sut.map((r) => r.error)).toEqual([null, 'duplicate of row 1', null]);
  });

  describe('a declaration on file', () => {
    const declaration = {
      owners: [{ name: 'Vale Holdings Ltd', country: 'GB', share: 100 }],
      countriesOfOperation: ['GB'],
      products: [],
      subcontractors: [],
      foreignIntelligenceLawExposure: false,
      attestation: { name: 'Jane Smith', role: 'Director', accepted: true },
    };

    it('travels with its JSON row', () => {
      const [row] = checkSupplierRows([{ name: 'Vale Ltd', country: 'GB', declaration }]);
      expect(row).toMatchObject({ error: null, supplier: { name: 'Vale Ltd', declaration } });
    });

    it('is checked as the declaration endpoint checks one, naming each wrong field', () => {
      const rows = checkSupplierRows([
        {
          name: 'Vale Ltd',
          country: 'GB',
          declaration: { ...declaration, attestation: { name: 'J', role: 'D', accepted: false } },
        },
        {
          name: 'Hill Ltd',
          country: 'GB',
          declaration: { ...declaration, owners: [{ country: 'GB' }], extra: 1 },
        },
        { name: 'Dale Ltd', country: 'GB', declaration: 'on file' },
        { name: 'Good Ltd', country: 'GB' },
      ]);
      expect(rows.map((r) => r.error)).toEqual([
        expect.stringContaining('declaration.attestation.accepted: accepted must be true'),
        expect.stringMatching(
          /declaration\.extra: .*declaration\.owners\.0\.name: |declaration\.owners\.0\.name: .*declaration\.extra: /,
        ),
        'declaration must be an object, as POST /v1/screenings/:id/declaration takes',
        null,
      ]);
      expect(rows[3]!.supplier).not.toHaveProperty('declaration');
    });
  });
});
