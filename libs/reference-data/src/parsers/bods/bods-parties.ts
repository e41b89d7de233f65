// Entity and person statements of either BODS generation → RefEntity. The versions differ in where the
// details sit (0.4: `recordDetails`) and in a few key names, passed in as `PartyKeys`.
import type { RefEntity } from '../../../../contracts/src/index.js';
import { fieldPath, isObject, optionalObject, optionalString, optionalStringList } from '../fields.js';
import type { JsonObject } from '../fields.js';
import { RecordIssue } from '../parse-error.js';
import type { Provenance } from '../provenance.js';
import {
  bodsIdentifiers,
  entityKind,
  jurisdictionCountry,
  nationality,
  personNames,
  placeholderName,
  refEntity,
} from './bods-common.js';

export interface PartyKeys {
  /** Path of the details object in the statement: 'recordDetails' (0.4) or '' (0.2/0.3). */
  detailsPath: string;
  /** 'jurisdiction' (0.4) or 'incorporatedInJurisdiction' (0.2/0.3). */
  jurisdictionKey: string;
}

export function bodsEntity(
  externalId: string,
  details: JsonObject,
  keys: PartyKeys,
  provenance: Provenance,
): RefEntity {
  const path = keys.detailsPath;
  // 0.4 nests the type as {type, subtype}; 0.2/0.3 give the type string directly.
  const entityType = isObject(details.entityType)
    ? optionalString(details.entityType, 'type', fieldPath(path, 'entityType'))
    : optionalString(details, 'entityType', path);
  const name =
    optionalString(details, 'name', path) ??
    placeholderName(entityType, optionalObject(details, 'unspecifiedEntityDetails', path));
  if (name === undefined) throw new RecordIssue(fieldPath(path, 'name'), 'required');
  return refEntity({
    externalId,
    kind: entityKind(entityType, fieldPath(path, 'entityType')),
    name,
    otherNames: optionalStringList(details, 'alternateNames', path),
    country: jurisdictionCountry(details, keys.jurisdictionKey, path),
    identifiers: bodsIdentifiers(details, path),
    provenance,
  });
}

export function bodsPerson(
  externalId: string,
  details: JsonObject,
  keys: PartyKeys,
  provenance: Provenance,
): RefEntity {
  const path = keys.detailsPath;
  const [name, ...otherNames] = personNames(details, path);
  const personType = optionalString(details, 'personType', path);
  const displayName =
    name ?? placeholderName(personType, optionalObject(details, 'unspecifiedPersonDetails', path));
  if (displayName === undefined) throw new RecordIssue(fieldPath(path, 'names'), 'required');
  return refEntity({
    externalId,
    kind: 'person',
    name: displayName,
    otherNames,
    country: nationality(details, path),
    identifiers: bodsIdentifiers(details, path),
    provenance,
  });
}
