import type { DataSource } from 'typeorm';
import type { WaitingFor } from '../../../contracts/src/index.js';
import { ScreeningAssignmentEntity } from '../entities/screening-assignment.entity.js';
import { ScreeningEntity } from '../entities/screening.entity.js';

export interface InboxItem {
  assignment: ScreeningAssignmentEntity;
  screening: ScreeningEntity;
}

export interface InboxQuery {
  userId: string;
  /** The staff pools the caller belongs to (reviewer, approver). */
  pools: string[];
  limit: number;
  offset: number;
}

export class ScreeningAssignmentRepository {
  constructor(private readonly db: DataSource) {}

  /** Records who the screening waits for; a snapshot older than the stored one is ignored. */
  async apply(screeningId: string, stateVersion: number, waiting: WaitingFor | null): Promise<void> {
    await this.db.query(
      `INSERT INTO screening_assignments AS a
              (screening_id, step, pools, level, waiting_since, due_at, escalated, excluded_user_ids, state_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (screening_id) DO UPDATE SET
              step = EXCLUDED.step, pools = EXCLUDED.pools, level = EXCLUDED.level,
              waiting_since = EXCLUDED.waiting_since, due_at = EXCLUDED.due_at, escalated = EXCLUDED.escalated,
              excluded_user_ids = EXCLUDED.excluded_user_ids, state_version = EXCLUDED.state_version,
              updated_at = now()
        WHERE a.state_version < EXCLUDED.state_version`,
      [
        screeningId,
        waiting?.step ?? null,
        waiting?.pools ?? [],
        waiting?.level ?? null,
        waiting?.since ?? null,
        waiting?.dueAt ?? null,
        waiting?.escalated ?? false,
        waiting?.excludedUserIds ?? [],
        stateVersion,
      ],
    );
  }

  find(screeningId: string): Promise<ScreeningAssignmentEntity | null> {
    return this.db.getRepository(ScreeningAssignmentEntity).findOneBy({ screeningId });
  }

  /** What waits for one of the caller's pools and that four eyes let the caller act on, oldest first. */
  async inbox(query: InboxQuery): Promise<{ items: InboxItem[]; total: number }> {
    const builder = this.db
      .getRepository(ScreeningAssignmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.screening', ScreeningEntity, 's', 's.id = a.screening_id')
      .where('a.pools && :pools::text[]', { pools: query.pools })
      .andWhere('NOT (:userId = ANY(a.excluded_user_ids))', { userId: query.userId })
      .andWhere('s.started_by <> :userId', { userId: query.userId })
      .orderBy('a.waiting_since', 'ASC')
      .addOrderBy('a.screening_id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map((assignment) => ({ assignment, screening: assignment.screening! })), total };
  }
}
