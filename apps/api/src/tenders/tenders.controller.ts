import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CloseTenderDto } from './dtos/close-tender.dto.js';
import { CreateTenderDto } from './dtos/create-tender.dto.js';
import { presentTender } from './tender.presenter.js';
import { TendersService } from './tenders.service.js';

@ApiTags('tenders')
@ApiBearerAuth()
@Controller('v1/tenders')
export class TendersController {
  constructor(@Inject(TendersService) private readonly tenders: TendersService) {}

  @Post()
  @HttpCode(201)
  @Roles('buyer')
  async create(@Body() body: CreateTenderDto, @CurrentPrincipal() principal: Principal) {
    return presentTender(await this.tenders.create(body, principal.userId), []);
  }

  @Get(':id')
  @Roles('buyer', 'reviewer', 'approver', 'auditor', 'admin')
  async get(@Param('id') id: string) {
    const { tender, screenings } = await this.tenders.get(id);
    return presentTender(tender, screenings);
  }

  /** Closes the tender; screenings still open are withdrawn. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('buyer')
  async close(
    @Param('id') id: string,
    @Body() body: CloseTenderDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const result = await this.tenders.close(id, principal, body.reason);
    const { tender, screenings } = await this.tenders.get(id);
    return { ...presentTender(tender, screenings), withdrawn: result.withdrawn };
  }
}
