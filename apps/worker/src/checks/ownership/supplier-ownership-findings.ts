// What the ownership check adds to the domain's ownership findings for a supplier: the ultimate parent
// the declaration leaves out, a national-security flag for military-listed controllers, the declared
// parent's role, and how the supplier was matched to the registry.
import type { Finding, SupplierRef } from '../../../../../libs/contracts/src/index.js';
import {
  OwnershipNames,
  pathEvidence,
  shareDetail,
} from '../../../../../libs/domain/src/ownership/evidence-paths.js';
import {
  formatShare,
  type EffectiveOwner,
  type OwnershipAnalysis,
} from '../../../../../libs/domain/src/ownership/index.js';
import { declaredPartyKey } from '../findings.js';
import type { ResolvedParty } from '../reference/reference-reader.js';
import type { DeclaredOwnerEntry, OwnershipPicture } from './ownership-picture.js';

/** FtM topic of the US DoD list of Chinese military companies and similar military end-user lists. */
const MILITARY_TOPIC = 'mil';

/**
 * The registry's ultimate parent undertaking (top of the chain of majority holdings), when the
 * declaration names it neither as an owner nor as the ultimate parent. Direct owners the declaration
 * misses are already UNDECLARED_OWNER findings of the domain; this catches the parent further up.
 */
export function undeclaredParentFinding(picture: OwnershipPicture, subjectName: string): Finding | null {
  const registry = picture.registry;
  if (!registry) return null;
  const top = ultimateParent(registry);
  if (!top || picture.discrepancies.matches.some((match) => match.ownerId === top.entityId)) return null;
  const names = new OwnershipNames(registry, subjectName);
  const declaredParent = picture.declared.find((entry) => entry.role === 'parent');
  const instead = declaredParent
    ? `names ${declaredParent.owner.name} as its ultimate parent`
    : 'names no ultimate parent';
  const levels = `${top.depth} level${top.depth === 1 ? '' : 's'} up`;
  return {
    key: `ownership:UNDECLARED_OWNER:${top.entityId}`,
    check: 'ownership',
    code: 'UNDECLARED_OWNER',
    subject: {
      role: 'parent',
      name: top.name,
      ...(top.entity?.country ? { country: top.entity.country } : {}),
    },
    summary:
      `The registry records ${top.name} as the ultimate parent undertaking of ${subjectName} ` +
      `(${formatShare(top.share)}, ${levels}), but the declaration ${instead}.`,
    evidence: [
      ...top.paths.slice(0, 1).map((path) => pathEvidence(names, path, { entityId: top.entityId })),
      {
        kind: 'declaration',
        detail: { ultimateParent: declaredParent?.owner ?? null, declaredOwners: picture.declared.length },
      },
    ],
    attributes: {
      ...shareDetail(top.share),
      state: top.state,
      listIds: top.listIds,
      topics: top.topics,
      depth: top.depth,
      confidence: top.paths[0]?.confidence,
    },
  };
}

/** The parent undertaking furthest up: a parent's parent is a parent (Companies Act s1162). */
function ultimateParent(analysis: OwnershipAnalysis): EffectiveOwner | undefined {
  const parentIds = new Set(
    analysis.connectedPersons
      .filter((person) => person.basis === 'parent_undertaking' && person.certainty === 'yes')
      .map((person) => person.entityId),
  );
  return analysis.owners
    .filter((owner) => parentIds.has(owner.entityId))
    .sort((a, b) => b.depth - a.depth || (a.entityId < b.entityId ? -1 : 1))[0];
}

/**
 * A controller on a military-company list is a national-security concern about a connected person
 * (Procurement Act Sch 7 para 14); the policy decides what follows (excludable, ministerial referral).
 */
export function markNationalSecurity(finding: Finding, analysis: OwnershipAnalysis): Finding {
  if (finding.code !== 'STATE_OWNERSHIP' && finding.code !== 'WATCHLIST_MATCH') return finding;
  const military = analysis.owners.filter(
    (owner) => owner.topics.includes(MILITARY_TOPIC) && owner.aboveSignificantControl !== 'no',
  );
  const concerned = military.find(
    (owner) =>
      finding.key.endsWith(`:${owner.entityId}`) || finding.attributes?.stateParentId === owner.entityId,
  );
  if (!concerned) return finding;
  return {
    ...finding,
    attributes: {
      ...finding.attributes,
      nationalSecurity: true,
      nationalSecurityBasis: `${concerned.name} is on a military-company list and may control ${formatShare(concerned.share)}`,
    },
  };
}

/** The domain calls every unconfirmed declared party an owner; the declared ultimate parent is a parent. */
export function asDeclaredParent(finding: Finding, declared: readonly DeclaredOwnerEntry[]): Finding {
  if (finding.code !== 'UNVERIFIED_DECLARATION') return finding;
  const parent = declared.find(
    (entry) =>
      entry.role === 'parent' &&
      finding.key === `ownership:UNVERIFIED_DECLARATION:${declaredPartyKey(entry.owner)}`,
  );
  if (!parent) return finding;
  return {
    ...finding,
    subject: { ...finding.subject, role: 'parent' },
    summary: finding.summary.replace('is declared as an owner', 'is declared as the ultimate parent'),
  };
}

/** How the supplier was found in the registry: reviewers weigh a name match less than an identifier. */
export function withSubjectMatch(finding: Finding, supplier: SupplierRef, resolved: ResolvedParty): Finding {
  return {
    ...finding,
    evidence: [
      ...finding.evidence,
      {
        kind: 'match',
        path: [supplier.name, resolved.entity.name],
        entityId: resolved.entity.externalId,
        source: resolved.entity.source,
        confidence: resolved.by === 'identifier' ? 'high' : 'medium',
        detail: { by: resolved.by, matched: resolved.matched },
      },
    ],
  };
}
