// The "SCHEME:ID" keys an identifier is looked up by in reference_entities.identifier_keys (GIN).
import type { Identifier } from '../../../contracts/src/index.js';
import { normaliseIdentifier } from '../../../domain/src/names/index.js';

/**
 * The importer stores each identifier as `${scheme}:${id}` upper-cased, exactly as the source wrote it.
 * A supplier may type the same identifier with other separators ("002-415" for "002415"), so a query
 * looks up both its own spelling and the separator-free form the scorer compares.
 */
export function identifierLookupKeys(identifiers: readonly Identifier[] | undefined): string[] {
  const keys = new Set<string>();
  for (const identifier of identifiers ?? []) {
    const scheme = identifier.scheme.trim();
    const id = identifier.id.trim();
    if (!scheme || !id) continue;
    keys.add(`${scheme}:${id}`.toUpperCase());
    const normalised = normaliseIdentifier(identifier);
    if (normalised.scheme && normalised.id) keys.add(`${normalised.scheme}:${normalised.id}`);
  }
  return [...keys];
}
