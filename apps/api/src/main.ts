// `npm run start:api`: the HTTP API alone, against configured PostgreSQL and Temporal servers.
import { loadConfig, requireServers } from '../../../libs/config/src/index.js';
import { createHttpApp } from './http-app.js';

async function main(): Promise<void> {
  const config = requireServers(loadConfig(), 'start:api');
  if (!config.INVITATION_SECRET)
    throw new Error('start:api needs INVITATION_SECRET (32+ characters, the same on every API replica).');
  const app = await createHttpApp(config);
  app.enableShutdownHooks(['SIGINT', 'SIGTERM']);
  await app.listen(config.PORT, '0.0.0.0');
  console.log(`API listening on :${config.PORT} (OpenAPI at /docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
