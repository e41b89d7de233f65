import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../../../../libs/contracts/src/index.js';
import { ScreeningRepository } from '../../../../libs/persistence/src/index.js';
import { PUBLIC_KEY, ROLES_KEY, SUPPLIER_KEY } from './auth.decorators.js';
import type { Principal } from './principal.js';
import { TokenService } from './token.service.js';

/** Every route needs a bearer token unless marked @Public; @Roles and @SupplierAccess say whose. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('Send an Authorization: Bearer <token> header.');
    const token = match[1];

    if (token.startsWith('inv_')) {
      if (!this.reflector.getAllAndOverride<boolean>(SUPPLIER_KEY, targets)) {
        throw new ForbiddenException(
          'An invitation token only allows submitting that screening’s declaration.',
        );
      }
      const screeningId = String(request.params.id ?? '');
      if (!this.tokens.isInvitationFor(token, screeningId)) {
        throw new UnauthorizedException('This invitation token is not valid for this screening.');
      }
      const screening = await this.screenings.findById(screeningId);
      if (!screening)
        throw new UnauthorizedException('This invitation token is not valid for this screening.');
      if (screening.invitationExpiresAt.getTime() < Date.now()) {
        throw new UnauthorizedException(
          `This invitation expired at ${screening.invitationExpiresAt.toISOString()}; ask the buyer to extend the deadline.`,
        );
      }
      request.principal = { kind: 'supplier', userId: `supplier:${screeningId}`, screeningId };
      return true;
    }

    const principal = await this.tokens.resolveStaff(token);
    if (!principal || principal.kind !== 'user') throw new UnauthorizedException('Unknown or revoked token.');
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (allowed && !principal.roles.some((r) => allowed.includes(r))) {
      throw new ForbiddenException(
        `This needs one of the roles ${allowed.join(', ')}; you have ${principal.roles.join(', ') || 'none'}.`,
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(SUPPLIER_KEY, targets) && !allowed) {
      throw new ForbiddenException('Only the invited supplier can do this.');
    }
    return true;
  }
}
