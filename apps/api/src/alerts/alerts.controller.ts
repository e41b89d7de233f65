import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { STAFF_ROLES, type Principal } from '../auth/principal.js';
import { AlertsService } from './alerts.service.js';
import { AcknowledgeAlertDto } from './dtos/acknowledge-alert.dto.js';
import { ListAlertsQuery } from './dtos/list-alerts.query.js';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /**
   * Alerts on approved screenings whose findings or outcome changed when they were re-checked against
   * newer reference data, newest first: `{ items, nextCursor }`; pass `nextCursor` as `cursor` for the
   * next page (null on the last). Each says what changed (`changes`: findings added and removed, outcome,
   * band and score before and after) and why (`summary`).
   */
  @Get()
  @Roles(...STAFF_ROLES)
  list(@Query() query: ListAlertsQuery) {
    return this.alerts.list(query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  get(@Param('id') id: string) {
    return this.alerts.get(id);
  }

  /**
   * Records that someone has seen the alert and dealt with it, with an optional note; audited in the
   * screening's trail. Repeating it answers the same; another person's acknowledgement is a 409.
   */
  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('reviewer', 'approver')
  acknowledge(
    @Param('id') id: string,
    @Body() body: AcknowledgeAlertDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.alerts.acknowledge(id, body.note, principal);
  }
}
