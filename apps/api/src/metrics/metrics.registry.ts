// Prometheus metrics of the API process: request counts and latencies by route, screenings by status,
// and Node's default process metrics. One registry per application, so tests can run several apps.
import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });

  constructor(@Inject(DataSource) db: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    // Read at scrape time from the read model, so every API replica reports the same truth.
    new Gauge({
      name: 'screenings',
      help: 'Screenings by status (read model)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const rows: { status: string; count: string }[] = await db.query(
          'SELECT status, COUNT(*)::text AS count FROM screenings GROUP BY status',
        );
        this.reset();
        for (const row of rows) this.set({ status: row.status }, Number(row.count));
      },
    });
  }
}
