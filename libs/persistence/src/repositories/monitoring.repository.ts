// Continuous monitoring's records: which approved screenings still need a re-check at a version, each
// screening's last re-check (the baseline of the next), and the alerts people act on.
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { MonitoringAlertEntity } from '../entities/monitoring-alert.entity.js';
import { ScreeningMonitoringEntity } from '../entities/screening-monitoring.entity.js';

export interface AlertListFilter {
  screeningId?: string;
  tenderId?: string;
  /** Alerts raised at or after this instant. */
  since?: Date;
  acknowledged?: boolean;
  limit: number;
  /** Keyset position: alerts older than this one (newest first). */
  before?: AlertCursor;
}

/** An alert's place in the newest-first order; `at` keeps PostgreSQL's microseconds. */
export interface AlertCursor {
  at: string;
  id: string;
}

export interface ListedAlert {
  alert: MonitoringAlertEntity;
  supplier: { name: string; country: string };
  cursor: AlertCursor;
}

export class MonitoringRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Approved screenings whose trail is sealed (`sealAction` written) and that were neither approved on
   * `version` or later nor re-checked at it, after `afterScreeningId` in id order. A screening approved
   * moments ago and not sealed yet is left to the next run.
   */
  async approvedToRecheck(input: {
    version: number;
    afterScreeningId: string | null;
    limit: number;
    sealAction: string;
  }): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id
         FROM screenings s
         LEFT JOIN screening_monitoring m ON m.screening_id = s.id
        WHERE s.status = 'approved'
          AND ($2::text IS NULL OR s.id > $2::text)
          AND COALESCE(m.reference_data_version,
                       CASE WHEN s.reference_data_version ~ '^[0-9]+$' THEN s.reference_data_version::int END) < $1
          AND EXISTS (SELECT 1 FROM audit_events a WHERE a.screening_id = s.id AND a.action = $4)
        ORDER BY s.id
        LIMIT $3`,
      [input.version, input.afterScreeningId, input.limit, input.sealAction],
    );
    return rows.map((r) => r.id);
  }

  lastCheck(screeningId: string): Promise<ScreeningMonitoringEntity | null> {
    return this.db.getRepository(ScreeningMonitoringEntity).findOneBy({ screeningId });
  }

  /** Records a re-check; a re-check at an older version than the stored one never overwrites it. */
  async saveCheck(check: ScreeningMonitoringEntity, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO screening_monitoring AS m
              (screening_id, reference_data_version, findings, score, band, outcome, checked_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
       ON CONFLICT (screening_id) DO UPDATE
          SET reference_data_version = EXCLUDED.reference_data_version, findings = EXCLUDED.findings,
              score = EXCLUDED.score, band = EXCLUDED.band, outcome = EXCLUDED.outcome,
              checked_at = EXCLUDED.checked_at
        WHERE m.reference_data_version <= EXCLUDED.reference_data_version`,
      [
        check.screeningId,
        check.referenceDataVersion,
        JSON.stringify(check.findings),
        check.score,
        check.band,
        check.outcome,
        check.checkedAt.toISOString(),
      ],
    );
  }

  /** Inserts the alert unless the screening has one for that version; returns whichever stands. */
  async insertAlert(
    alert: Omit<
      MonitoringAlertEntity,
      'createdAt' | 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgementNote'
    >,
    manager: EntityManager = this.db.manager,
  ): Promise<{ alert: MonitoringAlertEntity; created: boolean }> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(MonitoringAlertEntity)
      .values(alert as QueryDeepPartialEntity<MonitoringAlertEntity>)
      .orIgnore()
      .returning('id')
      .execute();
    const stored = await manager.getRepository(MonitoringAlertEntity).findOneByOrFail({
      screeningId: alert.screeningId,
      referenceDataVersion: alert.referenceDataVersion,
    });
    return { alert: stored, created: inserted.raw.length > 0 };
  }

  findAlert(id: string, manager: EntityManager = this.db.manager): Promise<MonitoringAlertEntity | null> {
    return manager.getRepository(MonitoringAlertEntity).findOneBy({ id });
  }

  /**
   * Marks the alert acknowledged unless it is already; locks it, so of two people acknowledging at once
   * one wins and the other reads the first's acknowledgement. Returns the alert and whether this call did it.
   */
  async acknowledge(
    id: string,
    by: string,
    note: string | null,
    manager: EntityManager,
  ): Promise<{ alert: MonitoringAlertEntity; acknowledged: boolean } | null> {
    const alerts = manager.getRepository(MonitoringAlertEntity);
    const alert = await alerts
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!alert) return null;
    if (alert.acknowledgedAt) return { alert, acknowledged: false };
    const at = new Date();
    await alerts.update({ id }, { acknowledgedAt: at, acknowledgedBy: by, acknowledgementNote: note });
    return {
      alert: { ...alert, acknowledgedAt: at, acknowledgedBy: by, acknowledgementNote: note },
      acknowledged: true,
    };
  }

  /** Newest first, a page at a time (keyset on created_at and id), with the screening's supplier. */
  async listAlerts(filter: AlertListFilter): Promise<ListedAlert[]> {
    const query = this.db
      .getRepository(MonitoringAlertEntity)
      .createQueryBuilder('a')
      .innerJoin('a.screening', 's')
      .addSelect(['s.id', 's.supplierName', 's.supplierCountry'])
      .addSelect(`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at');
    if (filter.screeningId)
      query.andWhere('a.screening_id = :screeningId', { screeningId: filter.screeningId });
    if (filter.tenderId) query.andWhere('a.tender_id = :tenderId', { tenderId: filter.tenderId });
    if (filter.since) query.andWhere('a.created_at >= :since', { since: filter.since.toISOString() });
    if (filter.acknowledged !== undefined)
      query.andWhere(`a.acknowledged_at IS ${filter.acknowledged ? 'NOT ' : ''}NULL`);
    if (filter.before) {
      query.andWhere('(a.created_at, a.id) < (CAST(:beforeAt AS timestamptz), :beforeId)', {
        beforeAt: filter.before.at,
        beforeId: filter.before.id,
      });
    }
    const { entities, raw } = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(filter.limit)
      .getRawAndEntities<{ a_id: string; cursor_at: string }>();
    const cursors = new Map(raw.map((row) => [row.a_id, row.cursor_at]));
    return entities.map((alert) => ({
      alert,
      supplier: { name: alert.screening!.supplierName, country: alert.screening!.supplierCountry },
      cursor: { at: cursors.get(alert.id)!, id: alert.id },
    }));
  }
}
