// The whole service for end-to-end tests: the real HTTP API and a real worker, against the run's
// Temporal dev server and PostgreSQL database (see global-setup.js), on a task queue of its own.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHttpApp } from '../../apps/api/src/http-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { prepareDatabase } from '../../libs/bootstrap/src/index.js';
import { loadConfig, type AppConfig } from '../../libs/config/src/index.js';

export interface TestApp {
  baseUrl: string;
  adminToken: string;
  config: AppConfig;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const adminToken = `adm_${randomBytes(18).toString('base64url')}`;
  const config = loadConfig({
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: `e2e-${randomBytes(6).toString('hex')}`,
    BOOTSTRAP_ADMIN_TOKEN: adminToken,
    INVITATION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'error',
    ...overrides,
  });
  await prepareDatabase(config.DATABASE_URL!);
  let worker: INestApplicationContext | null = null;
  const startWorker = async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
    await worker.init();
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = null;
  };
  await startWorker();
  const api: INestApplication = await createHttpApp(config, { logger: ['error'] });
  await api.listen(0, '127.0.0.1');
  const address = api.getHttpServer().address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminToken,
    config,
    startWorker,
    stopWorker,
    close: async () => {
      await api.close();
      await stopWorker();
    },
  };
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
}

/** A tiny HTTP client over fetch: the tests talk to the API exactly as a user would. */
export function httpClient(baseUrl: string) {
  return async function request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.rawBody !== undefined)
      headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (HTML report, empty body)
    }
    return { status: response.status, body: body as T };
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
