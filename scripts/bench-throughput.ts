// Throughput benchmark (`npm run bench:throughput`, BENCH_N screenings, default 200): on the embedded stack,
// starts N screenings of one tender as a bulk batch whose rows carry each supplier's declaration on file
// (BENCH_DECLARATIONS=update instead has a supplier bot submit each declaration as soon as the screening
// waits for it, through the same Update the API uses), lets a bench-only policy approve
// the clear outcomes without a signature (a reviewer bot approves anything that still waits for review,
// so a change in the checks cannot hang the run), and measures screenings
// per second, history events per screening (screening + its share of the tender and batch workflows)
// and the p95 of start-to-decision. Then runs N minimal three-activity workflows on the same server with
// the same concurrency as the baseline. Prints name=value lines.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { createHttpApp } from '../apps/api/src/http-app.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { prepareDatabase } from '../libs/bootstrap/src/index.js';
import { loadConfig } from '../libs/config/src/index.js';
import { decideUpdate, submitDeclarationUpdate } from '../libs/contracts/src/index.js';
import { builtInPolicy } from '../libs/domain/src/policy/packs/index.js';
import { startTestStack, stopTestStack } from '../libs/embedded/src/test-stack.js';
import { startCpuMeter } from './bench-cpu.js';

const N = Number(process.env.BENCH_N ?? 200);
const BENCH_POLICY_ID = 'bench-clear-approved-by-system';
const WINDOW = Number(process.env.SCREENING_BATCH_WINDOW ?? 20);
process.env.SCREENING_BATCH_WINDOW = String(WINDOW);

/** `batch`: declarations on file in the batch rows; `update`: submitted by a bot once each screening asks. */
const DECLARATIONS = process.env.BENCH_DECLARATIONS ?? 'batch';
if (DECLARATIONS !== 'batch' && DECLARATIONS !== 'update')
  throw new Error(`BENCH_DECLARATIONS must be batch or update; got "${DECLARATIONS}"`);

const DECLARATION = {
  owners: [{ name: 'Bench Holdings Ltd', country: 'GB', share: 100 }],
  countriesOfOperation: ['GB'],
  products: [],
  subcontractors: [],
  foreignIntelligenceLawExposure: false,
  attestation: { name: 'Bench Bot', role: 'Director', accepted: true },
};

