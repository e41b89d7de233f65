// Builds the HTTP application the same way for `start:api`, `npm start` and the end-to-end tests.
import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../../../libs/config/src/index.js';
import { ApiModule } from './api.module.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { apiValidationPipe } from './common/validation.js';

export async function createHttpApp(
  config: AppConfig,
  options: { logger?: LogLevel[] | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bodyParser: true,
  });
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
