import { Module } from '@nestjs/common';
import { ScreeningBatchesController } from './screening-batches.controller.js';
import { ScreeningBatchesService } from './screening-batches.service.js';

/** Bulk screening of a tender's suppliers (POST/GET /v1/screening-batches). */
@Module({ controllers: [ScreeningBatchesController], providers: [ScreeningBatchesService] })
export class ScreeningBatchesModule {}
