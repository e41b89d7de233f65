import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../../../libs/audit/src/index.js';
import { AppConfig, ConfigModule } from '../../../libs/config/src/index.js';
import { PersistenceModule } from '../../../libs/persistence/src/index.js';
import { AuditController } from './audit/audit.controller.js';
import { ApiKeysController } from './auth/api-keys.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { TokenService } from './auth/token.service.js';
import { HealthController } from './health/health.controller.js';
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
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(config.DATABASE_URL!), AuditModule, TemporalClientModule],
      controllers: [ApiKeysController, TendersController, ScreeningsController, AuditController, HealthController],
      providers: [TokenService, TendersService, ScreeningsService, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
