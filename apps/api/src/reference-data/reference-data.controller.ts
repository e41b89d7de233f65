import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { STAFF_ROLES, type Principal } from '../auth/principal.js';
import { ImportReferenceDataDto } from './dtos/import-reference-data.dto.js';
import { SearchReferenceDataQuery } from './dtos/search-reference-data.query.js';
import { ReferenceDataException, ReferenceDataExceptionCode } from './reference-data.exception.js';
import { ReferenceImportsService } from './reference-imports.service.js';
import { ReferenceSearchService } from './reference-search.service.js';
import {
  ReferenceUploadInterceptor,
  safeFileName,
  UPLOAD_FIELD,
  type UploadedReferenceFile,
} from './reference-upload.interceptor.js';

@ApiTags('reference-data')
@ApiBearerAuth()
@Controller('v1/reference-data')
export class ReferenceDataController {
  constructor(
    @Inject(ReferenceSearchService) private readonly searches: ReferenceSearchService,
    @Inject(ReferenceImportsService) private readonly imports: ReferenceImportsService,
  ) {}

  /**
   * Scored matches for a name in the current reference data, best first, each with its score's
   * components and explanation: the same matcher (and threshold) as name screening.
   */
  @Get('search')
  @Roles(...STAFF_ROLES)
  search(@Query() query: SearchReferenceDataQuery) {
    return this.searches.search(query);
  }

  /**
   * Imports a file as a new dataset version: multipart/form-data with the file in `file` and the
   * fields below. 201 with the new version; 200 with `noop: true` when the source's latest version came
   * from the same file. A malformed record is a 422 naming file, line and field, and nothing is imported
   * unless `skipInvalid=true`.
   */
  @Post('imports')
  @Roles('admin')
  @UseInterceptors(ReferenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD, 'format'],
      properties: {
        [UPLOAD_FIELD]: { type: 'string', format: 'binary' },
        format: { type: 'string' },
        source: { type: 'string' },
        skipInvalid: { type: 'boolean' },
        mode: { type: 'string', enum: ['snapshot', 'delta'] },
      },
    },
  })
  async import(
    @Req() request: Request & { file?: UploadedReferenceFile },
    @Body() fields: ImportReferenceDataDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const file = request.file;
    if (!file) {
      throw new ReferenceDataException(
        ReferenceDataExceptionCode.FileMissing,
        `No file: send it in the multipart field '${UPLOAD_FIELD}', e.g. curl -F format=${fields.format} -F ${UPLOAD_FIELD}=@entities.ftm.jsonl`,
      );
    }
    const result = await this.imports.import(
      { path: file.path, fileName: safeFileName(file.originalname) },
      fields,
      principal.userId,
    );
    response.status(result.noop ? 200 : 201);
    return result;
  }
}
