import type { Identifier } from '../../../contracts/src/index.js';

/** Identifier scheme for values published without one (OpenSanctions CSV `identifiers`). */
export const UNKNOWN_SCHEME = 'UNKNOWN';

export function uniqueIdentifiers(identifiers: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter(({ scheme, id }) => {
    const key = `${scheme}\u0000${id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "SZSE:002415" or "GB-COH:01234567" → scheme and id. A value without a scheme-like prefix keeps its
 * colons ("12:34" is an id) and gets the UNKNOWN scheme.
 */
export function schemeAndId(text: string): Identifier {
  const match = /^([A-Za-z][A-Za-z0-9-]{1,15}):\s*(\S.*)$/.exec(text.trim());
  return match
    ? { scheme: match[1]!.toUpperCase(), id: match[2]!.trim() }
    : { scheme: UNKNOWN_SCHEME, id: text.trim() };
}
