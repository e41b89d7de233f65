import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from './audit-event.repository.js';

@Module({
  providers: [{ provide: AuditEventRepository, useFactory: (db: DataSource) => new AuditEventRepository(db), inject: [DataSource] }],
  exports: [AuditEventRepository],
})
export class AuditModule {}
