import { REFERENCE_FORMATS, UnknownReferenceFormatError, parseFtm, parserFor } from './index.js';

describe('parserFor', () => {
  it('has a parser for every format', () => {
    for (const format of REFERENCE_FORMATS) expect(typeof parserFor(format)).toBe('function');
    expect(parserFor('ftm')).toBe(parseFtm);
  });

  it('names the formats it knows when asked for another', () => {
    expect(() => parserFor('xml')).toThrow(UnknownReferenceFormatError);
    expect(() => parserFor('xml')).toThrow(
      /^unknown format 'xml': use one of ftm \(FollowTheMoney.*\); bods \(.*jurisdictions \(/,
    );
  });
});
