// Small helpers the checks share when they build findings.
import type { Confidence, FindingAttributes, Identifier } from '../../../../libs/contracts/src/index.js';
import { normaliseOwnerName } from '../../../../libs/domain/src/ownership/index.js';

/** The policy-facing attributes plus any detail a check adds for the reviewer. */
export type Attributes = FindingAttributes & Record<string, unknown>;

const CONFIDENCE_ORDER: readonly Confidence[] = ['low', 'medium', 'high'];

/** A chain of facts is only as sure as its weakest link. */
export function weakest(...levels: (Confidence | undefined)[]): Confidence | undefined {
  const known = levels.filter((level): level is Confidence => level !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((a, b) => (CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b));
}

/** The surest of several independent statements of the same fact. */
export function strongest(...levels: (Confidence | undefined)[]): Confidence | undefined {
  const known = levels.filter((level): level is Confidence => level !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((a, b) => (CONFIDENCE_ORDER.indexOf(a) >= CONFIDENCE_ORDER.indexOf(b) ? a : b));
}

/**
 * Identifies a declared party within finding keys, stable across re-screenings of the same declaration
 * (so a reviewer's dismissal keeps holding): its first register number if given, else country and name.
 */
export function declaredPartyKey(party: {
  name: string;
  country?: string | null;
  identifiers?: Identifier[];
}): string {
  const identifier = party.identifiers?.[0];
  if (identifier) return `${identifier.scheme.toUpperCase()}:${identifier.id.replace(/\s+/g, '')}`;
  return `${(party.country ?? '').toUpperCase()}:${normaliseOwnerName(party.name)}`;
}

/** "unknown", "n/a" and blanks are what suppliers write when they do not know. */
export function isUnknownName(name: string | null | undefined): boolean {
  const text = (name ?? '').trim().toLowerCase();
  return text === '' || ['unknown', 'not known', 'n/a', 'na', 'none', '-', '?'].includes(text);
}
