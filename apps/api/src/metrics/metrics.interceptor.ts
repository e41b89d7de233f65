import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, type Observable } from 'rxjs';
import { MetricsRegistry } from './metrics.registry.js';

/** Counts every answered request by its route pattern (never the raw path: ids would explode cardinality). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(@Inject(MetricsRegistry) private readonly metrics: MetricsRegistry) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const route = (request.route?.path as string | undefined) ?? 'unmatched';
    const stopTimer = this.metrics.latency.startTimer({ method: request.method, route });
    return next.handle().pipe(
      finalize(() => {
        stopTimer();
        const status = String(http.getResponse<Response>().statusCode);
        this.metrics.requests.inc({ method: request.method, route, status });
      }),
    );
  }
}
