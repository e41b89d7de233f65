// Builds the HTTP application the same way for `start:api`, `npm start` and the end-to-end tests.
import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../../../libs/config/src/index.js';
import { ApiModule } from './api.module.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { apiValidationPipe } from './common/validation.js';

const BATCH_BODY_LIMIT = '50mb';
const DEFAULT_BODY_LIMIT = '1mb';

export async function createHttpApp(
  config: AppConfig,
  options: { logger?: LogLevel[] | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: true,
  });
  // A batch of up to MAX_BATCH_ROWS suppliers, each perhaps with its declaration, is far larger than
  // any other request: it alone may be up to BATCH_BODY_LIMIT. Registered before the default parser
  // (1 MB here, for every other route), which then leaves the parsed body alone.
  app.use('/v1/screening-batches', express.json({ limit: BATCH_BODY_LIMIT }));
  app.useBodyParser('json', { limit: DEFAULT_BODY_LIMIT });
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Supplier screening service')
      .setDescription(
        'Screens every supplier on a public-sector tender: declaration, checks, explainable risk, sign-off, audit.',
      )
      .setVersion('v1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
