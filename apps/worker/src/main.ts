// `npm run start:worker`: the Temporal worker alone, against configured PostgreSQL and Temporal servers.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../../libs/config/src/index.js';
import { requireServers } from '../../../libs/config/src/require-servers.js';
import { installTemporalRuntimeLogging } from '../../../libs/temporal/src/index.js';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const config = requireServers(loadConfig(), 'start:worker');
  installTemporalRuntimeLogging(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: [config.LOG_LEVEL === 'verbose' ? 'verbose' : config.LOG_LEVEL, 'error', 'warn'],
  });
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
