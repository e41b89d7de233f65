import type { Role } from '../../../../libs/contracts/src/index.js';

export type Principal =
  { kind: 'user'; userId: string; roles: Role[] } | { kind: 'supplier'; userId: string; screeningId: string };

export const STAFF_ROLES: Role[] = ['buyer', 'reviewer', 'approver', 'auditor', 'admin'];
