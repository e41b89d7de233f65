import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../../../libs/config/src/index.js';
import { NameMatchingModule } from '../../../../libs/reference-data/src/matching/index.js';
import { ReferenceDataModule } from '../../../../libs/reference-data/src/store/index.js';
import { ReferenceDataController } from './reference-data.controller.js';
import { ReferenceImportsService } from './reference-imports.service.js';
import { ReferenceSearchService } from './reference-search.service.js';
import { ReferenceUploadInterceptor } from './reference-upload.interceptor.js';

/** Reference-data search and imports over HTTP. */
@Module({})
export class ReferenceDataApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReferenceDataApiModule,
      imports: [ReferenceDataModule, NameMatchingModule.forRoot({ threshold: config.MATCH_THRESHOLD })],
      controllers: [ReferenceDataController],
      providers: [ReferenceSearchService, ReferenceImportsService, ReferenceUploadInterceptor],
    };
  }
}
