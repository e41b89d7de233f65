import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Declaration } from '../../../../libs/contracts/src/index.js';
import { CurrentPrincipal, Roles, SupplierAccess } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { DecisionDto } from './dtos/decision.dto.js';
import { DeclarationDto } from './dtos/declaration.dto.js';
import {
  DeclineToAnswerDto,
  ExtendDeadlineDto,
  MinisterialAnswerDto,
  MinisterialReferralDto,
  ReplacementDto,
  RepresentationsDto,
  WithdrawalDto,
} from './dtos/human-steps.dto.js';
import { ListScreeningsQuery } from './dtos/list-screenings.query.js';
import { StartScreeningDto } from './dtos/start-screening.dto.js';
import { presentScreening, presentScreeningSummary } from './screening.presenter.js';
import { ScreeningsService } from './screenings.service.js';

const STAFF = ['buyer', 'reviewer', 'approver', 'auditor', 'admin'] as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** The Idempotency-Key header, when sent, must be a short opaque token. */
function validKey(value: string | undefined): string | undefined {
  if (value !== undefined && !IDEMPOTENCY_KEY.test(value)) {
    throw new BadRequestException('Idempotency-Key must be 1-200 characters of letters, digits and . _ : -');
  }
  return value;
}

@ApiTags('screenings')
@ApiBearerAuth()
@Controller('v1')
export class ScreeningsController {
  constructor(@Inject(ScreeningsService) private readonly screenings: ScreeningsService) {}

  @Post('tenders/:id/screenings')
  @Roles('buyer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async start(
    @Param('id') tenderId: string,
    @Body() body: StartScreeningDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const started = await this.screenings.start(tenderId, body, principal, validKey(key));
    response.status(started.created ? 201 : 200);
    return { id: started.screening.id, status: started.screening.status, invitation: started.invitation };
  }

  @Get('screenings')
  @Roles(...STAFF)
  async list(@Query() query: ListScreeningsQuery) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.screenings.list({
      status: query.status,
      tenderId: query.tenderId,
      limit,
      offset,
    });
    return { items: items.map(presentScreeningSummary), total, limit, offset };
  }

  @Get('screenings/:id')
  @Roles(...STAFF)
  async get(@Param('id') id: string) {
    const { screening, declaration, findings, assignment, alerts } = await this.screenings.details(id);
    return presentScreening(screening, declaration, findings, assignment, alerts);
  }

  @Post('screenings/:id/declaration')
  @HttpCode(202)
  @SupplierAccess()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async declare(
    @Param('id') id: string,
    @Body() body: DeclarationDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.submitDeclaration(id, body as Declaration, validKey(key));
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/decisions')
  @HttpCode(200)
  @Roles('reviewer', 'approver')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async decide(
    @Param('id') id: string,
    @Body() body: DecisionDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.decide(id, staff(principal), body, validKey(key));
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/deadline')
  @HttpCode(200)
  @Roles('buyer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async extendDeadline(
    @Param('id') id: string,
    @Body() body: ExtendDeadlineDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.extendDeadline(id, staff(principal), body, validKey(key));
    return { id, status: accepted.status, declarationDeadline: new Date(body.until).toISOString() };
  }

  @Post('screenings/:id/withdrawal')
  @HttpCode(200)
  @Roles('buyer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async withdraw(
    @Param('id') id: string,
    @Body() body: WithdrawalDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.withdraw(id, staff(principal), body, validKey(key));
    return { id, status: accepted.status };
  }

  @Get('screenings/:id/invitation')
  @SupplierAccess()
  async invitation(@Param('id') id: string) {
    return this.screenings.invitation(id);
  }

  @Post('screenings/:id/representations')
  @HttpCode(202)
  @SupplierAccess()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async representations(
    @Param('id') id: string,
    @Body() body: RepresentationsDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.makeRepresentations(id, body, validKey(key));
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/replacement')
  @HttpCode(202)
  @SupplierAccess()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async replace(
    @Param('id') id: string,
    @Body() body: ReplacementDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.replaceAssociatedPerson(id, body, validKey(key));
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/information-refusal')
  @HttpCode(202)
  @SupplierAccess()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async declineToAnswer(
    @Param('id') id: string,
    @Body() body: DeclineToAnswerDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.declineToAnswer(id, body, validKey(key));
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/ministerial-referral')
  @HttpCode(200)
  @Roles('approver')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async recordMinisterialReferral(
    @Param('id') id: string,
    @Body() body: MinisterialReferralDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.recordMinisterialReferral(
      id,
      staff(principal),
      body,
      validKey(key),
    );
    return { id, status: accepted.status };
  }

  @Post('screenings/:id/ministerial-referral/answer')
  @HttpCode(200)
  @Roles('approver')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async recordMinisterialAnswer(
    @Param('id') id: string,
    @Body() body: MinisterialAnswerDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const accepted = await this.screenings.recordMinisterialAnswer(id, staff(principal), body, validKey(key));
    return { id, status: accepted.status };
  }
}

/** Routes with @Roles only admit staff tokens. */
function staff(principal: Principal): Principal & { kind: 'user' } {
  return principal as Principal & { kind: 'user' };
}
