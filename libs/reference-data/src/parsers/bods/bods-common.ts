// Pieces shared by BODS 0.2/0.3 and 0.4: entity types, names, identifiers, provenance.
import type { Confidence, EntityKind, Identifier, RefEntity } from '../../../../contracts/src/index.js';
import { countryCode } from '../country.js';
import {
  asObject,
  fieldPath,
  optionalArray,
  optionalObject,
  optionalString,
  optionalStringList,
  stringValue,
} from '../fields.js';
import type { JsonObject } from '../fields.js';
import { UNKNOWN_SCHEME, uniqueIdentifiers } from '../identifiers.js';
import { aliasesOf } from '../names.js';
import { RecordIssue } from '../parse-error.js';
import type { Provenance } from '../provenance.js';

const HIGH_CONFIDENCE_SOURCES = new Set(['officialRegister', 'verified']);

/** A statement's `source`: its URL, and a confidence from its source types (official or verified: high). */
export function provenance(statement: JsonObject, defaults: Provenance): Provenance {
  const source = optionalObject(statement, 'source', '');
  if (!source) return defaults;
  const types = optionalStringList(source, 'type', 'source');
  return {
    source: optionalString(source, 'url', 'source') ?? defaults.source,
    confidence: confidenceOfSourceTypes(types) ?? defaults.confidence,
  };
}

function confidenceOfSourceTypes(types: string[]): Confidence | undefined {
  if (types.some((type) => HIGH_CONFIDENCE_SOURCES.has(type))) return 'high';
  return types.length > 0 ? 'medium' : undefined;
}

const ENTITY_KINDS: Readonly<Record<string, EntityKind>> = {
  registeredEntity: 'company',
  legalEntity: 'legal_entity',
  arrangement: 'organization',
  anonymousEntity: 'legal_entity',
  unknownEntity: 'legal_entity',
  state: 'state_body',
  stateBody: 'state_body',
};

export function entityKind(entityType: string | undefined, field: string): EntityKind {
  if (entityType === undefined) return 'legal_entity';
  const kind = ENTITY_KINDS[entityType];
  if (!kind) throw new RecordIssue(field, `'${entityType}' is not a BODS entity type`);
  return kind;
}

/** Anonymous and unknown parties have no name; they still hold a place in the ownership chain. */
const PLACEHOLDER_NAMES: Readonly<Record<string, string>> = {
  anonymousEntity: 'Anonymous entity',
  unknownEntity: 'Unknown entity',
  anonymousPerson: 'Anonymous person',
  unknownPerson: 'Unknown person',
};

export function placeholderName(
  partyType: string | undefined,
  unspecified: JsonObject | undefined,
): string | undefined {
  const label = partyType === undefined ? undefined : PLACEHOLDER_NAMES[partyType];
  if (label === undefined) return undefined;
  const description = unspecified
    ? stringValue(unspecified.description, 'unspecifiedDetails.description')
    : undefined;
  return description ? `${label} (${description})` : label;
}

export function bodsIdentifiers(details: JsonObject, parent: string): Identifier[] {
  const identifiers: Identifier[] = [];
  optionalArray(details, 'identifiers', parent).forEach((item, index) => {
    const field = fieldPath(fieldPath(parent, 'identifiers'), index);
    const identifier = asObject(item, field);
    const id = optionalString(identifier, 'id', field);
    if (id === undefined) return; // BODS allows an identifier that only names its scheme or URI.
    const scheme =
      optionalString(identifier, 'scheme', field) ?? optionalString(identifier, 'schemeName', field);
    identifiers.push({ scheme: scheme ?? UNKNOWN_SCHEME, id });
  });
  return uniqueIdentifiers(identifiers);
}

/** `{name, code}`; the code is ISO 3166-1 or 3166-2 ("GB-ENG"), of which the country is the first part. */
export function jurisdictionCountry(details: JsonObject, key: string, parent: string): string | null {
  const jurisdiction = optionalObject(details, key, parent);
  if (!jurisdiction) return null;
  const field = fieldPath(parent, key);
  return (
    countryCode(optionalString(jurisdiction, 'code', field)) ??
    countryCode(optionalString(jurisdiction, 'name', field))
  );
}

interface EntityFields {
  externalId: string;
  kind: EntityKind;
  name: string;
  otherNames: string[];
  country: string | null;
  identifiers: Identifier[];
  provenance: Provenance;
}

export function refEntity(fields: EntityFields): RefEntity {
  return {
    externalId: fields.externalId,
    kind: fields.kind,
    name: fields.name,
    aliases: aliasesOf(fields.name, fields.otherNames),
    country: fields.country,
    identifiers: fields.identifiers,
    topics: [],
    lists: [],
    ...fields.provenance,
  };
}

/** A person's names: the first full name (or given + family name) is the name, the rest are aliases. */
export function personNames(details: JsonObject, parent: string): string[] {
  const names: string[] = [];
  optionalArray(details, 'names', parent).forEach((item, index) => {
    const field = fieldPath(fieldPath(parent, 'names'), index);
    const name = asObject(item, field);
    const full =
      optionalString(name, 'fullName', field) ??
      [optionalString(name, 'givenName', field), optionalString(name, 'familyName', field)]
        .filter(Boolean)
        .join(' ');
    if (full) names.push(full);
  });
  return names;
}

/** `nationalities: [{name, code}]` → the first recognisable country. */
export function nationality(details: JsonObject, parent: string): string | null {
  for (const [index, item] of optionalArray(details, 'nationalities', parent).entries()) {
    const field = fieldPath(fieldPath(parent, 'nationalities'), index);
    const country = asObject(item, field);
    const code =
      countryCode(optionalString(country, 'code', field)) ??
      countryCode(optionalString(country, 'name', field));
    if (code) return code;
  }
  return null;
}
