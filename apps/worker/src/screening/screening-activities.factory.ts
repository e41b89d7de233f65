import { Inject, Injectable } from '@nestjs/common';
import { AuditEventRepository } from '../../../../libs/audit/src/index.js';
import type { ScreeningActivities } from '../../../../libs/contracts/src/index.js';
import {
  NotificationOutboxRepository,
  ScreeningAssignmentRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
} from '../../../../libs/persistence/src/index.js';
import { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { ChecksService } from '../checks/checks.service.js';
import { RiskAssessmentService } from '../risk/risk-assessment.service.js';
import { createScreeningActivities } from './screening.activities.js';

/** Builds the activities object from Nest-managed services. */
@Injectable()
export class ScreeningActivitiesFactory {
  constructor(
    @Inject(AuditEventRepository) readonly audit: AuditEventRepository,
    @Inject(ScreeningRepository) readonly screenings: ScreeningRepository,
    @Inject(ScreeningRecordsRepository) readonly records: ScreeningRecordsRepository,
    @Inject(ChecksService) readonly checks: ChecksService,
    @Inject(RiskAssessmentService) readonly risk: RiskAssessmentService,
    @Inject(ScreeningAssignmentRepository) readonly assignments: ScreeningAssignmentRepository,
    @Inject(NotificationOutboxRepository) readonly outbox: NotificationOutboxRepository,
    @Inject(FindingDismissalRepository) readonly dismissals: FindingDismissalRepository,
  ) {}

  create(): ScreeningActivities {
    const { audit, screenings, records, checks, risk, assignments, outbox, dismissals } = this;
    return createScreeningActivities({
      audit,
      screenings,
      records,
      checks,
      risk,
      assignments,
      outbox,
      dismissals,
    });
  }
}
