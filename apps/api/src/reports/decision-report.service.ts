import { Inject, Injectable } from '@nestjs/common';
import { AuditTrailVerifier } from '../../../../libs/audit/src/index.js';
import { TenderRepository } from '../../../../libs/persistence/src/index.js';
import { ScreeningException, ScreeningExceptionCode } from '../screenings/screening.exception.js';
import { ScreeningsService } from '../screenings/screenings.service.js';
import { buildDecisionReport, type DecisionReport } from './decision-report.js';
import { ReportException, ReportExceptionCode } from './report.exception.js';

@Injectable()
export class DecisionReportService {
  constructor(
    @Inject(ScreeningsService) private readonly screenings: ScreeningsService,
    @Inject(TenderRepository) private readonly tenders: TenderRepository,
    @Inject(AuditTrailVerifier) private readonly verifier: AuditTrailVerifier,
  ) {}

  async build(screeningId: string, requestedBy: string): Promise<DecisionReport> {
    const { screening, declaration, findings } = await this.screenings.details(screeningId);
    const [tender, trail] = await Promise.all([
      this.tenders.findById(screening.tenderId),
      this.verifier.inspect(screeningId),
    ]);
    if (!trail) throw new ScreeningException(ScreeningExceptionCode.NotFound, `No screening ${screeningId}.`);
    if (!tender) {
      throw new ReportException(
        ReportExceptionCode.TenderMissing,
        `Screening ${screeningId} refers to tender ${screening.tenderId}, which does not exist.`,
      );
    }
    return buildDecisionReport({
      screening,
      tender,
      declaration,
      findings,
      verification: trail.verification,
      events: trail.events,
      generatedBy: requestedBy,
    });
  }
}
