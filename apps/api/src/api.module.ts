import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '../../../libs/audit/src/index.js';
import { AppConfig, ConfigModule } from '../../../libs/config/src/index.js';
import { PersistenceModule } from '../../../libs/persistence/src/index.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { AuditExportController } from './audit/audit-export.controller.js';
import { ScreeningBatchesModule } from './batches/screening-batches.module.js';
import { AuditController } from './audit/audit.controller.js';
import { ApiKeysController } from './auth/api-keys.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { DismissalsModule } from './dismissals/dismissals.module.js';
import { TokenService } from './auth/token.service.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsInterceptor } from './metrics/metrics.interceptor.js';
import { MetricsRegistry } from './metrics/metrics.registry.js';
import { DecisionReportService } from './reports/decision-report.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReviewsController } from './reviews/reviews.controller.js';
import { ReviewsService } from './reviews/reviews.service.js';
import { PoliciesController } from './policies/policies.controller.js';
import { PoliciesService } from './policies/policies.service.js';
import { PolicySimulationService } from './policies/policy-simulation.service.js';
import { ReferenceDataApiModule } from './reference-data/reference-data-api.module.js';
import { ScreeningsController } from './screenings/screenings.controller.js';
import { ScreeningsService } from './screenings/screenings.service.js';
import { TemporalClientModule } from './temporal/temporal-client.module.js';
import { TendersController } from './tenders/tenders.controller.js';
import { TendersService } from './tenders/tenders.service.js';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(config.DATABASE_URL!),
        AuditModule,
        TemporalClientModule,
        ReferenceDataApiModule.forRoot(config),
        DismissalsModule,
        ScreeningBatchesModule,
        AlertsModule,
      ],
      controllers: [
        ApiKeysController,
        TendersController,
        ScreeningsController,
        ReviewsController,
        AuditController,
        AuditExportController,
        ReportsController,
        HealthController,
        MetricsController,
        PoliciesController,
      ],
      providers: [
        TokenService,
        TendersService,
        ScreeningsService,
        ReviewsService,
        DecisionReportService,
        PoliciesService,
        PolicySimulationService,
        MetricsRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
      ],
    };
  }
}
