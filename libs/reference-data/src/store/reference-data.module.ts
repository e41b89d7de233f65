import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceLookupRepository } from './reference-lookup.repository.js';

@Module({
  providers: [
    { provide: ReferenceLookupRepository, useFactory: (db: DataSource) => new ReferenceLookupRepository(db), inject: [DataSource] },
  ],
  exports: [ReferenceLookupRepository],
})
export class ReferenceDataModule {}
