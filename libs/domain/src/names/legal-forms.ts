// Legal forms (Ltd, GmbH, S.A., 有限公司...) say how a company is incorporated, not which company it
// is, so they are removed before names are compared. Tokens arrive normalised: lowercase, without
// diacritics, dotted abbreviations already joined ("S.p.A." → "spa").

function sequences(lines: string): readonly (readonly string[])[] {
  return lines
    .split(',')
    .map((form) => form.trim().split(/\s+/))
    .filter((form) => form[0] !== '')
    .sort((a, b) => b.length - a.length); // longest first, so "public limited company" beats "company"
}

/** Forms removed from the end of a name, repeatedly ("gmbh and co kg", "co ltd"). */
const TRAILING_FORMS = sequences(`
  public limited company, limited liability company, limited liability partnership, limited partnership,
  joint stock company, private limited, pvt ltd, sp z oo, s de rl, societe anonyme, kabushiki kaisha,
  gesellschaft mit beschrankter haftung,
  ltd, limited, plc, llc, inc, incorporated, corp, corporation, co, company, cos, gmbh, mbh, ag, kg, kgaa,
  ug, sa, sas, sasu, sarl, srl, spa, sl, slu, bv, nv, oy, oyj, ab, as, asa, aps, pty, llp, lp, lllp, kk,
  pte, bhd, sdn, tbk, jsc, pjsc, ojsc, cjsc, ooo, zao, oao, pao, doo, sro, kft, zrt, nyrt, ltda, se, cv,
  pvt, sab, sti, fze, fzco, aktiengesellschaft
`);

/** Forms that precede the name (PT Telkom, OOO Gazprom, Kabushiki Kaisha Toshiba). */
const LEADING_FORMS = sequences(`kabushiki kaisha, pt, ooo, oao, zao, pao, jsc, pjsc, ojsc, cjsc`);

/** Words left dangling once the form after them is gone ("Smith & Co" → "smith and" → "smith"). */
const DANGLING_CONNECTORS = new Set(['and', 'de', 'und', 'et', 'y']);

/** CJK legal forms, longest first; 集团 ("group") is kept like the English word. */
const CJK_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '주식회사',
  '유한회사',
];
const CJK_PREFIXES = ['株式会社', '有限会社', '주식회사'];
/** Abbreviations written on their own, as in (株) or (주). */
const CJK_STANDALONE = new Set(['株', '주', '有']);

export interface LegalFormSplit {
  /** The name's tokens without legal forms. */
  tokens: string[];
  /** The legal forms removed. */
  legalForms: string[];
}

function endsWith(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false; // never strip a name down to nothing
  const offset = tokens.length - form.length;
  return form.every((word, i) => tokens[offset + i] === word);
}

function startsWith(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false;
  return form.every((word, i) => tokens[i] === word);
}

function stripLatinForms(tokens: string[], removed: string[]): string[] {
  let rest = tokens;
  const leading = LEADING_FORMS.find((form) => startsWith(rest, form));
  if (leading) {
    removed.push(leading.join(' '));
    rest = rest.slice(leading.length);
  }
  const trailing: string[] = [];
  for (;;) {
    const form = TRAILING_FORMS.find((f) => endsWith(rest, f));
    if (!form) break;
    trailing.unshift(form.join(' '));
    rest = rest.slice(0, rest.length - form.length);
    if (rest.length > 1 && DANGLING_CONNECTORS.has(rest[rest.length - 1])) rest = rest.slice(0, -1);
  }
  removed.push(...trailing);
  return rest;
}

function stripCjkForms(token: string, removed: string[]): string {
  if (CJK_STANDALONE.has(token)) {
    removed.push(token);
    return '';
  }
  let rest = token;
  for (let changed = true; changed && rest;) {
    changed = false;
    const prefix = CJK_PREFIXES.find((p) => rest.startsWith(p));
    if (prefix) {
      removed.push(prefix);
      rest = rest.slice(prefix.length);
      changed = true;
    }
    const suffix = CJK_SUFFIXES.find((s) => rest.endsWith(s));
    if (suffix) {
      removed.push(suffix);
      rest = rest.slice(0, rest.length - suffix.length);
      changed = true;
    }
  }
  return rest;
}

/**
 * Removes legal forms: Latin ones as whole tokens at the start or end of the name, CJK ones as
 * prefixes or suffixes of a CJK run. A name that is nothing but a legal form ("Company") is kept.
 */
export function splitLegalForms(
  tokens: readonly string[],
  isCjk: (token: string) => boolean,
): LegalFormSplit {
  const legalForms: string[] = [];
  const withoutCjkForms: string[] = [];
  for (const token of tokens) {
    const rest = isCjk(token) ? stripCjkForms(token, legalForms) : token;
    if (rest) withoutCjkForms.push(rest);
  }
  if (withoutCjkForms.length === 0) return { tokens: [...tokens], legalForms: [] };
  return { tokens: stripLatinForms(withoutCjkForms, legalForms), legalForms };
}