async function main() {
  const stack = await startTestStack();
  const config = loadConfig({
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: `bench-${randomBytes(4).toString('hex')}`,
    BOOTSTRAP_ADMIN_TOKEN: `adm_${randomBytes(18).toString('base64url')}`,
    INVITATION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'error',
  });
  await prepareDatabase(config.DATABASE_URL!);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error'],
  });
  await worker.init();
  const api = await createHttpApp(config, { logger: ['error'] });
  await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return r.json() as Promise<{ id: string; token: string; version?: number }>;
  };
  const buyer = (
    await call('POST', '/v1/api-keys', config.BOOTSTRAP_ADMIN_TOKEN!, {
      userId: 'bench.buyer',
      roles: ['buyer'],
    })
  ).token as string;
  const client = new Client({ connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS! }) });
  const db = new pg.Client({ connectionString: config.DATABASE_URL });
  await db.connect();

  try {
    // The bench-only policy: the local-authority pack, except that a clear assessment needs no signature.
    const local = builtInPolicy('uk-local-authority')!;
    const policy = await call('POST', '/v1/policies', config.BOOTSTRAP_ADMIN_TOKEN!, {
      ...local,
      id: BENCH_POLICY_ID,
      version: undefined,
      title: 'Throughput benchmark: clear outcomes approved by the system',
      approvals: { ...local.approvals, levels: { ...local.approvals.levels, clear: { default: [] } } },
    });
    if (!('version' in policy))
      throw new Error(`bench: the bench policy was refused: ${JSON.stringify(policy)}`);
    const tender = await call('POST', '/v1/tenders', buyer, {
      reference: `bench-${randomBytes(4).toString('hex')}`,
      title: 'Throughput benchmark',
      buyer: { name: 'Bench Council', type: 'local_authority' },
      policyId: BENCH_POLICY_ID,
    });
    const suppliers = Array.from({ length: N }, (_, i) => ({
      name: `Bench Supplier ${i + 1} Ltd`,
      country: 'GB',
      ...(DECLARATIONS === 'batch' ? { declaration: DECLARATION } : {}),
    }));
    const meter = await startCpuMeter(db, stack.database, config.TEMPORAL_ADDRESS!);
    const started = performance.now();
    const batch = await call('POST', '/v1/screening-batches', buyer, { tenderId: tender.id, suppliers });
    if (!batch.id) throw new Error(`bench: the batch was refused: ${JSON.stringify(batch).slice(0, 500)}`);

    // The bots: one read-model query per tick, each screening acted on once per step.
    const declared = new Set<string>();
    const decided = new Set<string>();
    const acting = new Set<Promise<unknown>>();
    let failures = 0;
    // A row can show before its workflow has started (the read model is written first): retry next tick.
    const act = (done: Set<string>, id: string, p: Promise<unknown>) => {
      const tracked = p
        .catch((error: unknown) => {
          done.delete(id);
          failures += 1;
          if ((error as Error)?.name !== 'WorkflowNotFoundError' && failures < 5) {
            console.error(`bench: an action failed: ${String(error)}`);
          }
        })
        .finally(() => acting.delete(tracked));
      acting.add(tracked);
    };
    let final = 0;
    while (final < N) {
      // Only the rows a bot may act on, and a count of the decided ones: the bench's own reading stays
      // small however many screenings are done.
      const { rows } = await db.query<{ id: string; status: string }>(
        `SELECT id, status FROM screenings
          WHERE tender_id = $1 AND status IN ('awaiting_declaration', 'awaiting_review')`,
        [tender.id],
      );
      const { rows: decidedCount } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM screenings
          WHERE tender_id = $1 AND status IN ('approved', 'rejected', 'excluded')`,
        [tender.id],
      );
      final = Number(decidedCount[0]!.n);
      for (const { id, status } of rows) {
        if (status === 'awaiting_declaration' && !declared.has(id)) {
          declared.add(id);
          act(
            declared,
            id,
            client.workflow
              .getHandle(id)
              .executeUpdate(submitDeclarationUpdate, { args: [{ declaration: DECLARATION as never }] }),
          );
        } else if (status === 'awaiting_review' && !decided.has(id)) {
          decided.add(id);
          act(
            decided,
            id,
            client.workflow.getHandle(id).executeUpdate(decideUpdate, {
              args: [
                {
                  actor: { userId: 'bench.reviewer', role: 'reviewer' },
                  decision: 'approve',
                  reason: 'Benchmark approval of a plain declaration.',
                },
              ],
            }),
          );
        }
      }
      if (performance.now() - started > 30 * 60_000)
        throw new Error(`only ${final} of ${N} screenings decided in 30 minutes`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const elapsed = (performance.now() - started) / 1000;
    const ourCpu = await meter.read();
    await Promise.all(acting);

    const { rows: durations } = await db.query<{ s: number }>(
      `SELECT EXTRACT(EPOCH FROM (updated_at - created_at))::float AS s FROM screenings WHERE tender_id = $1 ORDER BY 1`,
      [tender.id],
    );
    const { rows: counted } = await db.query<{ n: string; distinct_suppliers: string }>(
      'SELECT count(*) AS n, count(DISTINCT supplier_key) AS distinct_suppliers FROM screenings WHERE tender_id = $1',
      [tender.id],
    );
    const p95 = durations[Math.min(durations.length - 1, Math.ceil(0.95 * durations.length) - 1)].s;
    const sample = (
      await db.query<{ id: string }>('SELECT id FROM screenings WHERE tender_id = $1 LIMIT 20', [tender.id])
    ).rows;
    let sampleEvents = 0;
    for (const { id } of sample)
      sampleEvents += (await client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0;
    let sharedEvents = 0;
    for (const id of [tender.id, batch.id]) {
      for await (const run of client.workflow.list({ query: `WorkflowId = '${id}'` })) {
        sharedEvents += (await client.workflow.getHandle(id, run.runId).fetchHistory()).events?.length ?? 0;
      }
    }
    const eventsPerScreening = sampleEvents / sample.length + sharedEvents / N;
    const ours = N / elapsed;

    // Baseline: N minimal three-activity workflows, WINDOW at a time, on the same server.
    const baselineQueue = `${config.TEMPORAL_TASK_QUEUE}-baseline`;
    const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS! });
    const baselineWorker = await Worker.create({
      connection,
      taskQueue: baselineQueue,
      workflowsPath: fileURLToPath(new URL('./bench/baseline.workflow.js', import.meta.url)),
      activities: { step: async (n: number) => n },
    });
    const baselineMeter = await startCpuMeter(db, stack.database, config.TEMPORAL_ADDRESS!);
    const baseline = await baselineWorker.runUntil(async () => {
      const t0 = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < N) {
          next += 1;
          await client.workflow.execute('baselineWorkflow', {
            taskQueue: baselineQueue,
            workflowId: `baseline-${randomBytes(6).toString('hex')}`,
          });
        }
      };
      await Promise.all(Array.from({ length: WINDOW }, lane));
      return N / ((performance.now() - t0) / 1000);
    });
    const baselineCpu = await baselineMeter.read();
    await connection.close();

    console.log(`screenings=${N}`);
    console.log(`declarations=${DECLARATIONS}`);
    console.log(`screenings_decided=${counted[0].n}`);
    console.log(`screenings_duplicated=${Number(counted[0].n) - Number(counted[0].distinct_suppliers)}`);
    console.log(`screenings_per_second=${ours.toFixed(2)}`);
    console.log(`history_events_per_screening=${eventsPerScreening.toFixed(1)}`);
    console.log(`p95_screening_seconds=${p95.toFixed(2)}`);
    console.log(`baseline_workflows_per_second=${baseline.toFixed(2)}`);
    console.log(`efficiency=${(ours / baseline).toFixed(2)}`);
    // The same comparison in CPU time (this process, the Temporal server, this database's backends):
    // steady when other work shares the machine, which moves the wall-clock rates above.
    const perUnit = (cpu: Awaited<ReturnType<typeof meter.read>>) =>
      cpu.temporal === null || cpu.postgres === null ? null : (cpu.node + cpu.temporal + cpu.postgres) / N;
    const print = (name: string, seconds: number | null) =>
      console.log(`${name}=${seconds === null ? 'unavailable' : (seconds * 1000).toFixed(1)}`);
    print('cpu_ms_per_screening_node', ourCpu.node / N);
    print('cpu_ms_per_screening_temporal', ourCpu.temporal === null ? null : ourCpu.temporal / N);
    print('cpu_ms_per_screening_postgres', ourCpu.postgres === null ? null : ourCpu.postgres / N);
    print('cpu_ms_per_screening', perUnit(ourCpu));
    print('cpu_ms_per_baseline_workflow', perUnit(baselineCpu));
    const ourPerUnit = perUnit(ourCpu);
    const baselinePerUnit = perUnit(baselineCpu);
    if (ourPerUnit !== null && baselinePerUnit !== null) {
      console.log(`cpu_efficiency=${(baselinePerUnit / ourPerUnit).toFixed(2)}`);
    }
  } finally {
    await db.end();
    await client.connection.close();
    await api.close();
    await worker.close();
    await stopTestStack(stack);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
