import type { FindingDismissalEntity } from '../../../../libs/persistence/src/index.js';

export function presentDismissal(dismissal: FindingDismissalEntity) {
  return {
    id: dismissal.id,
    screeningId: dismissal.screeningId,
    findingKey: dismissal.findingKey,
    round: dismissal.round,
    entityId: dismissal.entityExternalId,
    subject: dismissal.subject,
    reason: dismissal.reason,
    by: dismissal.dismissedBy,
    role: dismissal.dismissedByRole,
    at: dismissal.dismissedAt.toISOString(),
  };
}
