import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from './audit-event.repository.js';
import { AuditTrailVerifier } from './trail-verifier.js';

@Module({
  providers: [
    {
      provide: AuditEventRepository,
      useFactory: (db: DataSource) => new AuditEventRepository(db),
      inject: [DataSource],
    },
    {
      provide: AuditTrailVerifier,
      useFactory: (events: AuditEventRepository) => new AuditTrailVerifier(events),
      inject: [AuditEventRepository],
    },
  ],
  exports: [AuditEventRepository, AuditTrailVerifier],
})
export class AuditModule {}
