// The two parties of a PSC relation: the company (known only by number in PSC data) and its PSC.
import type { EntityKind, Identifier, RefEntity } from '../../../../contracts/src/index.js';
import { countryCode } from '../country.js';
import { fieldPath, optionalObject, optionalString, requiredString } from '../fields.js';
import { aliasesOf } from '../names.js';
import { RecordIssue } from '../parse-error.js';
import type { Provenance } from '../provenance.js';
import { normaliseCompanyNumber, type PscItem } from './psc-item.js';

export function companyExternalId(companyNumber: string): string {
  return `GB-COH:${companyNumber}`;
}

/**
 * PSC data names no company, so the company entity carries its number as name. A writer merging sources
 * should prefer any real name (from the FtM or Companies House company data) over this one.
 */
export function placeholderCompany(companyNumber: string, provenance: Provenance): RefEntity {
  return {
    externalId: companyExternalId(companyNumber),
    kind: 'company',
    name: `Company ${companyNumber}`,
    aliases: [],
    country: 'GB',
    identifiers: [{ scheme: 'GB-COH', id: companyNumber }],
    topics: [],
    lists: [],
    ...provenance,
  };
}

/**
 * The PSC as an entity. A corporate PSC registered at Companies House gets the company's own id, so
 * chains of UK companies join up; other PSCs are keyed by their PSC id. Dates of birth and addresses are
 * left out: screening does not need them and the trail should not hold them.
 */
export function pscParty(item: PscItem, kind: EntityKind, pscId: string, provenance: Provenance): RefEntity {
  const { data, path } = item;
  const name = requiredString(data, 'name', path);
  const registration = kind === 'person' ? undefined : registrationOf(item);
  return {
    externalId: registration?.ukCompanyNumber
      ? companyExternalId(registration.ukCompanyNumber)
      : `GB-COH-PSC:${pscId}`,
    kind,
    name,
    aliases: aliasesOf(
      name,
      [nameFromElements(item)].filter((alias): alias is string => alias !== undefined),
    ),
    country: kind === 'person' ? personCountry(item) : (registration?.country ?? null),
    identifiers: registration?.identifier ? [registration.identifier] : [],
    topics: [],
    lists: [],
    ...provenance,
  };
}

/** "Mr John Andrew Smith" is also published as elements; without the title it is a useful alias. */
function nameFromElements(item: PscItem): string | undefined {
  const elements = optionalObject(item.data, 'name_elements', item.path);
  if (!elements) return undefined;
  const field = fieldPath(item.path, 'name_elements');
  const parts = ['forename', 'middle_name', 'surname'].map((key) => optionalString(elements, key, field));
  const joined = parts.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

function personCountry(item: PscItem): string | null {
  return (
    countryCode(optionalString(item.data, 'country_of_residence', item.path)) ??
    countryCode(optionalString(item.data, 'nationality', item.path))
  );
}

interface Registration {
  country: string | null;
  identifier?: Identifier;
  ukCompanyNumber?: string;
}

function registrationOf(item: PscItem): Registration {
  const identification = optionalObject(item.data, 'identification', item.path);
  if (!identification) return { country: null };
  const field = fieldPath(item.path, 'identification');
  const place = optionalString(identification, 'place_registered', field);
  const country =
    countryCode(optionalString(identification, 'country_registered', field)) ??
    (place ? countryCode(place) : null);
  const number = optionalString(identification, 'registration_number', field);
  if (number === undefined) return { country };
  const atCompaniesHouse = country === 'GB' || /companies house/i.test(place ?? '');
  if (atCompaniesHouse) {
    try {
      const ukCompanyNumber = normaliseCompanyNumber(number, fieldPath(field, 'registration_number'));
      return { country: 'GB', identifier: { scheme: 'GB-COH', id: ukCompanyNumber }, ukCompanyNumber };
    } catch (error) {
      // A UK-registered PSC whose number is not a company number (a charity, a partnership) keeps it as is.
      if (!(error instanceof RecordIssue)) throw error;
    }
  }
  return { country, identifier: { scheme: country ? `${country}-REG` : 'REG', id: number } };
}
