import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { STAFF_ROLES, type Principal } from '../auth/principal.js';
import { DismissalsService } from './dismissals.service.js';
import { DismissFindingDto } from './dtos/dismiss-finding.dto.js';

@ApiTags('screenings')
@ApiBearerAuth()
@Controller('v1/screenings/:id')
export class DismissalsController {
  constructor(@Inject(DismissalsService) private readonly dismissals: DismissalsService) {}

  /**
   * Marks a name-screening hit of the latest checks round a false positive, with the reason. 201 with
   * the dismissal; 200 when the same person repeats the same dismissal; 409 when someone else already
   * dismissed the hit or the screening is closed; 422 for a finding that is not a name-screening hit.
   * The dismissal holds in every later checks round of the screening (the finding carries `dismissed`
   * and does not score), including rounds on a newer dataset version that keeps the entity.
   */
  @Post('findings/:key/dismissal')
  @Roles('reviewer', 'approver')
  async dismiss(
    @Param('id') screeningId: string,
    @Param('key') findingKey: string,
    @Body() body: DismissFindingDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, dismissal } = await this.dismissals.dismiss(
      screeningId,
      findingKey,
      body.reason,
      principal,
    );
    response.status(created ? 201 : 200);
    return dismissal;
  }

  /** The screening's dismissals, oldest first. */
  @Get('dismissals')
  @Roles(...STAFF_ROLES)
  list(@Param('id') screeningId: string) {
    return this.dismissals.list(screeningId);
  }
}
