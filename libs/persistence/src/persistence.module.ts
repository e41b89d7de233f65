import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import {
  ApiKeyRepository,
  MonitoringRepository,
  NotificationOutboxRepository,
  PolicyRepository,
  ScreeningAssignmentRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
  SimulationRepository,
  TenderRepository,
} from './repositories/index.js';

const REPOSITORIES = [
  ApiKeyRepository,
  MonitoringRepository,
  NotificationOutboxRepository,
  PolicyRepository,
  ScreeningAssignmentRepository,
  ScreeningRecordsRepository,
  ScreeningRepository,
  SimulationRepository,
  TenderRepository,
];

/** The DataSource and the repositories over it. The pool closes last, after the worker has stopped. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DataSource, useFactory: () => createDataSource(databaseUrl).initialize() },
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (db: DataSource) => new repository(db),
          inject: [DataSource],
        })),
      ],
      exports: [DataSource, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}
