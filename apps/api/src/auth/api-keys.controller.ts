import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from './auth.decorators.js';
import { CreateApiKeyDto } from './dtos/create-api-key.dto.js';
import type { Principal } from './principal.js';
import { TokenService } from './token.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(TokenService) private readonly tokens: TokenService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  async create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() principal: Principal) {
    const token = await this.tokens.issueApiKey(body.userId, body.roles, principal.userId);
    return { token, userId: body.userId, roles: body.roles };
  }
}
