import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceLookupRepository } from './reference-lookup.repository.js';
import { ReferenceImportService } from './reference-import.service.js';

@Module({
  providers: [
    {
      provide: ReferenceLookupRepository,
      useFactory: (db: DataSource) => new ReferenceLookupRepository(db),
      inject: [DataSource],
    },
    {
      provide: ReferenceImportService,
      useFactory: (db: DataSource) => new ReferenceImportService(db),
      inject: [DataSource],
    },
  ],
  exports: [ReferenceLookupRepository, ReferenceImportService],
})
export class ReferenceDataModule {}
