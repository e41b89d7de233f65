import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { InboxQuery } from './dtos/inbox.query.js';
import { presentInboxItem, ReviewsService } from './reviews.service.js';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('v1/reviews')
export class ReviewsController {
  constructor(@Inject(ReviewsService) private readonly reviews: ReviewsService) {}

  /** What waits for the caller's sign-off, oldest first, with due dates. */
  @Get('inbox')
  @Roles('reviewer', 'approver')
  async inbox(@Query() query: InboxQuery, @CurrentPrincipal() principal: Principal) {
    const user = principal as Principal & { kind: 'user' };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.reviews.inbox(user.userId, user.roles, limit, offset);
    return { items: items.map((item) => presentInboxItem(item)), total, limit, offset };
  }
}
