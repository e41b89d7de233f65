// GET /v1/audit/events: every audit event of a period as JSON lines, streamed batch by batch, so an
// export of years of events uses as little memory as one of a day.
import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditEventRepository } from '../../../../libs/audit/src/index.js';
import { Roles } from '../auth/auth.decorators.js';
import { parseAuditPeriod } from './audit-period.js';
import { AuditPeriodQuery } from './dtos/audit-period.query.js';

export const NDJSON = 'application/x-ndjson';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditExportController {
  private readonly logger = new Logger('AuditExport');

  constructor(@Inject(AuditEventRepository) private readonly audit: AuditEventRepository) {}

  @Get('events')
  @Roles('auditor', 'admin')
  @ApiProduces(NDJSON)
  async export(@Query() query: AuditPeriodQuery, @Res() response: Response): Promise<void> {
    const { from, to } = parseAuditPeriod(query);
    const name = `audit-events_${from.toISOString()}_${to.toISOString()}.ndjson`.replace(/:/g, '');
    let clientGone = false;
    response.on('close', () => (clientGone = !response.writableFinished));
    try {
      for await (const batch of this.audit.eventsInPeriod(from, to)) {
        if (!response.headersSent) writeHead(response, name, from, to);
        await write(response, batch.map((event) => `${JSON.stringify(event)}\n`).join(''));
        if (clientGone) return;
      }
      if (!response.headersSent) writeHead(response, name, from, to);
      response.end();
    } catch (error) {
      // Before the first line the error filter still answers; after it, only cutting the stream short
      // (no final chunk) tells the client the export is incomplete.
      if (!response.headersSent) throw error;
      this.logger.error(`export ${from.toISOString()}..${to.toISOString()} failed: ${String(error)}`);
      response.destroy(error as Error);
    }
  }
}

function writeHead(response: Response, fileName: string, from: Date, to: Date): void {
  response.status(200);
  response.setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
  response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  response.setHeader('X-Audit-Period', `${from.toISOString()}/${to.toISOString()}`);
}

/** Writes, then waits while the client's buffer is full, so a slow reader holds back the database reads. */
function write(response: Response, chunk: string): Promise<void> {
  if (response.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
