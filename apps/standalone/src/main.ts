// `npm start`: the whole service in one process. Starts an embedded PostgreSQL unless DATABASE_URL is
// set and a Temporal dev server unless TEMPORAL_ADDRESS is set, prepares the database, then runs the
// worker and the API. Ctrl-C stops the API, drains the worker, closes connections, then the servers.
import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createHttpApp } from '../../api/src/http-app.js';
import { WorkerModule } from '../../worker/src/worker.module.js';
import { prepareDatabase } from '../../../libs/bootstrap/src/index.js';
import { loadConfig, type AppConfig } from '../../../libs/config/src/index.js';
import { startEmbeddedPostgres, startTemporalDevServer } from '../../../libs/embedded/src/index.js';
import { installTemporalRuntimeLogging } from '../../../libs/temporal/src/index.js';
import { loadOrCreateLocalSecrets } from './local-secrets.js';

const log = (message: string) => console.log(`[start] ${message}`);

async function main(): Promise<void> {
  const started = Date.now();
  const config: AppConfig = loadConfig();
  installTemporalRuntimeLogging(config.LOG_LEVEL, { quiet: true });
  const dataDir = resolve(config.DATA_DIR);
  const secrets = loadOrCreateLocalSecrets(dataDir);
  config.BOOTSTRAP_ADMIN_TOKEN ??= secrets.bootstrapAdminToken;
  config.INVITATION_SECRET ??= secrets.invitationSecret;

  const stops: (() => Promise<void>)[] = [];
  let api: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await api?.close().catch((e: unknown) => log(`api: ${String(e)}`));
    await worker?.close().catch((e: unknown) => log(`worker: ${String(e)}`));
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(String(e)));
    log('stopped');
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const [database, temporal] = await Promise.all([
      config.DATABASE_URL
        ? Promise.resolve(null)
        : startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_POSTGRES_PORT, log }),
      config.TEMPORAL_ADDRESS
        ? Promise.resolve(null)
        : startTemporalDevServer({
            cliPath: config.TEMPORAL_CLI_PATH,
            port: config.TEMPORAL_DEV_PORT,
            uiPort: config.TEMPORAL_UI_PORT,
            dbFile: resolve(dataDir, 'temporal.sqlite'),
            namespace: config.TEMPORAL_NAMESPACE,
          }),
    ]);
    if (database) {
      stops.push(database.stop);
      config.DATABASE_URL = database.url;
      log(
        `embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT} (data in ${resolve(dataDir, 'postgres')})`,
      );
    }
    if (temporal) {
      stops.push(temporal.stop);
      config.TEMPORAL_ADDRESS = temporal.address;
      log(`Temporal dev server on ${temporal.address} (${temporal.cli})`);
    }
    const prepared = await prepareDatabase(config.DATABASE_URL!, log);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    await worker.init();
    api = await createHttpApp(config, { logger: ['error', 'warn'] });
    await api.listen(config.PORT, '127.0.0.1');

    const base = `http://127.0.0.1:${config.PORT}`;
    console.log(
      [
        '',
        `Supplier screening service is ready (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        `  API          ${base}/v1`,
        `  OpenAPI      ${base}/docs`,
        `  Temporal UI  ${temporal?.uiAddress ?? `(external Temporal at ${config.TEMPORAL_ADDRESS})`}`,
        `  Health       ${base}/health`,
        `  Reference data version ${prepared.referenceDataVersion}`,
        '',
        'Admin token (create user keys with POST /v1/api-keys):',
        `  export ADMIN_TOKEN=${config.BOOTSTRAP_ADMIN_TOKEN}`,
        process.env.BOOTSTRAP_ADMIN_TOKEN
          ? '  (from BOOTSTRAP_ADMIN_TOKEN)'
          : `  (generated and kept in ${resolve(dataDir, 'secrets.json')})`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    await shutdown('start-up failure');
  }
}

void main();
