import type { Finding } from '../../../contracts/src/index.js';
import { applyDismissals, nameHitIdentity, subjectKey } from './name-hit-identity.js';

function nameHit(declaredAt: string, subjectName: string, entityId: string): Finding {
  return {
    key: `name_screening:WATCHLIST_MATCH:${declaredAt}:${entityId}`,
    check: 'name_screening',
    code: 'WATCHLIST_MATCH',
    subject: { role: 'owner', name: subjectName, country: 'GB' },
    summary: `${subjectName} matches ${entityId}`,
    evidence: [{ kind: 'match', entityId, path: [subjectName, entityId] }],
  };
}

const dismissal = {
  entityExternalId: 'os-acme',
  subjectKey: 'owner:acme holdings',
  by: 'reviewer.rita',
  reason: 'A different Acme: other registered office and directors.',
  at: '2026-01-05T10:00:00.000Z',
};

describe('name-hit identity and dismissals', () => {
  it('identifies a hit by entity and by the subject as written, whatever its legal form or case', () => {
    expect(nameHitIdentity(nameHit('owners[0]', 'ACME Holding Ltd', 'os-acme'))).toEqual({
      entityExternalId: 'os-acme',
      subjectKey: 'owner:acme holdings',
    });
    expect(subjectKey({ role: 'owner', name: 'Acme Holding Limited' })).toBe('owner:acme holdings');
  });

  it('has no identity for findings of other checks', () => {
    const ownership: Finding = { ...nameHit('owners[0]', 'Acme', 'os-acme'), check: 'ownership' };
    expect(nameHitIdentity(ownership)).toBeNull();
  });

  it('dismisses the same hit in a later round, even when the owner moved in the declaration', () => {
    const [moved, other] = applyDismissals(
      [
        nameHit('owners[2]', 'Acme Holding Limited', 'os-acme'),
        nameHit('owners[0]', 'Acme Holding Ltd', 'os-other'),
      ],
      [dismissal],
    );

    expect(moved!.dismissed).toEqual({ by: dismissal.by, reason: dismissal.reason, at: dismissal.at });
    expect(other!.dismissed).toBeNull();
  });
});
