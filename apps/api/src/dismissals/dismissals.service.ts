// A reviewer's (or approver's) dismissal of a false name-screening hit. Stored per screening, matched
// entity and subject, so the checks rounds that follow (a re-screening, a new dataset version that keeps
// the entity) record the hit as dismissed and the policy does not score it. The current round's risk is
// not re-scored here: the workflow owns the screening's process state.
//
// The dismissal is audited in the screening's hash chain. The workflow is the normal writer of audit
// events; a dismissal is a human action outside its sequence, which is safe because appending locks the
// screening row, so the chain stays gap-free whoever appends.
import { Inject, Injectable } from '@nestjs/common';
import { AuditEventRepository, AuditTrailSealedError } from '../../../../libs/audit/src/index.js';
import {
  FINAL_STATUSES,
  type Finding,
  type Role,
  type ScreeningStatus,
} from '../../../../libs/contracts/src/index.js';
import {
  ScreeningRecordsRepository,
  ScreeningRepository,
  type FindingDismissalEntity,
} from '../../../../libs/persistence/src/index.js';
import { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { nameHitIdentity } from '../../../../libs/reference-data/src/matching/index.js';
import type { Principal } from '../auth/principal.js';
import { DismissalException, DismissalExceptionCode } from './dismissal.exception.js';
import { presentDismissal } from './dismissal.presenter.js';

/** The roles that may dismiss a hit, in the order the audit trail names the dismisser by. */
const DISMISSING_ROLES: readonly Role[] = ['reviewer', 'approver'];

@Injectable()
export class DismissalsService {
  constructor(
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(ScreeningRecordsRepository) private readonly records: ScreeningRecordsRepository,
    @Inject(FindingDismissalRepository) private readonly dismissals: FindingDismissalRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {}

  async list(screeningId: string) {
    await this.openOrClosedScreening(screeningId);
    return { items: (await this.dismissals.forScreening(screeningId)).map(presentDismissal) };
  }

  /**
   * Dismisses the hit `findingKey` of the screening's latest checks round. Repeating the same dismissal
   * (same person, same reason: a retried request) answers with the stored one; a different one is a 409.
   */
  async dismiss(screeningId: string, findingKey: string, reason: string, principal: Principal) {
    const screening = await this.openOrClosedScreening(screeningId);
    if (FINAL_STATUSES.includes(screening.status as ScreeningStatus)) {
      throw new DismissalException(
        DismissalExceptionCode.ScreeningClosed,
        `Screening ${screeningId} is ${screening.status}: its findings can no longer be dismissed.`,
      );
    }
    const finding = (await this.records.findingsOfLatestRound(screeningId)).find((f) => f.key === findingKey);
    if (!finding) {
      throw new DismissalException(
        DismissalExceptionCode.FindingNotFound,
        `Screening ${screeningId} has no finding '${findingKey}' in its latest checks round: take the key from GET /v1/screenings/${screeningId}.`,
      );
    }
    const identity = nameHitIdentity(finding as unknown as Finding);
    if (!identity) {
      throw new DismissalException(
        DismissalExceptionCode.NotANameHit,
        `Finding '${findingKey}' comes from the ${finding.check} check: only name-screening hits (a name taken for a listed entity) can be dismissed as false positives.`,
      );
    }
    const role = DISMISSING_ROLES.find((r) => principal.kind === 'user' && principal.roles.includes(r))!;
    const { dismissal, created } = await this.dismissals.insertOrGetExisting({
      screeningId,
      ...identity,
      findingKey,
      round: finding.round,
      subject: finding.subject,
      reason,
      dismissedBy: principal.userId,
      dismissedByRole: role,
    });
    if (!created && (dismissal.dismissedBy !== principal.userId || dismissal.reason !== reason)) {
      throw new DismissalException(
        DismissalExceptionCode.AlreadyDismissed,
        `This hit was dismissed by ${dismissal.dismissedBy} at ${dismissal.dismissedAt.toISOString()}: "${dismissal.reason}".`,
        { dismissal: presentDismissal(dismissal) },
      );
    }
    // Also on a repeat: if the first request stored the dismissal but failed before auditing it, the
    // retry writes the event (the event key makes the append idempotent).
    await this.audited(dismissal, created);
    return { created, dismissal: presentDismissal(dismissal) };
  }

  private async audited(dismissal: FindingDismissalEntity, created: boolean): Promise<void> {
    try {
      await this.audit.append({
        screeningId: dismissal.screeningId,
        eventKey: `dismissal:${dismissal.id}`,
        occurredAt: dismissal.dismissedAt.toISOString(),
        actor: { userId: dismissal.dismissedBy, role: dismissal.dismissedByRole },
        action: 'finding.dismissed',
        data: {
          findingKey: dismissal.findingKey,
          round: dismissal.round,
          entityId: dismissal.entityExternalId,
          subject: { role: dismissal.subject.role, name: dismissal.subject.name },
          reason: dismissal.reason,
        },
      });
    } catch (error) {
      // A dismissal nobody can find in the audit trail must not score-change a screening.
      if (created) await this.dismissals.remove(dismissal.id);
      if (error instanceof AuditTrailSealedError) {
        throw new DismissalException(
          DismissalExceptionCode.ScreeningClosed,
          `Screening ${dismissal.screeningId} was decided and its audit trail sealed: its findings can no longer be dismissed.`,
        );
      }
      throw error;
    }
  }

  private async openOrClosedScreening(screeningId: string) {
    const screening = await this.screenings.findById(screeningId);
    if (!screening) {
      throw new DismissalException(DismissalExceptionCode.ScreeningNotFound, `No screening ${screeningId}.`);
    }
    return screening;
  }
}
