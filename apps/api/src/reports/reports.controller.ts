import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { renderDecisionReportHtml } from './decision-report.html.js';
import { DecisionReportService } from './decision-report.service.js';
import { ReportException, ReportExceptionCode } from './report.exception.js';

const FORMATS = ['application/json', 'text/html'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/screenings/:id/report')
export class ReportsController {
  constructor(@Inject(DecisionReportService) private readonly reports: DecisionReportService) {}

  /** The decision report: JSON by default, HTML for `Accept: text/html` (printable, self-contained). */
  @Get()
  @Roles('buyer', 'reviewer', 'approver', 'auditor', 'admin')
  @ApiProduces(...FORMATS)
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = request.accepts([...FORMATS]);
    if (!format) {
      throw new ReportException(
        ReportExceptionCode.NotAcceptable,
        `The report is served as ${FORMATS.join(' or ')}; you asked for ${request.headers.accept}. ` +
          'For PDF, print the HTML report: it has a print stylesheet.',
      );
    }
    const report = await this.reports.build(id, principal.userId);
    response.setHeader('Vary', 'Accept');
    response.setHeader('Cache-Control', 'no-store');
    if (format === 'text/html') {
      response.type('text/html; charset=utf-8').send(renderDecisionReportHtml(report));
    } else {
      response.json(report);
    }
  }
}
