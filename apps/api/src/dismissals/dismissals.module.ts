import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '../../../../libs/audit/src/index.js';
import { FindingDismissalRepository } from '../../../../libs/persistence/src/repositories/finding-dismissal.repository.js';
import { DismissalsController } from './dismissals.controller.js';
import { DismissalsService } from './dismissals.service.js';

/** Reviewers' dismissals of false name-screening hits. */
@Module({
  imports: [AuditModule],
  controllers: [DismissalsController],
  providers: [
    DismissalsService,
    {
      provide: FindingDismissalRepository,
      useFactory: (db: DataSource) => new FindingDismissalRepository(db),
      inject: [DataSource],
    },
  ],
})
export class DismissalsModule {}
