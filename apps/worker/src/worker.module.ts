import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '../../../libs/audit/src/index.js';
import { AppConfig, ConfigModule } from '../../../libs/config/src/index.js';
import { PersistenceModule, PolicyRepository } from '../../../libs/persistence/src/index.js';
import { ReferenceDataModule, ReferenceLookupRepository } from '../../../libs/reference-data/src/store/index.js';
import { ChecksService } from './checks/checks.service.js';
import { NameScreeningService } from './checks/name-screening.service.js';
import { RiskAssessmentService } from './risk/risk-assessment.service.js';
import { ScreeningActivitiesFactory } from './screening/screening-activities.factory.js';
import { TemporalWorkerService } from './temporal-worker.service.js';

/** The worker's providers without the Temporal Worker itself (tests host their own worker). */
@Module({})
export class WorkerCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerCoreModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(config.DATABASE_URL!), AuditModule, ReferenceDataModule],
      providers: [
        { provide: NameScreeningService, useFactory: (l: ReferenceLookupRepository) => new NameScreeningService(l), inject: [ReferenceLookupRepository] },
        {
          provide: ChecksService,
          useFactory: (l: ReferenceLookupRepository, n: NameScreeningService) => new ChecksService(l, n),
          inject: [ReferenceLookupRepository, NameScreeningService],
        },
        { provide: RiskAssessmentService, useFactory: (p: PolicyRepository) => new RiskAssessmentService(p), inject: [PolicyRepository] },
        ScreeningActivitiesFactory,
      ],
      exports: [ScreeningActivitiesFactory],
    };
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [WorkerCoreModule.forRoot(config)], providers: [TemporalWorkerService] };
  }
}
