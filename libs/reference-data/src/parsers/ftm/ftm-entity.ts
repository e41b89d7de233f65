// FtM legal entities → RefEntity.
import type { EntityKind, RefEntity } from '../../../../contracts/src/index.js';
import { countryCode } from '../country.js';
import { aliasesOf } from '../names.js';
import type { Provenance } from '../provenance.js';
import type { FtmEntityView } from './ftm-entity-view.js';
import { ftmIdentifiers } from './ftm-identifiers.js';

/**
 * FtM schemas imported as entities. PublicBody ("a public body, such as a ministry, department or state
 * company") becomes a state body: that is how the checks recognise state owners such as SASAC.
 */
export const FTM_ENTITY_KINDS: Readonly<Record<string, EntityKind>> = {
  Company: 'company',
  Organization: 'organization',
  LegalEntity: 'legal_entity',
  Person: 'person',
  PublicBody: 'state_body',
};

/**
 * Aliases come from further `name` values, `alias` and `previousName`. `weakAlias` is left out: FtM marks
 * short or generic names that way ("Hik", "CM"), and matching on them would bury reviewers in false hits.
 */
export function ftmEntity(entity: FtmEntityView, kind: EntityKind, defaults: Provenance): RefEntity {
  const name = entity.required('name');
  const otherNames = entity.values('name').slice(1);
  const country = firstCountry(entity, kind);
  return {
    externalId: entity.id,
    kind,
    name,
    aliases: aliasesOf(name, [...otherNames, ...entity.values('alias'), ...entity.values('previousName')]),
    country,
    identifiers: ftmIdentifiers(entity, country),
    topics: entity.values('topics'),
    // OpenSanctions lists every source an entity appears in under `datasets`: those are its lists.
    lists: entity.datasets.map((listId) => ({ listId })),
    source: entity.first('sourceUrl') ?? defaults.source,
    confidence: entity.confidence() ?? defaults.confidence,
  };
}

/** Incorporation first for organisations, nationality first for people. */
function firstCountry(entity: FtmEntityView, kind: EntityKind): string | null {
  const properties =
    kind === 'person'
      ? ['nationality', 'citizenship', 'country']
      : ['jurisdiction', 'country', 'mainCountry'];
  for (const property of properties) {
    for (const value of entity.values(property)) {
      const code = countryCode(value);
      if (code) return code;
    }
  }
  return null;
}
