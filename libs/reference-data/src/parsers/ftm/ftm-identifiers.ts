// FtM identifier properties → {scheme, id}. Schemes follow org-id.guide where one exists (GB-COH, LEI);
// a registration number without a known register becomes "<country>-REG" so the id is never schemeless.
import type { Identifier } from '../../../../contracts/src/index.js';
import { uniqueIdentifiers } from '../identifiers.js';
import type { FtmEntityView } from './ftm-entity-view.js';

/** Properties whose scheme does not depend on the country. Personal ids (passports) are left out on purpose. */
const FIXED_SCHEMES: Record<string, string> = {
  leiCode: 'LEI',
  dunsCode: 'DUNS',
  swiftBic: 'BIC',
  isinCode: 'ISIN',
  innCode: 'RU-INN',
  ogrnCode: 'RU-OGRN',
  okpoCode: 'RU-OKPO',
  uscCode: 'CN-USCC',
  cikCode: 'US-SEC-CIK',
  irsCode: 'US-EIN',
  uniqueEntityId: 'US-SAM-UEI',
  vatCode: 'VAT',
  wikidataId: 'WIKIDATA',
};

const FIXED_SCHEME_ENTRIES = Object.entries(FIXED_SCHEMES);

/** Chinese Unified Social Credit Codes are 18 characters; FtM files carry them as registration or tax numbers. */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function ftmIdentifiers(entity: FtmEntityView, country: string | null): Identifier[] {
  const identifiers: Identifier[] = [];
  for (const [property, scheme] of FIXED_SCHEME_ENTRIES) {
    for (const id of entity.values(property)) identifiers.push({ scheme, id });
  }
  for (const id of entity.values('registrationNumber'))
    identifiers.push({ scheme: registerScheme(id, country), id });
  for (const id of entity.values('taxNumber')) {
    identifiers.push({ scheme: USCC.test(id) ? 'CN-USCC' : country ? `${country}-TAX` : 'TAX', id });
  }
  for (const ticker of entity.values('ticker')) identifiers.push(tickerIdentifier(ticker));
  return uniqueIdentifiers(identifiers);
}

function registerScheme(id: string, country: string | null): string {
  if (country === 'GB') return 'GB-COH';
  if (USCC.test(id)) return 'CN-USCC';
  return country ? `${country}-REG` : 'REG';
}

/** "SZSE:002415" names its exchange; a bare ticker does not. */
function tickerIdentifier(ticker: string): Identifier {
  const match = /^([A-Za-z]{2,10}):(\S+)$/.exec(ticker);
  return match ? { scheme: match[1]!.toUpperCase(), id: match[2]! } : { scheme: 'TICKER', id: ticker };
}
