import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEventRepository, verifyChain } from '../../../../libs/audit/src/index.js';
import { Roles } from '../auth/auth.decorators.js';
import { ScreeningsService } from '../screenings/screenings.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/screenings/:id/audit')
export class AuditController {
  constructor(
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
    @Inject(ScreeningsService) private readonly screenings: ScreeningsService,
  ) {}

  @Get()
  @Roles('buyer', 'reviewer', 'approver', 'auditor', 'admin')
  async list(@Param('id') id: string) {
    await this.screenings.get(id);
    const events = await this.audit.list(id);
    return {
      screeningId: id,
      events: events.map((e) => ({
        seq: e.seq,
        at: e.occurredAt.toISOString(),
        actor: { userId: e.actorId, role: e.actorRole },
        action: e.action,
        data: e.data,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }

  @Get('verify')
  @Roles('auditor', 'admin')
  async verify(@Param('id') id: string) {
    await this.screenings.get(id);
    const result = verifyChain(await this.audit.chain(id));
    return { valid: result.valid, events: result.events, lastHash: result.lastHash, ...(result.brokenAt ? { brokenAt: result.brokenAt } : {}) };
  }
}
