import { Module } from '@nestjs/common';
import { AuditModule } from '../../../../libs/audit/src/index.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';

/** Continuous monitoring's alerts: listing and acknowledgement. */
@Module({
  imports: [AuditModule],
  controllers: [AlertsController],
  providers: [AlertsService],
})
export class AlertsModule {}
