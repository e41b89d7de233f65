import type { Identifier } from '../../contracts/src/index.js';

/**
 * "SCHEME:ID" upper-cased: the one form identifiers are stored in (reference_entities.identifier_keys)
 * and looked up by. The importer and every look-up must use this same function.
 */
export function identifierKey({ scheme, id }: Identifier): string {
  return `${scheme}:${id}`.trim().toUpperCase();
}
