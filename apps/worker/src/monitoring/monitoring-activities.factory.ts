import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from '../../../../libs/audit/src/index.js';
import type { ReferenceDataMonitoringActivities } from '../../../../libs/contracts/src/index.js';
import {
  MonitoringRepository,
  NotificationOutboxRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
  TenderRepository,
} from '../../../../libs/persistence/src/index.js';
import { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { ChecksService } from '../checks/checks.service.js';
import { RiskAssessmentService } from '../risk/risk-assessment.service.js';
import { createMonitoringActivities } from './monitoring.activities.js';

/** Builds the monitoring activities from Nest-managed services. */
@Injectable()
export class MonitoringActivitiesFactory {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MonitoringRepository) private readonly monitoring: MonitoringRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(ScreeningRecordsRepository) private readonly records: ScreeningRecordsRepository,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(FindingDismissalRepository) private readonly dismissals: FindingDismissalRepository,
    @Inject(ChecksService) private readonly checks: ChecksService,
    @Inject(RiskAssessmentService) private readonly risk: RiskAssessmentService,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
    @Inject(NotificationOutboxRepository) private readonly outbox: NotificationOutboxRepository,
  ) {}

  create(): ReferenceDataMonitoringActivities {
    return createMonitoringActivities({
      db: this.db,
      monitoring: this.monitoring,
      screenings: this.screenings,
      records: this.records,
      tenders: this.tenders,
      dismissals: this.dismissals,
      checks: this.checks,
      risk: this.risk,
      audit: this.audit,
      outbox: this.outbox,
    });
  }
}
