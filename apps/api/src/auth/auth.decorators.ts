import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../../../libs/contracts/src/index.js';
import type { Principal } from './principal.js';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';
export const SUPPLIER_KEY = 'supplier';

/** Staff roles allowed on a route (any one of them). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** The supplier's invitation token is accepted here, for the screening named by `:id` only. */
export const SupplierAccess = () => SetMetadata(SUPPLIER_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal,
);
