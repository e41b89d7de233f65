import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEventRepository, AuditTrailVerifier } from '../../../../libs/audit/src/index.js';
import { Roles } from '../auth/auth.decorators.js';
import { ScreeningException, ScreeningExceptionCode } from '../screenings/screening.exception.js';
import { ScreeningsService } from '../screenings/screenings.service.js';
import { presentAuditEvent } from './audit-event.presenter.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/screenings/:id/audit')
export class AuditController {
  constructor(
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
    @Inject(AuditTrailVerifier) private readonly verifier: AuditTrailVerifier,
    @Inject(ScreeningsService) private readonly screenings: ScreeningsService,
  ) {}

  /** The screening's events in order, with every hashed field, so anyone can recompute the chain. */
  @Get()
  @Roles('buyer', 'reviewer', 'approver', 'auditor', 'admin')
  async list(@Param('id') id: string) {
    await this.screenings.get(id);
    const events = await this.audit.list(id);
    return { screeningId: id, events: events.map(presentAuditEvent) };
  }

  /** Recomputes the chain and compares its end with the head hash the screening keeps. */
  @Get('verify')
  @Roles('auditor', 'admin')
  async verify(@Param('id') id: string) {
    const result = await this.verifier.verify(id);
    if (!result) throw new ScreeningException(ScreeningExceptionCode.NotFound, `No screening ${id}.`);
    return {
      valid: result.valid,
      events: result.events,
      ...(result.brokenAt ? { brokenAt: result.brokenAt } : {}),
      lastHash: result.lastHash,
      headHash: result.headHash,
      sealed: result.sealed,
      sealHash: result.sealHash,
    };
  }
}
