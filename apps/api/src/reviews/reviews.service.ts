import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../../libs/contracts/src/index.js';
import { ScreeningAssignmentRepository, type InboxItem } from '../../../../libs/persistence/src/index.js';

/** Staff roles that sign, and the pools whose work they see. */
const POOLS_BY_ROLE: Partial<Record<Role, string>> = { reviewer: 'reviewer', approver: 'approver' };

@Injectable()
export class ReviewsService {
  constructor(
    @Inject(ScreeningAssignmentRepository) private readonly assignments: ScreeningAssignmentRepository,
  ) {}

  /** Screenings waiting for one of the caller's pools, minus those four eyes keep the caller from. */
  inbox(userId: string, roles: Role[], limit: number, offset: number) {
    const pools = roles.map((role) => POOLS_BY_ROLE[role]).filter((pool): pool is string => !!pool);
    return this.assignments.inbox({ userId, pools, limit, offset });
  }
}

export function presentInboxItem({ assignment, screening }: InboxItem, now = Date.now()) {
  return {
    screeningId: screening.id,
    tenderId: screening.tenderId,
    status: screening.status,
    step: assignment.step,
    level: assignment.level,
    supplier: { name: screening.supplierName, country: screening.supplierCountry },
    risk: screening.risk
      ? { score: screening.risk.score, band: screening.risk.band, outcome: screening.risk.outcome }
      : null,
    waitingSince: assignment.waitingSince?.toISOString() ?? null,
    dueAt: assignment.dueAt?.toISOString() ?? null,
    overdue: assignment.dueAt !== null && assignment.dueAt.getTime() < now,
    escalated: assignment.escalated,
  };
}
