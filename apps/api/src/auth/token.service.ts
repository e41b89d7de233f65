// Bearer tokens: API keys (`sk_…`, stored as SHA-256), the bootstrap admin token from configuration,
// and supplier invitation tokens (`inv_…`, an HMAC of the screening id, so nothing secret is stored).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../../libs/contracts/src/index.js';
import { AppConfig } from '../../../../libs/config/src/index.js';
import { ApiKeyRepository } from '../../../../libs/persistence/src/index.js';
import type { Principal } from './principal.js';

export const BOOTSTRAP_ADMIN_USER = 'bootstrap-admin';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

@Injectable()
export class TokenService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(ApiKeyRepository) private readonly apiKeys: ApiKeyRepository,
  ) {}

  async issueApiKey(userId: string, roles: Role[], createdBy: string): Promise<string> {
    const token = `sk_${randomBytes(24).toString('base64url')}`;
    await this.apiKeys.insert({ tokenHash: sha256(token), userId, roles, createdBy });
    return token;
  }

  async resolveStaff(token: string): Promise<Principal | null> {
    const bootstrap = this.config.BOOTSTRAP_ADMIN_TOKEN;
    if (bootstrap && safeEqual(token, bootstrap))
      return { kind: 'user', userId: BOOTSTRAP_ADMIN_USER, roles: ['admin'] };
    if (!token.startsWith('sk_')) return null;
    const key = await this.apiKeys.findActiveByHash(sha256(token));
    return key ? { kind: 'user', userId: key.userId, roles: key.roles as Role[] } : null;
  }

  invitationToken(screeningId: string): string {
    return `inv_${createHmac('sha256', this.config.INVITATION_SECRET!).update(screeningId).digest('base64url')}`;
  }

  isInvitationFor(token: string, screeningId: string): boolean {
    return token.startsWith('inv_') && safeEqual(token, this.invitationToken(screeningId));
  }
}
