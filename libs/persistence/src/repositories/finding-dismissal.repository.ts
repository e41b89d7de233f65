// Reviewers' dismissals of false name-screening hits: written by the API, read by the worker when it
// records a checks round's findings.
import type { DataSource } from 'typeorm';
import { FindingDismissalEntity } from '../entities/finding-dismissal.entity.js';

export interface NewFindingDismissal {
  screeningId: string;
  entityExternalId: string;
  subjectKey: string;
  findingKey: string;
  round: number;
  subject: { role: string; name: string; country?: string };
  reason: string;
  dismissedBy: string;
  dismissedByRole: string;
}

export class FindingDismissalRepository {
  constructor(private readonly db: DataSource) {}

  forScreening(screeningId: string): Promise<FindingDismissalEntity[]> {
    return this.db
      .getRepository(FindingDismissalEntity)
      .find({ where: { screeningId }, order: { dismissedAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Stores the dismissal unless the same hit (screening, entity, subject) is dismissed already, and
   * returns whichever row stands. Safe when two reviewers dismiss the same hit at once.
   */
  async insertOrGetExisting(
    dismissal: NewFindingDismissal,
  ): Promise<{ dismissal: FindingDismissalEntity; created: boolean }> {
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(FindingDismissalEntity)
      .values(dismissal)
      .orIgnore()
      .returning('id')
      .execute();
    const created = inserted.raw.length > 0;
    const stored = await this.db.getRepository(FindingDismissalEntity).findOneByOrFail({
      screeningId: dismissal.screeningId,
      entityExternalId: dismissal.entityExternalId,
      subjectKey: dismissal.subjectKey,
    });
    return { dismissal: stored, created };
  }

  /** Takes back a dismissal whose audit event could not be written: a dismissal is never unaudited. */
  async remove(id: string): Promise<void> {
    await this.db.getRepository(FindingDismissalEntity).delete({ id });
  }
}
