// Compares the owners a supplier declared with the owners the registry knows. Two kinds of gap matter to a
// reviewer: a direct owner in the registry the supplier did not declare, and a declared owner the registry
// cannot find anywhere in the chain (which may be a mistake, a newer change, or a front).
import type { DeclaredOwner } from '../../../contracts/src/index.js';
import type { EffectiveOwner, OwnershipAnalysis, OwnershipEdge } from './ownership-analysis.js';
import { sameIdentifier, sameNormalisedName, type SameName } from './owner-name-comparison.js';
import { exceeds, type ShareRange } from './share-range.js';

export interface DeclaredOwnerMatch {
  declared: DeclaredOwner;
  ownerId: string;
  by: 'identifier' | 'name';
  /** Whether the registry records the holding as direct (depth 1). */
  direct: boolean;
  /** Declared share within the registry's range (±1 point); null when either side gives no share. */
  shareConsistent: boolean | null;
}

export interface UndeclaredOwner {
  owner: EffectiveOwner;
  relation: OwnershipEdge;
}

export interface OwnershipDiscrepancies {
  undeclared: UndeclaredOwner[];
  unverified: DeclaredOwner[];
  matches: DeclaredOwnerMatch[];
  declaredCount: number;
}

export interface CompareDeclarationOptions {
  /** Name equality; inject the full name matcher here. Defaults to a normalised comparison. */
  sameName?: SameName;
  /** Registry owners holding at most this share directly need not be declared. Default 0. */
  minSharePct?: number;
}

const SHARE_TOLERANCE_PCT = 1;

export function compareDeclaredOwners(
  analysis: OwnershipAnalysis,
  declared: readonly DeclaredOwner[],
  options: CompareDeclarationOptions = {},
): OwnershipDiscrepancies {
  const sameName = options.sameName ?? sameNormalisedName;
  const directIds = new Set(analysis.directRelations.map((relation) => relation.ownerId));
  // Direct owners first, so a declaration matches the immediate holder before a namesake further up.
  const candidates = [...analysis.owners].sort(
    (a, b) => Number(directIds.has(b.entityId)) - Number(directIds.has(a.entityId)),
  );
  const matches: DeclaredOwnerMatch[] = [];
  const unverified: DeclaredOwner[] = [];
  for (const owner of declared) {
    const match = findMatch(owner, candidates, sameName);
    if (!match) {
      unverified.push(owner);
      continue;
    }
    const relation = analysis.directRelations.find((edge) => edge.ownerId === match.owner.entityId);
    matches.push({
      declared: owner,
      ownerId: match.owner.entityId,
      by: match.by,
      direct: relation !== undefined,
      shareConsistent: shareConsistent(owner.share, relation ?? match.owner),
    });
  }
  const declaredIds = new Set(matches.map((match) => match.ownerId));
  const ownerById = new Map(analysis.owners.map((owner) => [owner.entityId, owner]));
  const undeclared = analysis.directRelations
    .filter((relation) => !declaredIds.has(relation.ownerId))
    .filter((relation) => exceeds(relation.share, options.minSharePct ?? 0) !== 'no')
    .flatMap((relation) => {
      const owner = ownerById.get(relation.ownerId);
      return owner ? [{ owner, relation }] : [];
    });
  return { undeclared, unverified, matches, declaredCount: declared.length };
}

function findMatch(
  declared: DeclaredOwner,
  candidates: readonly EffectiveOwner[],
  sameName: SameName,
): { owner: EffectiveOwner; by: 'identifier' | 'name' } | undefined {
  const declaredIds = declared.identifiers ?? [];
  for (const owner of candidates) {
    const registryIds = owner.entity?.identifiers ?? [];
    if (declaredIds.some((id) => registryIds.some((other) => sameIdentifier(id, other))))
      return { owner, by: 'identifier' };
  }
  for (const owner of candidates) {
    const registryIds = owner.entity?.identifiers ?? [];
    // Same name, but a different number in the same register, is a different company.
    const conflicting = declaredIds.some((id) =>
      registryIds.some(
        (other) => other.scheme.toUpperCase() === id.scheme.toUpperCase() && !sameIdentifier(id, other),
      ),
    );
    const country = owner.entity?.country;
    const countryDiffers =
      !!country && !!declared.country && country.toUpperCase() !== declared.country.toUpperCase();
    if (conflicting || countryDiffers) continue;
    const names = [owner.name, ...(owner.entity?.aliases ?? [])];
    if (names.some((name) => sameName(declared.name, name))) return { owner, by: 'name' };
  }
  return undefined;
}

function shareConsistent(
  declaredShare: number | undefined,
  registry: { share: ShareRange; shareUnknown: boolean; controlOnly: boolean },
): boolean | null {
  if (declaredShare === undefined || registry.shareUnknown || registry.controlOnly) return null;
  return (
    declaredShare >= registry.share.min - SHARE_TOLERANCE_PCT &&
    declaredShare <= registry.share.max + SHARE_TOLERANCE_PCT
  );
}
