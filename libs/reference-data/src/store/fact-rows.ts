// Import records → rows of the reference tables, as plain objects keyed by column name. The writer sends
// a batch of them as one JSON document that PostgreSQL unpacks with jsonb_to_recordset.
import type {
  BrandRelation,
  Identifier,
  JurisdictionProfile,
  ListMembership,
  OwnershipRelation,
  RefEntity,
} from '../../../contracts/src/index.js';
import { normaliseName } from '../../../domain/src/names/normalise.js';
import type { ListMembershipFact } from '../parsers/import-record.js';
import { identifierKey } from '../identifier-key.js';

export type FactRow = Record<string, unknown>;

/**
 * A list membership stated apart from its entity (an FtM Sanction), as stored in the entity's `lists`.
 * `externalId` tells it from the entity's own list entries; `dataset` is the logical source that stated
 * it, so a snapshot of that source can withdraw it.
 */
export interface AttachedMembership extends ListMembership {
  externalId: string;
  source: string;
  confidence: string;
  dataset: string;
}

export function entityRow(entity: RefEntity, source: string): FactRow {
  const names = indexedNames(entity.name, entity.aliases);
  return {
    external_id: entity.externalId,
    source,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases,
    country: entity.country,
    identifiers: entity.identifiers,
    identifier_keys: identifierKeys(entity.identifiers),
    topics: entity.topics,
    lists: entity.lists.map(ownListEntry),
    fact_source: entity.source,
    confidence: entity.confidence,
    name_list: names.map((name) => name.name),
    normalised_list: names.map((name) => name.normalised),
    alias_flags: names.map((name) => name.isAlias),
  };
}

export function ownershipRow(relation: OwnershipRelation, source: string): FactRow {
  return {
    external_id: relation.externalId,
    source,
    owner_external_id: relation.ownerExternalId,
    owned_external_id: relation.ownedExternalId,
    share_exact: relation.shareExact ?? null,
    share_min: relation.shareMin ?? null,
    share_max: relation.shareMax ?? null,
    direct: relation.direct,
    control_only: relation.controlOnly ?? false,
    kind: relation.kind ?? 'shareholding',
    start_date: calendarDate(relation.startDate, 'earliest'),
    end_date: calendarDate(relation.endDate, 'latest'),
    fact_source: relation.source,
    confidence: relation.confidence,
  };
}

export function brandRow(relation: BrandRelation, source: string): FactRow {
  return {
    external_id: relation.externalId,
    source,
    brand: relation.brand,
    brand_normalised: normaliseName(relation.brand),
    manufacturer_external_id: relation.manufacturerExternalId,
    relation: relation.relation,
    valid_from: calendarDate(relation.validFrom, 'earliest'),
    valid_to: calendarDate(relation.validTo, 'latest'),
    fact_source: relation.source,
    confidence: relation.confidence,
  };
}

export function jurisdictionRow(profile: JurisdictionProfile, source: string): FactRow {
  return { country: profile.country, source, profile };
}

export function attachedMembership(fact: ListMembershipFact, dataset: string): AttachedMembership {
  return {
    ...ownListEntry(fact),
    externalId: fact.externalId,
    source: fact.source,
    confidence: fact.confidence,
    dataset,
  };
}

/** Only the contract's fields: an `externalId` key would make the entry look like an attached membership. */
function ownListEntry({ listId, since, sourceUrl, note }: ListMembership): ListMembership {
  return { listId, since, sourceUrl, note };
}

/** Each identifier once, in the form the exact-identifier index compares. */
function identifierKeys(identifiers: Identifier[]): string[] {
  return [...new Set(identifiers.map(identifierKey))];
}

interface IndexedName {
  name: string;
  normalised: string;
  isAlias: boolean;
}

/**
 * The primary name and aliases, one per normalised form (the primary name wins): "Hikvision Ltd" and
 * "HIKVISION LIMITED" are the same candidate. Names with nothing left after normalisation cannot match.
 */
function indexedNames(name: string, aliases: string[]): IndexedName[] {
  const byNormalised = new Map<string, IndexedName>();
  [name, ...aliases].forEach((raw, index) => {
    const normalised = normaliseName(raw);
    if (normalised !== '' && !byNormalised.has(normalised)) {
      byNormalised.set(normalised, { name: raw, normalised, isAlias: index > 0 });
    }
  });
  return [...byNormalised.values()];
}

/**
 * Sources publish partial dates ("2019", "2019-10") but the columns are `date`. A partial start becomes
 * the earliest day it allows and a partial end the latest, so a relation is never taken to have ended
 * before it did: for screening, overstating a period is the safe error.
 */
export function calendarDate(value: string | null | undefined, bound: 'earliest' | 'latest'): string | null {
  if (!value) return null;
  const [year, month, day] = value.split('-');
  if (day !== undefined) return value;
  if (month !== undefined) {
    return bound === 'earliest' ? `${year}-${month}-01` : `${year}-${month}-${daysInMonth(+year!, +month)}`;
  }
  return bound === 'earliest' ? `${year}-01-01` : `${year}-12-31`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
