// What a reviewer's dismissal of a name-screening hit is about: which screened subject was taken for
// which reference entity. Finding keys name the subject by its place in the declaration
// ("owners[0]") and rows change with every dataset version, so neither can carry a dismissal over
// to the next checks round; the entity's external id and the subject's role and normalised name can.
import type { Finding } from '../../../contracts/src/index.js';
import { normaliseName } from '../../../domain/src/names/index.js';

export interface NameHitIdentity {
  entityExternalId: string;
  /** "<role>:<normalised name>": the same owner declared again, or in another place, is the same. */
  subjectKey: string;
}

export function subjectKey(subject: Finding['subject']): string {
  const name = normaliseName(subject.name) || subject.name.trim().toLowerCase();
  return `${subject.role}:${name}`;
}

/** The identity of a name-screening hit; null for findings of the other checks. */
export function nameHitIdentity(finding: Finding): NameHitIdentity | null {
  if (finding.check !== 'name_screening') return null;
  const match = finding.evidence.find((evidence) => evidence.kind === 'match' && evidence.entityId);
  if (!match?.entityId) return null;
  return { entityExternalId: match.entityId, subjectKey: subjectKey(finding.subject) };
}

export function nameHitKey(identity: NameHitIdentity): string {
  return `${identity.entityExternalId}\u0000${identity.subjectKey}`;
}

export interface HitDismissal extends NameHitIdentity {
  by: string;
  reason: string;
  /** ISO timestamp. */
  at: string;
}

/**
 * The findings with reviewers' dismissals set on the name-screening hits they cover (`dismissed`, which
 * the policy engine does not score) and cleared on every other finding, so a round's findings say
 * exactly what the stored dismissals say.
 */
export function applyDismissals(
  findings: readonly Finding[],
  dismissals: readonly HitDismissal[],
): Finding[] {
  const byHit = new Map(dismissals.map((dismissal) => [nameHitKey(dismissal), dismissal]));
  return findings.map((finding) => {
    const identity = nameHitIdentity(finding);
    const dismissal = identity ? byHit.get(nameHitKey(identity)) : undefined;
    return {
      ...finding,
      dismissed: dismissal ? { by: dismissal.by, reason: dismissal.reason, at: dismissal.at } : null,
    };
  });
}
