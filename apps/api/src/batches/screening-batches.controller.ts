import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { STAFF_ROLES, type Principal } from '../auth/principal.js';
import { ScreeningBatchException, ScreeningBatchExceptionCode } from './screening-batch.exception.js';
import { ScreeningBatchesService } from './screening-batches.service.js';
import { checkSupplierRows, parseSupplierCsv } from './supplier-rows.js';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

@ApiTags('screening-batches')
@ApiBearerAuth()
@Controller('v1/screening-batches')
export class ScreeningBatchesController {
  constructor(@Inject(ScreeningBatchesService) private readonly batches: ScreeningBatchesService) {}

  /**
   * JSON `{ tenderId, suppliers: [{ name, country, identifiers?, contactEmail?, declaration? }] }`, or a
   * `text/csv` body with the header name,country,identifiers,contactEmail and `?tenderId=`. A JSON row's
   * `declaration` is the supplier's declaration the buyer has on file (the body of POST
   * /v1/screenings/:id/declaration): that screening starts at the checks. Malformed rows are reported
   * (GET the batch) and skipped; the others start.
   */
  @Post()
  @HttpCode(202)
  @Roles('buyer')
  @ApiConsumes('application/json', 'text/csv')
  @ApiQuery({ name: 'tenderId', required: false, description: 'with a text/csv body' })
  async create(
    @Req() request: Request,
    @Query('tenderId') tenderIdQuery: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (request.is('text/csv')) {
      if (!tenderIdQuery) throw malformed('tenderId: pass the tender id as ?tenderId= with a CSV body.');
      const rows = parseSupplierCsv(await readText(request));
      if (typeof rows === 'string') throw malformed(rows);
      return this.batches.create(tenderIdQuery, rows, principal);
    }
    const body = request.body as { tenderId?: unknown; suppliers?: unknown } | undefined;
    if (typeof body?.tenderId !== 'string' || body.tenderId.length === 0)
      throw malformed('tenderId: required.');
    if (!Array.isArray(body.suppliers))
      throw malformed('suppliers: a list of { name, country } is required.');
    return this.batches.create(body.tenderId, checkSupplierRows(body.suppliers), principal);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  progress(@Param('id') id: string) {
    return this.batches.progress(id);
  }
}

function malformed(message: string) {
  return new ScreeningBatchException(ScreeningBatchExceptionCode.Malformed, message);
}

async function readText(request: Request): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_CSV_BYTES) {
      throw new ScreeningBatchException(
        ScreeningBatchExceptionCode.TooLarge,
        'The CSV is larger than 5 MB; split it.',
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
