// Country values arrive as ISO codes ("cn", "GB-ENG") or English names ("England", "United Kingdom",
// "British"); reference data stores ISO 3166-1 alpha-2 or nothing.

/** Names the ICU region list does not give as such (UK nations, demonyms, common short forms). */
const NAME_ALIASES: Record<string, string> = {
  england: 'GB',
  wales: 'GB',
  scotland: 'GB',
  'northern ireland': 'GB',
  'england and wales': 'GB',
  'great britain': 'GB',
  uk: 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  british: 'GB',
  usa: 'US',
  'united states of america': 'US',
  american: 'US',
  prc: 'CN',
  "people's republic of china": 'CN',
  chinese: 'CN',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  macau: 'MO',
  russian: 'RU',
  'russian federation': 'RU',
  'republic of korea': 'KR',
  'south korea': 'KR',
  "democratic people's republic of korea": 'KP',
  'north korea': 'KP',
  iran: 'IR',
  'islamic republic of iran': 'IR',
};

/** FtM pseudo-codes that name no country ("zz" = global). */
const NOT_A_COUNTRY = new Set(['ZZ', 'EU']);

export function countryCode(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  const code = /^([A-Za-z]{2})(?:-[A-Za-z0-9]{1,3})?$/.exec(text);
  if (code) {
    const upper = code[1]!.toUpperCase();
    return NOT_A_COUNTRY.has(upper) ? null : upper;
  }
  const name = normaliseName(text);
  return NAME_ALIASES[name] ?? regionNames().get(name) ?? null;
}

let regionsByName: Map<string, string> | undefined;

/** English region names from ICU ("China" → CN, "Germany" → DE), built once on first use. */
function regionNames(): Map<string, string> {
  if (regionsByName) return regionsByName;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  regionsByName = new Map();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      const name = names.of(code);
      if (name && name !== code) regionsByName.set(normaliseName(name), code);
    }
  }
  return regionsByName;
}

function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’]/g, "'")
    .replace(/[.,]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
