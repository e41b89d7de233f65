// Alerts raised by continuous monitoring (see apps/worker/src/monitoring): listed newest first a page at
// a time, and acknowledged by a reviewer or approver. An acknowledgement is a human action on the
// screening, so it is audited in the screening's chain (a monitoring event may follow the seal).
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from '../../../../libs/audit/src/index.js';
import type { Role } from '../../../../libs/contracts/src/index.js';
import {
  MonitoringRepository,
  ScreeningRepository,
  type AlertCursor,
} from '../../../../libs/persistence/src/index.js';
import { parseInstant } from '../audit/audit-period.js';
import type { Principal } from '../auth/principal.js';
import { AlertException, AlertExceptionCode } from './alert.exception.js';
import { presentAlert } from './alert.presenter.js';
import type { ListAlertsQuery } from './dtos/list-alerts.query.js';

export const ALERT_ACKNOWLEDGED_ACTION = 'monitoring.alert_acknowledged';
const DEFAULT_LIMIT = 50;
/** The roles that may acknowledge, in the order the audit trail names the acknowledger by. */
const ACKNOWLEDGING_ROLES: readonly Role[] = ['reviewer', 'approver'];
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

@Injectable()
export class AlertsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MonitoringRepository) private readonly monitoring: MonitoringRepository,
    @Inject(ScreeningRepository) private readonly screenings: ScreeningRepository,
    @Inject(AuditEventRepository) private readonly audit: AuditEventRepository,
  ) {}

  async list(query: ListAlertsQuery) {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = await this.monitoring.listAlerts({
      screeningId: query.screeningId,
      tenderId: query.tenderId,
      since: query.since ? parseInstant('since', query.since) : undefined,
      acknowledged: query.acknowledged,
      before: query.cursor !== undefined ? decodeCursor(query.cursor) : undefined,
      // One more than asked tells whether another page follows.
      limit: limit + 1,
    });
    const items = page.slice(0, limit);
    return {
      items: items.map(({ alert, supplier }) => presentAlert(alert, supplier)),
      nextCursor: page.length > limit ? encodeCursor(items[items.length - 1].cursor) : null,
    };
  }

  async get(id: string) {
    const alert = await this.monitoring.findAlert(id);
    if (!alert) throw notFound(id);
    return presentAlert(alert, await this.supplierOf(alert.screeningId));
  }

  /**
   * Marks the alert acknowledged and audits it, in one transaction. The same person again gets the
   * stored acknowledgement (a retried request); someone else, a 409 naming who acknowledged it.
   */
  async acknowledge(id: string, note: string | undefined, principal: Principal) {
    const result = await this.db.transaction(async (tx) => {
      const done = await this.monitoring.acknowledge(id, principal.userId, note || null, tx);
      if (!done) throw notFound(id);
      const { alert, acknowledged } = done;
      if (!acknowledged) return alert;
      const role = ACKNOWLEDGING_ROLES.find((r) => principal.kind === 'user' && principal.roles.includes(r))!;
      await this.audit.append(
        {
          screeningId: alert.screeningId,
          eventKey: `alert-ack:${alert.id}`,
          occurredAt: alert.acknowledgedAt!.toISOString(),
          actor: { userId: principal.userId, role },
          action: ALERT_ACKNOWLEDGED_ACTION,
          data: {
            alertId: alert.id,
            referenceDataVersion: String(alert.referenceDataVersion),
            note: note || null,
          },
        },
        tx,
      );
      return alert;
    });
    if (result.acknowledgedBy !== principal.userId) {
      throw new AlertException(
        AlertExceptionCode.AlreadyAcknowledged,
        `Alert ${id} was acknowledged by ${result.acknowledgedBy} at ${result.acknowledgedAt!.toISOString()}.`,
        { acknowledged: { by: result.acknowledgedBy, at: result.acknowledgedAt!.toISOString() } },
      );
    }
    return presentAlert(result, await this.supplierOf(result.screeningId));
  }

  private async supplierOf(screeningId: string) {
    const screening = await this.screenings.findById(screeningId);
    return { name: screening?.supplierName ?? '', country: screening?.supplierCountry ?? '' };
  }
}

function notFound(id: string): AlertException {
  return new AlertException(AlertExceptionCode.NotFound, `No alert ${id}.`);
}

/** Opaque to clients: the last alert's place (microsecond time and id), base64url JSON. */
export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): AlertCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    typeof decoded[0] !== 'string' ||
    !CURSOR_AT.test(decoded[0]) ||
    typeof decoded[1] !== 'string' ||
    !decoded[1].startsWith('alr_')
  ) {
    throw new AlertException(
      AlertExceptionCode.BadCursor,
      'cursor is not one this API gave out: pass the nextCursor of the previous page unchanged, or leave it out to start from the newest alert.',
    );
  }
  return { at: decoded[0], id: decoded[1] };
}
