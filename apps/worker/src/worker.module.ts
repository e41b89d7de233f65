import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '../../../libs/audit/src/index.js';
import { AppConfig, ConfigModule } from '../../../libs/config/src/index.js';
import { PersistenceModule, PolicyRepository } from '../../../libs/persistence/src/index.js';
import {
  ReferenceDataModule,
  ReferenceLookupRepository,
} from '../../../libs/reference-data/src/store/index.js';
import { FindingDismissalRepository } from '../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { NameMatcher, NameMatchingModule } from '../../../libs/reference-data/src/matching/index.js';
import { ChecksService } from './checks/checks.service.js';
import { NameScreeningService } from './checks/name-screening.service.js';
import { ReferenceChecks, referenceChecksProviders } from './checks/reference-checks.providers.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RiskAssessmentService } from './risk/risk-assessment.service.js';
import { ScreeningActivitiesFactory } from './screening/screening-activities.factory.js';
import { TemporalWorkerService } from './temporal-worker.service.js';
import { TenderActivitiesFactory } from './tenders/tender-activities.factory.js';
import { ScreeningBatchActivitiesFactory } from './batches/screening-batch-activities.factory.js';
import { MonitoringActivitiesFactory } from './monitoring/monitoring-activities.factory.js';
import { MonitoringScheduleService } from './monitoring/monitoring-schedule.service.js';

/** The worker's providers without the Temporal Worker itself (tests host their own worker). */
@Module({})
export class WorkerCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerCoreModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(config.DATABASE_URL!),
        AuditModule,
        ReferenceDataModule,
        NameMatchingModule.forRoot({ threshold: config.MATCH_THRESHOLD }),
      ],
      providers: [
        ...referenceChecksProviders,
        {
          provide: NameScreeningService,
          useFactory: (matcher: NameMatcher) => new NameScreeningService(matcher),
          inject: [NameMatcher],
        },
        {
          provide: FindingDismissalRepository,
          useFactory: (db: DataSource) => new FindingDismissalRepository(db),
          inject: [DataSource],
        },
        {
          provide: ChecksService,
          useFactory: (l: ReferenceLookupRepository, n: NameScreeningService, r: ReferenceChecks) =>
            new ChecksService(l, n, r),
          inject: [ReferenceLookupRepository, NameScreeningService, ReferenceChecks],
        },
        {
          provide: RiskAssessmentService,
          useFactory: (p: PolicyRepository) => new RiskAssessmentService(p),
          inject: [PolicyRepository],
        },
        ScreeningActivitiesFactory,
        TenderActivitiesFactory,
        ScreeningBatchActivitiesFactory,
        MonitoringActivitiesFactory,
      ],
      exports: [
        ScreeningActivitiesFactory,
        TenderActivitiesFactory,
        ScreeningBatchActivitiesFactory,
        MonitoringActivitiesFactory,
      ],
    };
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [WorkerCoreModule.forRoot(config), NotificationsModule.forRoot(config)],
      providers: [TemporalWorkerService, MonitoringScheduleService],
    };
  }
}
