// A deliberately plain name comparison for matching declared owners with registry owners, used until a
// caller injects the full name matcher (libs/domain/src/names). Equal after normalisation, nothing fuzzier:
// a false "match" would hide an undeclared owner.
import type { Identifier } from '../../../contracts/src/index.js';

export type SameName = (a: string, b: string) => boolean;

const LEGAL_FORMS = new Set([
  'limited',
  'ltd',
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'plc',
  'llc',
  'llp',
  'lp',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'srl',
  'spa',
  'oy',
  'ab',
  'pte',
  'pty',
  'kk',
]);
// Longest first, so 股份有限公司 is not left as 股份 after stripping 有限公司.
const CJK_LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '股份公司'];

export function normaliseOwnerName(name: string): string {
  let text = name.normalize('NFKC').trim().toLowerCase();
  for (const suffix of CJK_LEGAL_SUFFIXES) {
    if (text.endsWith(suffix) && text.length > suffix.length) {
      text = text.slice(0, -suffix.length);
      break;
    }
  }
  const tokens = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\./g, '') // "S.A." → "sa", so dotted legal forms are recognised
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
  const meaningful = tokens.filter((token) => !LEGAL_FORMS.has(token));
  return (meaningful.length > 0 ? meaningful : tokens).join(' ');
}

export const sameNormalisedName: SameName = (a, b) => {
  const left = normaliseOwnerName(a);
  return left.length > 0 && left === normaliseOwnerName(b);
};

export function sameIdentifier(a: Identifier, b: Identifier): boolean {
  return (
    a.scheme.trim().toUpperCase() === b.scheme.trim().toUpperCase() &&
    a.id.replace(/\s+/g, '').toUpperCase() === b.id.replace(/\s+/g, '').toUpperCase()
  );
}
