import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { STAFF_ROLES, type Principal } from '../auth/principal.js';
import { SimulatePolicyDto } from './dtos/simulate-policy.dto.js';
import { PoliciesService } from './policies.service.js';
import { PolicySimulationService } from './policy-simulation.service.js';
import { presentPolicySummary, presentPolicyVersion } from './policy.presenter.js';

const versionParam = new ParseIntPipe({
  exceptionFactory: () =>
    new BadRequestException('The version in the path must be a whole number, e.g. /versions/1.'),
});

@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
export class PoliciesController {
  constructor(
    @Inject(PoliciesService) private readonly policies: PoliciesService,
    @Inject(PolicySimulationService) private readonly simulation: PolicySimulationService,
  ) {}

  /** The latest version of every policy. */
  @Get()
  @Roles(...STAFF_ROLES)
  async list() {
    return { items: (await this.policies.listLatest()).map(presentPolicySummary) };
  }

  /** The latest version of one policy, with its document and every published version number. */
  @Get(':id')
  @Roles(...STAFF_ROLES)
  async latest(@Param('id') id: string) {
    const { policy, versions } = await this.policies.latest(id);
    return { ...presentPolicyVersion(policy), versions };
  }

  @Get(':id/versions/:version')
  @Roles(...STAFF_ROLES)
  async version(@Param('id') id: string, @Param('version', versionParam) version: number) {
    return presentPolicyVersion(await this.policies.version(id, version));
  }

  /**
   * Publishes a policy document as the next version of its id (version 1 for a new id). `version` may
   * be left out; when sent it must be that next version, else 409. An invalid document is a 422 whose
   * `details` name every field to fix.
   */
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiBody({ description: 'A policy document (see docs/policies)', schema: { type: 'object' } })
  // `unknown`, not a DTO: the global whitelisting pipe skips it, and validatePolicy checks the document.
  async publish(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return presentPolicyVersion(await this.policies.publish(body, principal.userId));
  }

  /** What-if: re-scores past screenings under a draft and reports what would change. Writes nothing. */
  @Post(':id/simulate')
  @HttpCode(200)
  @Roles('admin', 'reviewer', 'approver')
  async simulate(@Param('id') id: string, @Body() body: SimulatePolicyDto) {
    return this.simulation.simulate(id, body);
  }
}
